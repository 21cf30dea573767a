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
