/** What a CLI command may touch, so tests can run commands in-process with fake streams. */
export interface CliIo {
  /** Whole standard input, read lazily (only `check` reads it). */
  readStdin(): AsyncIterable<string>;
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
