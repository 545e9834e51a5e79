import Ajv from 'ajv';
import { DomainError, type DomainErrorCode, type PageRequest } from '@pbx-gateway/core';
import { applyDirectory } from '../../provisioning/apply-provisioning';
import { ProvisioningError, provisioningEntrySchema, type ProvisioningDocument } from '../../provisioning/provisioning-document';
import { adminError, type AdminErrorCode } from '../admin-errors';
import { pageQuerySchema, pageSchema, readPage, type PageQuery } from '../admin-paging';
import { defineRoute, type AdminContext, type AdminRoute, type JsonSchema } from '../admin-route';
import { objectSchema } from '../admin-schemas';

/**
 * A part of the directory that provisioning writes: listed and read through
 * the store's ports, created or replaced with the entry of its provisioning
 * section (the same schema, the same defaults, the same code as a file).
 */
export interface ProvisionedResource<Key extends object, Stored, View> {
  tag: string;
  /** `/agents`; one item is at `<collection>/{…key parameters}`. */
  collection: string;
  /** The singular name in answers (`{"agent":…}`) and operation ids. */
  singular: string;
  plural: string;
  /** The path parameters naming one item, and how they make its key. */
  keyParams: Record<string, JsonSchema>;
  keyOf(params: Record<string, unknown>): Key;
  /** The provisioning section and how an entry is made of the key and the body. */
  section: keyof ProvisioningDocument;
  entryOf(key: Key, body: Record<string, unknown>): Record<string, unknown>;
  /** The entry's fields that `entryOf` fills from the key: not in the body. */
  keyFields: readonly string[];
  /** Fields of the provisioning entry the body does not take (set by operations of their own). */
  bodyOmits?: readonly string[];
  /**
   * Changes an item that exists, where provisioning would not (it leaves a
   * stored lead as it is); without it, the entry replaces the item.
   */
  update?(ctx: AdminContext, key: Key, entry: Record<string, unknown>, stored: Stored): Promise<void>;
  /** Refuses an entry whose references do not exist, before anything is written. */
  check?(ctx: AdminContext, entry: Record<string, unknown>): Promise<void>;
  list(ctx: AdminContext, page: PageRequest): Promise<Stored[]>;
  get(ctx: AdminContext, key: Key): Promise<Stored | null>;
  view(stored: Stored): View;
  viewSchema: JsonSchema;
  /** The refusal when the item does not exist: the core's own code for it, or NOT_FOUND. */
  notFoundCode: DomainErrorCode | 'NOT_FOUND';
  /** Refusals of `check` (CAMPAIGN_NOT_FOUND …). */
  putRefusals?: ReadonlyArray<AdminErrorCode | DomainErrorCode>;
}

export function provisionedRoutes<Key extends object, Stored, View>(resource: ProvisionedResource<Key, Stored, View>): AdminRoute[] {
  const itemPath = `${resource.collection}/${Object.keys(resource.keyParams).map((name) => `{${name}}`).join('/')}`;
  const params = objectSchema(resource.keyParams);
  const capital = resource.singular[0]!.toUpperCase() + resource.singular.slice(1);
  const pluralCapital = resource.plural[0]!.toUpperCase() + resource.plural.slice(1);
  const answer = objectSchema({ [resource.singular]: resource.viewSchema });
  const entry = provisioningEntrySchema(resource.section);
  const omitted = [...resource.keyFields, ...(resource.bodyOmits ?? [])];
  const entryProperties = Object.fromEntries(Object.entries(entry.properties as Record<string, JsonSchema>).filter(([name]) => !omitted.includes(name)));
  const body: JsonSchema = {
    ...entry,
    properties: entryProperties,
    required: ((entry.required ?? []) as string[]).filter((name) => name in entryProperties),
  };
  const checkEntry = new Ajv({ allErrors: true }).compile(entry);
  const read = async (ctx: AdminContext, key: Key): Promise<Stored> => {
    const stored = await resource.get(ctx, key);
    if (stored === null) {
      const message = `no such ${resource.singular}: ${Object.values(key as object).join(' ')}`;
      throw resource.notFoundCode === 'NOT_FOUND' ? adminError('NOT_FOUND', message) : new DomainError(resource.notFoundCode, message);
    }
    return stored;
  };
  return [
    defineRoute<Record<string, never>, PageQuery>({
      method: 'get',
      path: resource.collection,
      operationId: `list${pluralCapital}`,
      summary: `A page of ${resource.plural}`,
      tag: resource.tag,
      scope: 'read',
      query: pageQuerySchema,
      success: { status: 200, description: `a page of ${resource.plural}`, schema: pageSchema(resource.viewSchema) },
      handle: async (ctx, { query }) => ({ status: 200, body: await readPage(query, (page) => resource.list(ctx, page), resource.view) }),
    }),
    defineRoute<Record<string, unknown>>({
      method: 'get',
      path: itemPath,
      operationId: `get${capital}`,
      summary: `One ${resource.singular}`,
      tag: resource.tag,
      scope: 'read',
      params,
      success: { status: 200, description: `the ${resource.singular}`, schema: answer },
      refusals: [resource.notFoundCode],
      handle: async (ctx, { params: values }) => ({ status: 200, body: { [resource.singular]: resource.view(await read(ctx, resource.keyOf(values))) } }),
    }),
    defineRoute<Record<string, unknown>, Record<string, never>, Record<string, unknown>>({
      method: 'put',
      path: itemPath,
      operationId: `put${capital}`,
      summary: `Create or replace one ${resource.singular}, as provisioning's \`${resource.section}\` entry`,
      tag: resource.tag,
      scope: 'provision',
      params,
      body: { schema: body, presence: 'required' },
      success: { status: 200, description: `the ${resource.singular} as stored`, schema: answer, created: `the ${resource.singular} was created` },
      refusals: resource.putRefusals ?? [],
      async handle(ctx, { params: values, body: fields }) {
        const key = resource.keyOf(values);
        const stored = await resource.get(ctx, key);
        const entry = resource.entryOf(key, fields);
        // The key from the path too must be what a provisioning file may name.
        if (!checkEntry(entry)) throw adminError('INVALID_REQUEST', 'the path is not valid', (checkEntry.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`));
        try {
          await resource.check?.(ctx, entry);
          if (stored !== null && resource.update) await resource.update(ctx, key, entry, stored);
          else await applyDirectory(ctx.store, ctx.hasher, { [resource.section]: [entry] });
        } catch (error) {
          if (error instanceof ProvisioningError) throw adminError('INVALID_REQUEST', error.message.replace(/^invalid provisioning document: /, ''));
          throw error;
        }
        return { status: stored !== null ? 200 : 201, body: { [resource.singular]: resource.view(await read(ctx, key)) } };
      },
    }),
  ];
}

