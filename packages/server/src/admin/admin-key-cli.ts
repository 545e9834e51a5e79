import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ADMIN_SCOPES, type AdminKeyRepository, type AdminScope } from '@pbx-gateway/core';
import { hashAdminKey } from './admin-key';

export const ADMIN_KEY_USAGE = `  admin-key create NAME --scope read[,provision,control]
                     make a scoped admin API key: printed once, stored as its SHA-256
  admin-key list     the stored keys (names, scopes; never a key)
  admin-key revoke NAME
`;

export interface KeyCliIo {
  out(text: string): void;
  err(text: string): void;
}

/** `pbx-gateway admin-key …` on the database itself: keys exist before any gateway runs. */
export async function adminKeyCommand(args: readonly string[], keys: AdminKeyRepository, io: KeyCliIo, now: Date): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, strict: false, options: { scope: { type: 'string', multiple: true } } });
  const name = positionals[0];
  switch (action) {
    case 'create': {
      const scopes = [...new Set((values.scope ?? []).flatMap((value) => String(value).split(',')).map((scope) => scope.trim()).filter(Boolean))];
      const unknown = scopes.filter((scope) => !(ADMIN_SCOPES as readonly string[]).includes(scope));
      if (name === undefined || positionals.length !== 1 || !/^[A-Za-z0-9_.@-]{1,64}$/.test(name) || scopes.length === 0 || unknown.length > 0) {
        io.err(`usage:\n${ADMIN_KEY_USAGE}${unknown.length > 0 ? `unknown scope: ${unknown.join(', ')} (scopes: ${ADMIN_SCOPES.join(', ')})\n` : ''}`);
        return 2;
      }
      if (await keys.get(name)) {
        io.err(`pbx-gateway: a key named ${name} exists; revoke it first\n`);
        return 1;
      }
      const key = randomBytes(32).toString('base64url');
      await keys.upsert({ name, keySha256: hashAdminKey(key), scopes: scopes as AdminScope[], createdAt: now });
      io.out(`${JSON.stringify({ name, scopes, key }, null, 2)}\n`);
      return 0;
    }
    case 'list': {
      const stored = await keys.list({ offset: 0, limit: 10_000 });
      io.out(`${JSON.stringify({ keys: stored.map((key) => ({ name: key.name, scopes: key.scopes, createdAt: key.createdAt.toISOString() })) }, null, 2)}\n`);
      return 0;
    }
    case 'revoke': {
      if (name === undefined || positionals.length !== 1) {
        io.err(`usage:\n${ADMIN_KEY_USAGE}`);
        return 2;
      }
      if (!(await keys.delete(name))) {
        io.err(`pbx-gateway: no key named ${name}\n`);
        return 1;
      }
      io.out(`${JSON.stringify({ name, revoked: true })}\n`);
      return 0;
    }
    default:
      io.err(`usage:\n${ADMIN_KEY_USAGE}`);
      return 2;
  }
}
