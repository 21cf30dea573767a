/**
 * A cheap necessary condition for a set of patterns: every match of each alternative contains
 * one of a few literal strings ("npm", " fee", "職務記述書"), so a text with none of them matches
 * none of the patterns. Read from the pattern sources, so the hint cannot drift from them; a
 * source it cannot read with certainty gives no hint at all.
 */
export function requiredLiteralsHint(patterns: readonly RegExp[]): RegExp | null {
  const bounded = new Set<string>();
  const free = new Set<string>();
  for (const pattern of patterns) {
    if (pattern.flags.replace('g', '') !== '') return null;
    const alternatives = splitTopLevel(pattern.source);
    if (!alternatives) return null;
    for (const alternative of alternatives) {
      const required = requiredLiterals(alternative);
      if (!required) return null;
      for (const { literal, atWordStart } of required) (atWordStart ? bounded : free).add(literal);
    }
  }
  const parts: string[] = [];
  if (bounded.size > 0) parts.push(`\\b(?:${[...bounded].map(escapeLiteral).join('|')})`);
  if (free.size > 0) parts.push(`(?:${[...free].map(escapeLiteral).join('|')})`);
  return parts.length > 0 ? new RegExp(parts.join('|')) : null;
}

interface RequiredLiteral {
  literal: string;
  /** A `\b` stands right before it, so wherever it matches it starts a word. */
  atWordStart: boolean;
}

/**
 * Literals of which every match of one alternative contains at least one: its longest run of
 * literal characters if that is distinctive (4+ characters), else the leading words of its
 * leading group ("(npm|yarn|pnpm) ..."), else its longest run.
 */
function requiredLiterals(alternative: string): RequiredLiteral[] | null {
  const runs: RequiredLiteral[] = [];
  let group: RequiredLiteral[] | null = null;
  let run = '';
  let runBounded = false;
  let afterBoundary = false;
  let atStart = true;
  const endRun = () => {
    if (run) runs.push({ literal: run, atWordStart: runBounded });
    run = '';
  };
  for (let at = 0; at < alternative.length; ) {
    const atom = atomAt(alternative, at);
    if (!atom) return null;
    at = atom.end;
    const quantifier = /^(?:[?*+]|\{\d*(?:,\d*)?\})\??/.exec(alternative.slice(at))?.[0] ?? '';
    at += quantifier.length;
    if (atom.kind === 'boundary') {
      endRun();
      afterBoundary = true;
      continue;
    }
    if (atom.kind === 'group' && atStart && quantifier === '') {
      group = branchLiterals(alternative.slice(atom.start + 1, atom.end - 1), afterBoundary);
    }
    if (atom.kind === 'literal') {
      // "3?" may be absent and "a{0,2}" too; "s+" is there at least once, but what follows need not touch it.
      const mandatory = quantifier === '' || quantifier.startsWith('+') || /^\{[1-9]/.test(quantifier);
      if (mandatory) {
        if (!run) {
          runBounded = afterBoundary;
        }
        run += atom.char;
      }
      if (quantifier !== '') endRun();
    } else endRun();
    afterBoundary = false;
    atStart = false;
  }
  endRun();
  const longest = runs.reduce<RequiredLiteral | null>(
    (best, r) => (best && best.literal.length >= r.literal.length ? best : r),
    null,
  );
  if (longest && longest.literal.length >= 4) return [longest];
  if (group) return group;
  return longest ? [longest] : null;
}

/** The leading literal of every branch of a group, or null if some branch starts otherwise. */
function branchLiterals(body: string, bounded: boolean): RequiredLiteral[] | null {
  const branches = splitTopLevel(body);
  if (!branches || body.startsWith('?')) return null;
  const out: RequiredLiteral[] = [];
  for (const branch of branches) {
    const own = branch.startsWith('\\b');
    const literal = leadingRun(own ? branch.slice(2) : branch);
    if (!literal) return null;
    out.push({ literal, atWordStart: bounded || own });
  }
  return out;
}

/** The run of literal characters a branch starts with, or null. */
function leadingRun(branch: string): string | null {
  let literal = '';
  for (let at = 0; at < branch.length; ) {
    const atom = atomAt(branch, at);
    if (atom?.kind !== 'literal') break;
    const rest = branch.slice(atom.end);
    if (/^[?*{]/.test(rest)) break;
    literal += atom.char;
    if (rest.startsWith('+')) break;
    at = atom.end;
  }
  return literal || null;
}

type Atom =
  | { kind: 'literal'; char: string; start: number; end: number }
  | { kind: 'boundary' | 'group' | 'other'; start: number; end: number };

/** Characters that stand for themselves after a backslash in these sources. */
const ESCAPED_LITERALS = new Set(['.', '/', '-', '@', ':']);
const SPECIAL = new Set(['(', ')', '[', ']', '{', '}', '|', '.', '*', '+', '?', '^', '$', '\\']);

/** The atom at `at`: a character, an escape, a class, a group or an assertion; null if unreadable. */
function atomAt(source: string, at: number): Atom | null {
  const ch = source[at]!;
  if (ch === '\\') {
    const next = source[at + 1];
    if (next === undefined) return null;
    if (next === 'b') return { kind: 'boundary', start: at, end: at + 2 };
    if (ESCAPED_LITERALS.has(next)) return { kind: 'literal', char: next, start: at, end: at + 2 };
    // \s, \w, \d, \B and the like: not one known character. Escapes with operands are not expected.
    return /[sSwWdDB]/.test(next) ? { kind: 'other', start: at, end: at + 2 } : null;
  }
  if (ch === '[') {
    for (let end = at + 1; end < source.length; end++) {
      if (source[end] === '\\') end++;
      else if (source[end] === ']') return { kind: 'other', start: at, end: end + 1 };
    }
    return null;
  }
  if (ch === '(') {
    const close = closingParen(source, at);
    return close === -1 ? null : { kind: 'group', start: at, end: close + 1 };
  }
  if (ch === '.' || ch === '^' || ch === '$') return { kind: 'other', start: at, end: at + 1 };
  if (SPECIAL.has(ch)) return null;
  return { kind: 'literal', char: ch, start: at, end: at + 1 };
}

/** The index of the parenthesis that closes the one at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let at = open; at < source.length; at++) {
    const ch = source[at];
    if (ch === '\\') at++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return at;
  }
  return -1;
}

/** A source split at the `|` outside groups and classes, or null if its parentheses do not balance. */
function splitTopLevel(source: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let at = 0; at < source.length; at++) {
    const ch = source[at];
    if (ch === '\\') at++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(source.slice(start, at));
      start = at + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0) return null;
  parts.push(source.slice(start));
  return parts;
}

function escapeLiteral(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
