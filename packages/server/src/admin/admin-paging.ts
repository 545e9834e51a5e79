import type { PageRequest } from '@pbx-gateway/core';
import type { JsonSchema } from './admin-route';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

export interface PageQuery {
  offset?: number;
  limit?: number;
}

/** The query parameters every listing takes. */
export const pageQueryProperties = {
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, description: 'items skipped (default 0)' },
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, description: `items answered at most (default ${DEFAULT_PAGE_LIMIT})` },
} as const;

export const pageQuerySchema: JsonSchema = { type: 'object', additionalProperties: false, properties: pageQueryProperties };

/** `{"items":[…],"page":{"offset","limit","next"}}`: `next` is the offset of the following page, null on the last. */
export const pageSchema = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'page'],
  properties: {
    items: { type: 'array', items: item },
    page: {
      type: 'object',
      additionalProperties: false,
      required: ['offset', 'limit', 'next'],
      properties: { offset: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1 }, next: { type: ['integer', 'null'], minimum: 0 } },
    },
  },
});

export interface Page<T> {
  items: T[];
  page: { offset: number; limit: number; next: number | null };
}

/** One row more than the page holds is asked for: its presence says whether a next page exists. */
export async function readPage<T, V>(query: PageQuery, read: (page: PageRequest) => Promise<T[]>, view: (item: T) => V | Promise<V>): Promise<Page<V>> {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await read({ offset, limit: limit + 1 });
  const items = await Promise.all(rows.slice(0, limit).map(view));
  return { items, page: { offset, limit, next: rows.length > limit ? offset + limit : null } };
}

/** A page of a listing the store answers whole (live state, small directories). */
export const sliceOf =
  <T>(all: () => Promise<T[]>) =>
  async (page: PageRequest): Promise<T[]> =>
    (await all()).slice(page.offset, page.offset + page.limit);
