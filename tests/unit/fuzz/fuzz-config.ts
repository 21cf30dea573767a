import fc from 'fast-check';
import { afterAll } from 'vitest';

/**
 * Shared settings for the property tests. CI runs each property `runs` times with a fixed seed,
 * so a failure reproduces (fast-check prints the seed and the shrunk counterexample).
 * `FUZZ_RUNS=N` multiplies every property's case count (`npm run test:stress` uses 20), and
 * `FUZZ_SEED` picks another seed for a long run.
 */
export const FUZZ_SCALE = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1) || 1);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261125) | 0;

/** A test timeout that grows with the case count: a hang guard, never a timing claim. */
export const fuzzTimeout = (baseMs = 30_000) => baseMs * FUZZ_SCALE;

let casesInFile = 0;
afterAll(() => {
  // Printed so CI logs show how many cases each file ran (the issue asks for ≥ 100k in total).
  console.info(`fuzz: ${casesInFile} cases (seed ${FUZZ_SEED}, FUZZ_RUNS=${FUZZ_SCALE})`);
});

export function fuzzParams<T>(runs: number): fc.Parameters<T> {
  const numRuns = runs * FUZZ_SCALE;
  casesInFile += numRuns;
  return { numRuns, seed: FUZZ_SEED, endOnFailure: false };
}

/** Runs a property with the shared settings. */
export function check<T>(property: fc.IProperty<T>, runs: number): void {
  fc.assert(property, fuzzParams(runs));
}

export async function checkAsync<T>(property: fc.IAsyncProperty<T>, runs: number): Promise<void> {
  await fc.assert(property, fuzzParams(runs));
}

/** Any string, including lone surrogates, control and bidi characters. */
export const anyString = (maxLength = 200) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ maxLength }),
  );

/** Strings built from pieces that matter to a parser, so random cases hit the interesting paths. */
export const piecesString = (pieces: readonly string[], maxPieces = 20) =>
  fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 3 })), {
      maxLength: maxPieces,
    })
    .map((parts) => parts.join(''));

/**
 * A word from `base` and a copy with up to three random edits: a letter from `letters` written
 * over one, put in (with '' a deletion), or two neighbours swapped. Near misses on purpose.
 */
export const withEdits = (base: fc.Arbitrary<string>, letters: readonly string[]) =>
  fc
    .tuple(base, fc.array(fc.tuple(fc.nat(20), fc.constantFrom(...letters), fc.boolean()), { maxLength: 3 }))
    .map(([word, edits]) => {
      let edited = word;
      for (const [at, letter, swap] of edits) {
        const i = at % (edited.length + 1);
        edited =
          swap && i + 1 < edited.length
            ? edited.slice(0, i) + edited[i + 1] + edited[i] + edited.slice(i + 2)
            : edited.slice(0, i) + letter + edited.slice(i + 1);
      }
      return [word, edited] as const;
    });
