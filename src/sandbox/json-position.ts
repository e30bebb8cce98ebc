/**
 * Offset of the first character that makes `text` invalid JSON (text.length when it ends too early, -1 when valid).
 * Node 20's JSON.parse does not always say where it failed; HubSpot's 400 names "line L, column C".
 * Iterative (an explicit stack), so deeply nested input cannot overflow the call stack.
 */
type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after';

const SCALAR = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

/** End offset of the string starting at `start` (a quote), or the negative offset (minus one) of the bad character. */
function stringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const ch = text.charCodeAt(j);
    if (ch === 34) return j + 1; // "
    if (ch < 32) return -j - 1;
    if (ch === 92) {
      const next = text[j + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -(j + 2) - 1;
        j += 5;
      } else if (ESCAPES.includes(next) && next !== '') j += 1;
      else return -(j + 1) - 1;
    }
  }
  return -text.length - 1;
}

export function jsonErrorOffset(text: string): number {
  const stack: string[] = [];
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
    if (i >= text.length) return state === 'after' && stack.length === 0 ? -1 : text.length;
    const c = text[i] as string;
    if (state === 'after') {
      if (stack.length === 0) return i;
      if (c === ',') state = stack.at(-1) === '}' ? 'key' : 'value';
      else if (c === stack.at(-1)) stack.pop();
      else return i;
      i++;
    } else if (state === 'colon') {
      if (c !== ':') return i;
      state = 'value';
      i++;
    } else if ((state === 'keyOrClose' && c === '}') || (state === 'valueOrClose' && c === ']')) {
      stack.pop();
      state = 'after';
      i++;
    } else if (state === 'key' || state === 'keyOrClose') {
      if (c !== '"') return i;
      const end = stringEnd(text, i);
      if (end < 0) return -end - 1;
      state = 'colon';
      i = end;
    } else if (c === '{' || c === '[') {
      stack.push(c === '{' ? '}' : ']');
      state = c === '{' ? 'keyOrClose' : 'valueOrClose';
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return -end - 1;
      state = 'after';
      i = end;
    } else {
      SCALAR.lastIndex = i;
      const match = SCALAR.exec(text);
      if (!match) return i;
      state = 'after';
      i += match[0].length;
    }
  }
}

/** "line 1, column 11", counted from 1 like HubSpot's message. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset)).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}
