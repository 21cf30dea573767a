import type { Brand } from './brand.ts';

const sentences = new WeakMap<Brand, string>();

/** "Coinbase posts jobs only on www.coinbase.com/careers." — the sentence that tells a person where to check. */
export function careersSentence(brand: Brand): string {
  let sentence = sentences.get(brand);
  if (sentence === undefined) {
    sentence = buildCareersSentence(brand);
    sentences.set(brand, sentence);
  }
  return sentence;
}

function buildCareersSentence(brand: Brand): string {
  const pages = brand.careers.map((c) => c.replace(/^https:\/\//, '').replace(/\/$/, ''));
  // "www.coinbase.com/careers/positions" adds nothing to "www.coinbase.com/careers".
  const where = pages
    .filter((p) => !pages.some((other) => other !== p && p.startsWith(`${other}/`)))
    .slice(0, 2);
  return where.length > 0
    ? `${brand.name} posts jobs only on ${where.join(' and ')}.`
    : `Check the job on ${brand.name}'s own website${brand.domains[0] ? ` (${brand.domains[0]})` : ''}.`;
}

/**
 * "a Coinbase domain", "an OKX domain": the article goes by how the name is said, not by its
 * first letter alone. A short or vowelless capitalised name is spelled out ("an OKX", "an FTX",
 * "a BTCC": the letters F, H, L, M, N, R, S and X start with a vowel sound; "NEAR" is a word).
 * "Uni-", "Use-", "Euro-" and "One" start with a consonant sound ("a Uniswap Labs"). Names
 * also come from signed lists, so this is a rule, not a table.
 */
export function aOrAn(name: string): string {
  const word = (name.trim().split(/\s/)[0] ?? '').replace(/[.-]/g, '');
  const spelled = /^[A-Z][A-Z0-9]+$/.test(word) && (word.length <= 3 || !/[AEIOU]/.test(word));
  const vowelSound = spelled
    ? /^[AEFHILMNORSX]/.test(word)
    : /^[aeiou]/i.test(word) && !/^(u[^aeiou\d][aeiou]|eu|one($|[^aeiou]))/i.test(word);
  return `${vowelSound ? 'an' : 'a'} ${name}`;
}
