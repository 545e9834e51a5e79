import type { Response } from 'express';

/**
 * The headers every answer of both scripts carries, spelled as PHP's
 * `header()` calls send them (Node keeps a header name's case as given).
 */
export const VICIDIAL_HEADERS: ReadonlyArray<[string, string]> = [
  ['Content-type', 'text/html; charset=utf-8'],
  ['Cache-Control', 'no-cache, must-revalidate'],
  ['Pragma', 'no-cache'],
];

export interface WireReply {
  status: 200 | 418;
  /** Byte string (one character per byte), see wire/php-params. */
  body: string;
}

/**
 * Writes a reply with exactly VICIdial's headers: no `X-Powered-By`, no ETag,
 * the body's length declared, the bytes sent as they are.
 */
export function sendReply(res: Response, reply: WireReply): void {
  res.removeHeader('X-Powered-By');
  res.statusCode = reply.status;
  if (reply.status === 418) res.statusMessage = "I'm a teapot";
  for (const [name, value] of VICIDIAL_HEADERS) res.setHeader(name, value);
  // One byte per character: the length is the string's, and a latin1 string
  // goes out in one write with the headers, where a Buffer takes a second one.
  res.setHeader('Content-Length', reply.body.length);
  res.end(reply.body, 'latin1');
}

/**
 * The lines a script prints, in order. A function either runs to its end
 * (then the close-window link and the debug footer follow) or ends the script
 * early (`exit`), which in VICIdial skips both.
 */
export class AnswerText {
  private readonly parts: string[] = [];
  /** The answer's own lines, without debug comments (for the API log). */
  private readonly lines: string[] = [];
  private exited = false;
  private reported = false;

  constructor(readonly debug: boolean) {}

  /** A line with its newline. */
  line(text: string): void {
    this.parts.push(`${text}\n`);
    this.lines.push(text);
  }

  /** Text exactly as given, with no newline added (PHP's `echo` of a value). */
  print(text: string): void {
    this.parts.push(text);
    this.lines.push(text);
  }

  /**
   * Where VICIdial's debug output prints the SQL it runs, the gateway prints
   * only a summary of the action, never a statement.
   */
  actionComment(summary: string): void {
    if (this.debug) this.parts.push(`\n<!-- ${summary.replace(/--/g, '- -')} -->`);
  }

  /** A line that ends the script (`exit` in VICIdial). */
  exitWith(text: string): void {
    this.line(text);
    this.exited = true;
  }

  get hasExited(): boolean {
    return this.exited;
  }

  get firstLine(): string {
    return this.lines[0] ?? '';
  }

  /** A function whose answer is a report, not a SUCCESS line (webserver), says so for the API log. */
  markReported(): void {
    this.reported = true;
  }

  /** Whether any line the function printed is a SUCCESS, or it printed its report. */
  get succeeded(): boolean {
    return this.reported || this.lines.some((line) => line.startsWith('SUCCESS: '));
  }

  text(): string {
    return this.parts.join('');
  }
}

export function debugHeader(version: string, build: string, user: string): string {
  return (
    '<html>\n<head>\n' +
    `<!-- VERSION: ${version}     BUILD: ${build}    USER: ${user}\n` +
    '<title>VICIDiaL Agent API</title>\n</head>\n' +
    '<BODY BGCOLOR=white marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n'
  );
}

export function debugFooter(runtimeSeconds: number): string {
  return `\n<!-- script runtime: ${runtimeSeconds} seconds -->\n</body>\n</html>\n`;
}

export const CLOSE_WINDOW_LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;

/**
 * `if ($close_window_link > 0)` under PHP 8: a numeric string compares as a
 * number; any other string is compared with "0" as a string, so `abc`, `_x`
 * and `0abc` show the link while ``, `0`, `-5` and `-x` do not.
 */
export function wantsCloseLink(filtered: string): boolean {
  if (/^-?\d+([eE]-?\d+)?$/.test(filtered)) return Number(filtered) > 0;
  return filtered > '0';
}
