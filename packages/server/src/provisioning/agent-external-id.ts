import type { AgentEntry } from './provisioning-document';
import { ProvisioningError } from './provisioning-document';

/** VICIdial documents name the agent's CRM id as this user attribute. */
const VICIDIAL_ATTRIBUTE = 'custom_three';

/**
 * The external id of an agent entry, and the attributes left to store: an
 * `attributes.custom_three` (how VICIdial keeps it) is taken as the external
 * id, so VICIdial documents apply unchanged.
 */
export function agentExternalId(entry: AgentEntry): { externalId: string | null; attributes: Record<string, string> } {
  const { [VICIDIAL_ATTRIBUTE]: fromAttribute, ...attributes } = entry.attributes ?? {};
  const given = entry.externalId ?? undefined;
  if (given !== undefined && fromAttribute !== undefined && fromAttribute !== given) {
    throw new ProvisioningError(`agent ${entry.id}: externalId ${given} and attributes.${VICIDIAL_ATTRIBUTE} ${fromAttribute} disagree`);
  }
  const externalId = given ?? fromAttribute;
  return { externalId: externalId === undefined || externalId === '' ? null : externalId, attributes };
}

/** Refuses a document that gives one external id to two agents, naming them. */
export function checkExternalIdsDistinct(entries: readonly AgentEntry[]): void {
  const holders = new Map<string, string>();
  for (const entry of entries) {
    const { externalId } = agentExternalId(entry);
    if (externalId === null) continue;
    const holder = holders.get(externalId);
    if (holder !== undefined && holder !== entry.id) throw new ProvisioningError(`agents ${holder} and ${entry.id} have the same external id ${externalId}`);
    holders.set(externalId, entry.id);
  }
}
