/**
 * send_dtmf's `value` as keys: VICIdial writes `P` for `#`, `S` for `*` and
 * `Q` for a second of silence (`#` and `*` cannot pass the value filter).
 * Digits and `A`–`D` are keys as they are; anything else is no key and is
 * left out, as Asterisk leaves out what it cannot send.
 */
export function dtmfKeys(value: string): string {
  let keys = '';
  for (const character of value) {
    if (character === 'P') keys += '#';
    else if (character === 'S') keys += '*';
    else if (character === 'Q') keys += ',';
    else if (/^[0-9A-D]$/.test(character)) keys += character;
  }
  return keys;
}
