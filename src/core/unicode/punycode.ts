/** RFC 3492 Punycode, for judging `xn--` labels in their Unicode form. */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_LABEL = 256;

function adapt(delta: number, numPoints: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(ch: number): number {
  if (ch >= 48 && ch <= 57) return ch - 22; // 0-9 -> 26-35
  if (ch >= 65 && ch <= 90) return ch - 65; // A-Z
  if (ch >= 97 && ch <= 122) return ch - 97; // a-z
  return BASE;
}

/** Decodes one Punycode string (without "xn--"); null when it is not valid Punycode. */
export function punycodeDecode(input: string): string | null {
  if (input.length > MAX_LABEL) return null;
  const output: number[] = [];
  const basic = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(basic, 0); j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitOf(input.charCodeAt(index++));
      if (digit >= BASE) return null;
      i += digit * w;
      if (i > 0x10ffff * (output.length + 1)) return null;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

/** A hostname label in Unicode: "xn--cinbase-0ve" -> "cоinbase"; other labels unchanged. */
export function labelToUnicode(label: string): string {
  if (!label.startsWith('xn--')) return label;
  return punycodeDecode(label.slice(4)) ?? label;
}
