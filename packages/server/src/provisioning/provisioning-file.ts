import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { checkProvisioningDocument, ProvisioningError, type ProvisioningDocument } from './provisioning-document';

export function readProvisioningFile(path: string): ProvisioningDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ProvisioningError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    throw new ProvisioningError(`${path} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  return checkProvisioningDocument(parsed);
}
