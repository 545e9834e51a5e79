import { ccgatewayCompatibility } from '@pbx-gateway/dialect-ccgateway';
import { renderSupportTable, type SupportSection } from '@pbx-gateway/dialect-kit';
import { sipcallCompatibility } from '@pbx-gateway/dialect-sipcall';
import { vicidialCompatibility } from '@pbx-gateway/dialect-vicidial';
import { voipsunCompatibility } from '@pbx-gateway/dialect-voipsun';

/** Where the matrix is kept, from the repository's root, and the command that writes it. */
export const COMPATIBILITY_DOC = 'docs/compatibility.md';
export const REGENERATE_COMMAND = 'npm run docs:compatibility';

const DIALECTS: ReadonlyArray<readonly [string, string, () => SupportSection[]]> = [
  ['VICIdial', 'vicidial.md', vicidialCompatibility],
  ['VoIPSUN', 'voipsun.md', voipsunCompatibility],
  ['CC-Gateway', 'cc-gateway.md', ccgatewayCompatibility],
  ['Sip_Call', 'sip-call.md', sipcallCompatibility],
];

/**
 * docs/compatibility.md as the code states it: each dialect's operations in
 * catalogue order with what they leave out (`partial` of an operation), then
 * the documented ones the dialect lists as not carried out.
 */
export function renderCompatibilityMatrix(): string {
  const parts = [
    '# Compatibility matrix',
    '',
    `<!-- Generated from the dialects' operation catalogues: do not edit. Regenerate with \`${REGENERATE_COMMAND}\`. -->`,
    '',
    'Every operation each dialect answers, and every documented one it does not carry out. ' +
      '**supported**: carried out as documented; **partial**: carried out, except what the reason says; ' +
      '**not supported**: answered with the dialect\'s own refusal, as the reason says. ' +
      'How each operation maps onto the core is in the dialect\'s own page.',
  ];
  for (const [title, page, sections] of DIALECTS) {
    parts.push('', `## ${title}`, '', `See [${page}](${page}).`);
    for (const section of sections()) {
      const counts = countLevels(section);
      parts.push('', `### ${section.heading}`, '', counts, '', renderSupportTable(section.rows).trimEnd());
    }
  }
  return `${parts.join('\n')}\n`;
}

function countLevels(section: SupportSection): string {
  const count = (level: string): number => section.rows.filter((row) => row.level === level).length;
  return `${count('supported')} supported, ${count('partial')} partial, ${count('not supported')} not supported.`;
}
