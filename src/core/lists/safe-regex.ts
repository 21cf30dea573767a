/**
 * A guard for text indicators written as regular expressions. JavaScript's engine backtracks,
 * so only patterns whose work per position is bounded pass: no unbounded quantifiers
 * (`*`, `+`, `{n,}`), bounds of at most 64, quantifiers only on single atoms (never on a
 * group), no backreferences and no lookaround. Then matching is linear in the text length.
 */
export const MAX_REGEX_CHARS = 256;
const MAX_BOUND = 64;

export type RegexCheck = { ok: true } | { ok: false; problem: string };

export function checkSafeRegex(source: string): RegexCheck {
  if (source.length === 0 || source.length > MAX_REGEX_CHARS)
    return { ok: false, problem: `length must be 1..${MAX_REGEX_CHARS}` };
  let inClass = false;
  let previous: 'atom' | 'group' | 'quantifier' | 'none' = 'none';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9k]/.test(next)) return { ok: false, problem: 'backreferences are not allowed' };
      i++;
      previous = 'atom';
      continue;
    }
    if (inClass) {
      if (ch === ']') {
        inClass = false;
        previous = 'atom';
      }
      continue;
    }
    if (ch === '[') {
      inClass = true;
      continue;
    }
    if (ch === '(') {
      if (
        source[i + 1] === '?' &&
        /[=!<]/.test(source[i + 2] ?? '') &&
        !(source[i + 2] === '<' && /[A-Za-z]/.test(source[i + 3] ?? ''))
      ) {
        return { ok: false, problem: 'lookaround is not allowed' };
      }
      previous = 'none';
      continue;
    }
    if (ch === ')') {
      previous = 'group';
      continue;
    }
    if (ch === '*' || ch === '+')
      return { ok: false, problem: `unbounded quantifier '${ch}' is not allowed; use {0,n}` };
    if (ch === '?' || ch === '{') {
      let bound = 1;
      if (ch === '{') {
        const match = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(source.slice(i));
        if (!match) return { ok: false, problem: 'malformed {n,m} quantifier' };
        if (match[2] !== undefined && match[3] === '')
          return { ok: false, problem: 'unbounded quantifier {n,} is not allowed' };
        bound = Number(match[3] ?? match[1]);
        i += match[0].length - 1;
      }
      if (bound > MAX_BOUND) return { ok: false, problem: `quantifier bound above ${MAX_BOUND}` };
      if (previous === 'group') return { ok: false, problem: 'quantified groups are not allowed' };
      if (previous === 'quantifier' && ch === '{')
        return { ok: false, problem: 'stacked quantifiers are not allowed' };
      previous = 'quantifier';
      continue;
    }
    previous = 'atom';
  }
  if (inClass) return { ok: false, problem: 'unterminated character class' };
  try {
    new RegExp(source, 'iu');
  } catch (error) {
    return { ok: false, problem: `does not compile: ${(error as Error).message}` };
  }
  return { ok: true };
}
