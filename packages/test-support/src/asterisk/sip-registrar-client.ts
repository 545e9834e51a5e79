import { createHash, randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

/** A phone that registers (or unregisters) with Asterisk over UDP, as a real SIP phone does. */
export interface SipRegistration {
  /** The address the phone sends from: what Asterisk sees as the registration's source. */
  host: string;
  port: number;
  /** The Contact the phone registered. */
  contact: string;
  /** REGISTER with `Expires: 0`: the contact is removed. */
  unregister(): Promise<void>;
  close(): void;
}

export interface RegisterOptions {
  /** Asterisk's SIP transport. */
  registrarHost: string;
  registrarPort: number;
  /** The endpoint's auth user name (the project's phones: user = password = name). */
  user: string;
  password: string;
  userAgent: string;
  /**
   * Where the phone sends from (a loopback address). Not 127.0.0.1: the
   * rig's Asterisk takes every request from there for its far end.
   */
  localHost?: string;
  /** The Contact's host when it is not the source address (a phone behind NAT). */
  contactHost?: string;
  expiresSec?: number;
}

/** The address registering phones send from by default. */
export const PHONE_HOST = '127.0.0.3';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/**
 * Registers `user` the way a SIP phone does: REGISTER, answer the 401 with
 * a digest (RFC 2617, qop=auth when offered), until 200. Enough of SIP for
 * Asterisk's registrar; not a SIP stack.
 */
export async function registerSipPhone(options: RegisterOptions): Promise<SipRegistration> {
  const socket = createSocket('udp4');
  const localHost = options.localHost ?? PHONE_HOST;
  await new Promise<void>((resolve) => socket.bind(0, localHost, resolve));
  // Asterisk qualifies a registered contact with OPTIONS: a phone answers 200.
  socket.on('message', (data, from) => {
    const text = data.toString('utf8');
    if (text.startsWith('OPTIONS ')) socket.send(okTo(text, options.userAgent), from.port, from.address);
  });
  const port = socket.address().port;
  const contact = `sip:${options.user}@${options.contactHost ?? localHost}:${port}`;
  const callId = randomBytes(8).toString('hex');
  const tag = randomBytes(4).toString('hex');
  let cseq = 0;
  const send = (expires: number): Promise<void> => exchange(socket, options, { localHost, port, contact, callId, tag, nextCseq: () => ++cseq, expires });
  try {
    await send(options.expiresSec ?? 300);
  } catch (error) {
    socket.close();
    throw error;
  }
  return {
    host: localHost,
    port,
    contact,
    unregister: () => send(0),
    close: () => socket.close(),
  };
}

interface Dialog {
  localHost: string;
  port: number;
  contact: string;
  callId: string;
  tag: string;
  nextCseq: () => number;
  expires: number;
}

async function exchange(socket: Socket, options: RegisterOptions, dialog: Dialog): Promise<void> {
  const requestUri = `sip:${options.registrarHost}:${options.registrarPort}`;
  let authorization: string | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const response = await request(socket, options, buildRegister(options, dialog, requestUri, authorization));
    const status = Number(/^SIP\/2\.0 (\d{3})/.exec(response)?.[1] ?? 0);
    if (status === 200) return;
    if (status !== 401 && status !== 407) throw new Error(`REGISTER ${options.user}: ${response.split('\r\n')[0] ?? response}`);
    const challenge = /^(?:WWW|Proxy)-Authenticate:\s*Digest\s+(.*)$/im.exec(response)?.[1] ?? '';
    authorization = digest(options, requestUri, challenge);
  }
  throw new Error(`REGISTER ${options.user}: not accepted`);
}

function buildRegister(options: RegisterOptions, dialog: Dialog, requestUri: string, authorization: string | undefined): string {
  const branch = `z9hG4bK${randomBytes(6).toString('hex')}`;
  const aor = `sip:${options.user}@${options.registrarHost}`;
  const lines = [
    `REGISTER ${requestUri} SIP/2.0`,
    `Via: SIP/2.0/UDP ${dialog.localHost}:${dialog.port};branch=${branch};rport`,
    'Max-Forwards: 70',
    `From: <${aor}>;tag=${dialog.tag}`,
    `To: <${aor}>`,
    `Call-ID: ${dialog.callId}`,
    `CSeq: ${dialog.nextCseq()} REGISTER`,
    `Contact: <${dialog.contact}>`,
    `Expires: ${dialog.expires}`,
    `User-Agent: ${options.userAgent}`,
    ...(authorization ? [`Authorization: ${authorization}`] : []),
    'Content-Length: 0',
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function digest(options: RegisterOptions, uri: string, challenge: string): string {
  const field = (name: string): string => new RegExp(`${name}="?([^",]*)"?`, 'i').exec(challenge)?.[1] ?? '';
  const realm = field('realm');
  const nonce = field('nonce');
  const opaque = field('opaque');
  const qop = field('qop').split(',').map((q) => q.trim()).includes('auth') ? 'auth' : '';
  const ha1 = md5(`${options.user}:${realm}:${options.password}`);
  const ha2 = md5(`REGISTER:${uri}`);
  const cnonce = randomBytes(8).toString('hex');
  const nc = '00000001';
  const response = qop ? md5(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${nonce}:${ha2}`);
  const parts = [`username="${options.user}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${uri}"`, `response="${response}"`, 'algorithm=MD5'];
  if (opaque) parts.push(`opaque="${opaque}"`);
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  return `Digest ${parts.join(', ')}`;
}

/** Sends one request and resolves with the first final response (provisional ones are skipped). */
function request(socket: Socket, options: RegisterOptions, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      reject(new Error(`REGISTER ${options.user}: no answer from ${options.registrarHost}:${options.registrarPort}`));
    }, 5000);
    const onMessage = (data: Buffer): void => {
      const text = data.toString('utf8');
      if (!text.startsWith('SIP/2.0 ') || text.startsWith('SIP/2.0 1')) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(text);
    };
    socket.on('message', onMessage);
    socket.send(message, options.registrarPort, options.registrarHost);
  });
}

/** `200 OK` to a request: its Via, From, To (tagged), Call-ID and CSeq copied back. */
function okTo(requestText: string, userAgent: string): string {
  const headers = requestText.split('\r\n');
  const copy = (name: string): string[] => headers.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  const to = copy('To').map((line) => (/;tag=/i.test(line) ? line : `${line};tag=${randomBytes(4).toString('hex')}`));
  const lines = ['SIP/2.0 200 OK', ...copy('Via'), ...copy('From'), ...to, ...copy('Call-ID'), ...copy('CSeq'), `User-Agent: ${userAgent}`, 'Content-Length: 0'];
  return `${lines.join('\r\n')}\r\n\r\n`;
}
