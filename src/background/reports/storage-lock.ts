/**
 * Serialises read-modify-write cycles on one storage key inside this worker: two handlers
 * must never both read the queue, change it and write it back (the later write would drop
 * the earlier change).
 */
export function createLock(): <T>(fn: () => Promise<T>) => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };
}
