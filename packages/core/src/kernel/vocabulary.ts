import { DomainError } from '../errors/domain-error';

/*
 * Words the dialects bring, opaque to the core: how an agent signed in,
 * which dialect's client an API account is, what kind of bearer token was
 * issued. Each dialect exports its own (a DialectVocabulary), the server
 * registers them all, and the core keeps them apart without knowing them.
 */

/** How an agent's session was started (a dialect's name for itself, or the server's provisioning). */
export type LoginChannel = string;

/** Which dialect an API account belongs to; each keeps its own kind of client. */
export type ApiRealm = string;

/** What a bearer token is for (a dialect's session token, a sign-in GUID). */
export type AccessTokenKind = string;

/** The words one dialect (or the server) registers. */
export interface DialectVocabulary {
  loginChannels?: readonly LoginChannel[];
  apiRealms?: readonly ApiRealm[];
  tokenKinds?: readonly AccessTokenKind[];
}

/** Every registered word; a command naming a word nobody registered is refused. */
export class Vocabulary {
  private readonly loginChannels: ReadonlySet<string>;
  private readonly tokenKinds: ReadonlySet<string>;

  constructor(parts: readonly DialectVocabulary[]) {
    this.loginChannels = new Set(parts.flatMap((part) => part.loginChannels ?? []));
    this.tokenKinds = new Set(parts.flatMap((part) => part.tokenKinds ?? []));
  }

  requireLoginChannel(via: LoginChannel): void {
    if (!this.loginChannels.has(via)) throw new DomainError('INVALID_ARGUMENT', `no dialect signs agents in as ${via}`, { via });
  }

  requireTokenKind(kind: AccessTokenKind): void {
    if (!this.tokenKinds.has(kind)) throw new DomainError('INVALID_ARGUMENT', `no dialect issues tokens of kind ${kind}`, { kind });
  }
}
