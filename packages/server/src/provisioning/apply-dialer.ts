import { leadFieldsWith, NOT_CALLED_SINCE_RESET, type ListCustomField, type StoreTransaction } from '@pbx-gateway/core';
import type { CustomFieldEntry, DialerSections } from './dialer-sections';
import { ProvisioningError } from './provisioning-document';

export interface DialerApplied {
  campaigns: number;
  lists: number;
  leads: number;
  statuses: number;
  dnc: number;
  groupAliases: number;
  settingsContainers: number;
  callMenus: number;
  voicemailBoxes: number;
  phoneCodes: number;
  postalCodes: number;
  callTimes: number;
  stateCallTimes: number;
  nanpaPrefixes: number;
}

/**
 * Writes the dialer sections inside the directory's transaction. Campaigns,
 * lists and statuses take the document's values; a lead already stored
 * (among the leads or in the lead archive) is left as it is, so that the
 * statuses agents gave and the archiving done since survive a restart that
 * provisions again; an `archived` lead is stored in the archive; do-not-call
 * numbers are only ever added.
 */
export async function applyDialerSections(tx: StoreTransaction, document: DialerSections, now: Date): Promise<DialerApplied> {
  for (const entry of document.campaigns ?? []) {
    await tx.campaigns.upsert({
      id: entry.id,
      name: entry.name ?? entry.id,
      active: entry.active ?? true,
      dialMethod: entry.dialMethod ?? 'MANUAL',
      allowInbound: entry.allowInbound ?? false,
      manualDialListId: entry.manualDialListId === undefined ? 998 : entry.manualDialListId,
      apiManualDial: entry.apiManualDial ?? 'STANDARD',
      manualPreviewDial: entry.manualPreviewDial ?? 'PREVIEW_AND_SKIP',
      altNumberDialing: entry.altNumberDialing ?? false,
      agentLeadSearch: entry.agentLeadSearch ?? 'DISABLED',
      defaultXferGroup: entry.defaultXferGroup ?? null,
      parkExt: entry.parkExt ?? null,
      campaignCid: entry.campaignCid ?? null,
      dialPrefix: entry.dialPrefix ?? '',
      useOtherCampaignDnc: entry.useOtherCampaignDnc ?? null,
      settings: entry.settings ?? {},
    });
  }
  for (const entry of document.lists ?? []) {
    await tx.leadLists.upsert({ id: entry.id, name: entry.name ?? `List ${entry.id}`, campaignId: entry.campaignId, active: entry.active ?? true });
    if (entry.customFields) await tx.listCustomFields.replaceForList(entry.id, entry.customFields.map((field) => customFieldOf(entry.id, field)));
  }
  for (const entry of document.statuses ?? []) {
    await tx.leadStatuses.upsert({
      status: entry.status,
      campaignId: entry.campaignId ?? null,
      name: entry.name,
      selectable: entry.selectable ?? true,
      scheduledCallback: entry.scheduledCallback ?? false,
      humanAnswered: entry.humanAnswered ?? false,
      sale: entry.sale ?? false,
    });
  }
  for (const entry of document.leads ?? []) {
    // A lead stored already stays where it is: among the leads, or archived (or brought back) since.
    if ((await tx.leads.get(entry.id)) || (await tx.leadArchive.get(entry.id))) continue;
    const { id, listId, status, archived, ...fields } = entry;
    await (archived === true ? tx.leadArchive : tx.leads).put({
      ...leadFieldsWith(fields),
      id,
      listId,
      entryListId: listId,
      status: status ?? 'NEW',
      user: '',
      entryDate: now,
      modifyDate: now,
      calledCount: 0,
      calledSinceLastReset: NOT_CALLED_SINCE_RESET,
    });
  }
  for (const entry of document.dnc ?? []) {
    await tx.dnc.add({ phoneNumber: entry.phoneNumber, scope: entry.campaignId === undefined ? { kind: 'system' } : { kind: 'campaign', campaignId: entry.campaignId } });
  }
  for (const entry of document.groupAliases ?? []) {
    await tx.groupAliases.upsert({ id: entry.id, callerIdNumber: entry.callerIdNumber, callerIdName: entry.callerIdName ?? '', active: entry.active ?? true });
  }
  for (const entry of document.settingsContainers ?? []) {
    await tx.settingsContainers.upsert({ id: entry.id, type: entry.type, notes: entry.notes ?? '', userGroup: entry.userGroup ?? '---ALL---', content: entry.content ?? '' });
  }
  for (const entry of document.callMenus ?? []) {
    await tx.callMenus.upsert({ id: entry.id, name: entry.name ?? '', prompt: entry.prompt ?? '', userGroup: entry.userGroup ?? '---ALL---' });
  }
  for (const entry of document.voicemailBoxes ?? []) {
    await tx.voicemailBoxes.upsert({ id: entry.id, fullName: entry.fullName ?? '', email: entry.email ?? '', active: entry.active ?? true, userGroup: entry.userGroup ?? '---ALL---' });
  }
  for (const entry of document.phoneCodes ?? []) {
    await tx.timeZones.upsertPhoneCode({
      countryCode: entry.countryCode,
      areaCode: entry.areaCode,
      state: entry.state,
      gmtOffset: entry.gmtOffset,
      ...daylightSaving(entry),
      timeZoneCode: entry.timeZoneCode ?? '',
      country: entry.country ?? '',
      description: entry.description ?? '',
    });
  }
  for (const entry of document.postalCodes ?? []) {
    await tx.timeZones.upsertPostalCode({ countryCode: entry.countryCode, postalCode: entry.postalCode, state: entry.state ?? '', gmtOffset: entry.gmtOffset, ...daylightSaving(entry), country: entry.country ?? '' });
  }
  for (const entry of document.stateCallTimes ?? []) {
    await tx.callTimes.upsertStateCallTime({ id: entry.id, state: entry.state, name: entry.name ?? '', defaultHours: entry.defaultHours, days: entry.days ?? {} });
  }
  for (const entry of document.callTimes ?? []) {
    await tx.callTimes.upsert({ id: entry.id, name: entry.name ?? '', defaultHours: entry.defaultHours, days: entry.days ?? {}, stateRules: entry.stateRules ?? [] });
  }
  for (const entry of document.nanpaPrefixes ?? []) {
    await tx.timeZones.upsertNanpaPrefix({
      areaCode: entry.areaCode,
      prefix: entry.prefix,
      gmtOffset: entry.gmtOffset,
      dst: entry.dst ?? false,
      type: (entry.type ?? '').toUpperCase(),
      city: entry.city ?? '',
      state: entry.state ?? '',
    });
  }
  return {
    campaigns: document.campaigns?.length ?? 0,
    lists: document.lists?.length ?? 0,
    leads: document.leads?.length ?? 0,
    statuses: document.statuses?.length ?? 0,
    dnc: document.dnc?.length ?? 0,
    groupAliases: document.groupAliases?.length ?? 0,
    settingsContainers: document.settingsContainers?.length ?? 0,
    callMenus: document.callMenus?.length ?? 0,
    voicemailBoxes: document.voicemailBoxes?.length ?? 0,
    phoneCodes: document.phoneCodes?.length ?? 0,
    postalCodes: document.postalCodes?.length ?? 0,
    callTimes: document.callTimes?.length ?? 0,
    stateCallTimes: document.stateCallTimes?.length ?? 0,
    nanpaPrefixes: document.nanpaPrefixes?.length ?? 0,
  };
}

/** A field as defined, VICIdial's defaults for what is left out (a text field of 20 shown, 100 kept, first row). */
function customFieldOf(listId: number, entry: CustomFieldEntry): ListCustomField {
  return {
    listId,
    label: entry.label,
    name: entry.name ?? entry.label,
    type: entry.type ?? 'TEXT',
    rank: entry.rank ?? 1,
    order: entry.order ?? 1,
    size: entry.size ?? 20,
    max: entry.max ?? 100,
    defaultValue: entry.default ?? '',
    options: entry.options ?? '',
    required: entry.required ?? false,
    duplicate: entry.duplicate ?? false,
    encrypt: entry.encrypt ?? false,
    showHide: entry.showHide ?? 'DISABLED',
  };
}

/** A code with daylight saving names its rule; without it, the rule is empty whatever was given. */
function daylightSaving(entry: { dst?: boolean; dstRange?: string }): { dst: boolean; dstRange: string } {
  const dst = entry.dst ?? false;
  if (dst && !entry.dstRange) throw new ProvisioningError('a code with daylight saving (dst) names its rule (dstRange)');
  return { dst, dstRange: dst ? (entry.dstRange ?? '') : '' };
}
