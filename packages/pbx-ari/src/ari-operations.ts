/**
 * The ARI operations this adapter sends, named `resource.nickname` exactly as
 * Asterisk's API description names them (ari-client exposes each as
 * `client[resource][nickname](params)`).
 */
export type AriOperation =
  | 'channels.originate'
  | 'channels.get'
  | 'channels.list'
  | 'channels.hangup'
  | 'channels.play'
  | 'channels.sendDTMF'
  | 'channels.ring'
  | 'channels.ringStop'
  | 'channels.mute'
  | 'channels.unmute'
  | 'channels.answer'
  | 'channels.startMoh'
  | 'channels.stopMoh'
  | 'channels.snoopChannelWithId'
  | 'bridges.createWithId'
  | 'bridges.destroy'
  | 'bridges.addChannel'
  | 'bridges.removeChannel'
  | 'bridges.play'
  | 'bridges.startMoh'
  | 'bridges.list'
  | 'bridges.record'
  | 'recordings.stop'
  | 'recordings.pause'
  | 'recordings.unpause'
  | 'recordings.getLive'
  | 'recordings.copyStored'
  | 'recordings.deleteStored'
  | 'playbacks.get'
  | 'playbacks.control'
  | 'playbacks.stop'
  | 'endpoints.list'
  | 'asterisk.getObject'
  | 'asterisk.updateObject'
  | 'asterisk.deleteObject'
  | 'applications.subscribe';

/** One attribute of a configuration object (ARI's `ConfigTuple`). */
export interface AriConfigTuple {
  attribute: string;
  value: string;
}

/**
 * Parameters by their ARI names. Path and query parameters are scalars; the
 * body parameters used are a string map (`variables` of an originate) and a
 * list of `ConfigTuple`s (`fields` of a configuration object), which
 * ari-client sends as the JSON body `{"variables": {...}}`, `{"fields": [...]}`.
 */
export type AriParams = Readonly<Record<string, string | number | boolean | Readonly<Record<string, string>> | readonly AriConfigTuple[]>>;

export interface AriCallOptions {
  /**
   * The request may be sent twice without acting twice (a read, a delete
   * whose 404 counts as done, a create with our own id whose 409 means it
   * exists). Only such calls are retried after a connection-level failure.
   */
  idempotent: boolean;
}

/** Issues one ARI request and returns what ari-client resolved, or throws a PbxFailure. */
export type AriRestCall = (operation: AriOperation, params: AriParams, options?: AriCallOptions) => Promise<unknown>;
