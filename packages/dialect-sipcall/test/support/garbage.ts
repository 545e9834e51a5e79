/** A small seeded generator of hostile request parameters, so garbage runs repeat exactly. */
export class Garbage {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** xorshift32: enough randomness for mutation, the same sequence for the same seed. */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x100000000;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A hostile value: unicode, control characters, metacharacters, traversal, odd URLs, huge strings. */
  value(): string {
    switch (this.int(12)) {
      case 0:
        return this.pick(HOSTILE);
      case 1:
        return this.pick(URLS);
      case 2:
        return 'x'.repeat(this.pick([33, 65, 101, 256, 1025, 5000, 70000]));
      case 3:
        return Array.from({ length: 1 + this.int(20) }, () => String.fromCharCode(this.int(0x20))).join('');
      case 4:
        return Array.from({ length: 1 + this.int(12) }, () => String.fromCodePoint(0x80 + this.int(0x2ff00))).join('');
      case 5:
        return String(this.int(10) - 3);
      case 6:
        return '';
      case 7:
        return this.pick(['1', '2', '3', '0', '-1', '1.5', '1e3', '0x1', ' 1', '1 ', '２']);
      case 8:
        return this.pick(['1@extGroup-1', '@extGroup-1', '1@', '@', '12@g', '1@@', '*@g', '#@g', 'a@g', '1@g\u0000', '1@' + 'g'.repeat(200)]);
      case 9:
        return Array.from({ length: this.int(40) }, () => String.fromCharCode(0x20 + this.int(0x5f))).join('');
      case 10:
        return this.pick(['13333333333', '+8613333333333', '1333abc', '*#06#', '1'.repeat(33), '133 333', '133-333']);
      default:
        return this.pick(['welcome', 'welcome.wav', 'a.mp3.php', '.hidden', 'dir/a', 'a\\b', 'CON', '..', 'a..b', 'hello-world']);
    }
  }
}

const HOSTILE = [
  "' OR '1'='1",
  '1; DROP TABLE cdrs;--',
  '$(reboot)',
  '`id`',
  '| cat /etc/passwd',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '<script>alert(1)</script>',
  '{"$ne":null}',
  '\u202e\u0000\ufeff',
  '😀😀😀',
  '\ud800',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

const URLS = [
  'file:///etc/passwd',
  'file:/etc/passwd',
  'gopher://wwww.baidu.com/_test',
  'javascript:alert(1)',
  'data:audio/wav;base64,AAAA',
  'ftp://wwww.baidu.com/test.mp3',
  'http://evil.example/test.mp3',
  'http://169.254.169.254/latest/meta-data',
  'http://[::1]/x.mp3',
  'http://wwww.baidu.com@evil.example/x.mp3',
  'http://evil.example\\@wwww.baidu.com/x.mp3',
  '//wwww.baidu.com/test.mp3',
  'wwww.baidu.com/test.mp3',
  'wwww.baidu.com:8080/test.mp3',
  'HTTP://WWWW.BAIDU.COM/A.MP3',
  'http://wwww.baidu.com/../../etc/passwd',
  'http://wwww.baidu.com/a b.mp3',
  'http:',
  'http://',
  'https://wwww.baidu.com:99999/x',
];
