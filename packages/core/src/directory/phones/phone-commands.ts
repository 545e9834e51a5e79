import type { CoreContext } from '../../kernel/context';
import { inTransaction } from '../../kernel/unit-of-work';
import { addPhone, type AddPhoneOutcome } from './add-phone';
import type { NewPhone, Phone, PhoneAlias, PhoneChanges } from './phone';
import { addPhoneAlias, updatePhoneAlias, type PhoneAliasOutcome } from './phone-alias-commands';
import { removePhone } from './remove-phone';
import { updatePhone, type UpdatePhoneOutcome } from './update-phone';

/** The PBX's phones, the engine devices behind them, and their aliases. */
export interface PhoneCommands {
  /** Whether `serverIp` names a server of the gateway's (where phones live). */
  isPhoneServer(serverIp: string): boolean;
  getPhone(extension: string, serverIp: string): Promise<Phone | null>;
  /** The phones signed in to with this login. */
  phonesWithLogin(login: string): Promise<Phone[]>;
  /** Every phone, by extension then server. */
  listPhones(): Promise<Phone[]>;
  addPhone(request: NewPhone): Promise<AddPhoneOutcome>;
  updatePhone(request: { extension: string; serverIp: string; changes: PhoneChanges }): Promise<UpdatePhoneOutcome>;
  /** The phone removed; null when there was none. */
  removePhone(request: { extension: string; serverIp: string }): Promise<Phone | null>;
  getPhoneAlias(id: string): Promise<PhoneAlias | null>;
  addPhoneAlias(alias: PhoneAlias): Promise<PhoneAliasOutcome>;
  updatePhoneAlias(request: { id: string; name?: string; logins?: readonly string[] }): Promise<PhoneAliasOutcome>;
  /** False when there was no such alias. */
  removePhoneAlias(id: string): Promise<boolean>;
}

export function phoneCommands(ctx: CoreContext): PhoneCommands {
  const direct = ctx.store.direct;
  return {
    isPhoneServer: (serverIp) => serverIp === ctx.config.serverIp,
    getPhone: (extension, serverIp) => direct.phones.get(extension, serverIp),
    phonesWithLogin: (login) => direct.phones.findByLogin(login),
    listPhones: () => direct.phones.list(),
    addPhone: (request) => addPhone(ctx, request),
    updatePhone: (request) => updatePhone(ctx, request),
    removePhone: (request) => removePhone(ctx, request),
    getPhoneAlias: (id) => direct.phoneAliases.get(id),
    addPhoneAlias: (alias) => addPhoneAlias(ctx, alias),
    updatePhoneAlias: (request) => updatePhoneAlias(ctx, request),
    removePhoneAlias: (id) => inTransaction(ctx, ({ tx }) => tx.phoneAliases.remove(id)),
  };
}
