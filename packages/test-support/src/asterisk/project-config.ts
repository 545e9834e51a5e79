import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../reference-data';

/** The Asterisk configuration the project ships (docker/asterisk), used as it is. */
export const projectAsteriskConfigDir = (): string => join(repositoryRoot(), 'docker', 'asterisk');

export function projectAsteriskConfigFiles(): string[] {
  return readdirSync(projectAsteriskConfigDir()).filter((file) => file.endsWith('.conf')).sort();
}

/** A phone of pjsip.conf: its endpoint name and the credentials it registers with. */
export interface ConfiguredPhone {
  resource: string;
  username: string;
  password: string;
}

/**
 * The phones pjsip.conf declares (`[name](phone-auth)` sections), so that the
 * far ends register exactly those, with their own credentials.
 */
export function configuredPhones(pjsipConf = readFileSync(join(projectAsteriskConfigDir(), 'pjsip.conf'), 'utf8')): ConfiguredPhone[] {
  const phones: ConfiguredPhone[] = [];
  let current: ConfiguredPhone | null = null;
  for (const raw of pjsipConf.split('\n')) {
    const line = raw.replace(/;.*$/, '').trim();
    const header = /^\[([^\]]+)\](?:\(([^)]*)\))?$/.exec(line);
    if (header) {
      current = header[2] === 'phone-auth' ? { resource: header[1]!, username: header[1]!, password: '' } : null;
      if (current) phones.push(current);
      continue;
    }
    const setting = /^(\w+)\s*=>?\s*(.*)$/.exec(line);
    if (current && setting) {
      if (setting[1] === 'username') current.username = setting[2]!;
      if (setting[1] === 'password') current.password = setting[2]!;
    }
  }
  return phones;
}

/** ari.conf's gateway account. */
export function configuredAriUser(ariConf = readFileSync(join(projectAsteriskConfigDir(), 'ari.conf'), 'utf8')): { user: string; password: string } {
  let section = '';
  let type = '';
  for (const raw of ariConf.split('\n')) {
    const line = raw.replace(/;.*$/, '').trim();
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      section = header[1]!;
      type = '';
      continue;
    }
    const setting = /^(\w+)\s*=>?\s*(.*)$/.exec(line);
    if (!setting) continue;
    if (setting[1] === 'type') type = setting[2]!;
    if (setting[1] === 'password' && type === 'user') return { user: section, password: setting[2]! };
  }
  throw new Error('ari.conf declares no ARI user');
}
