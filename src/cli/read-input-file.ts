import { open } from 'node:fs/promises';

/** Size caps for files the CLI reads: a key is a line, a list or feed export is bounded too. */
export const INPUT_LIMITS = { keyBytes: 64 * 1024, listBytes: 512 * 1024 * 1024 } as const;

/**
 * Reads a regular file of at most `maxBytes`. A device (`/dev/zero`), FIFO, directory or an
 * oversized file is refused with a one-line problem instead of hanging or exhausting memory.
 */
export async function readInputFile(
  path: string,
  maxBytes: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: string }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, problem: `cannot read ${path}: not a regular file` };
    if (info.size > maxBytes)
      return { ok: false, problem: `cannot read ${path}: larger than ${maxBytes} bytes` };
    return { ok: true, bytes: new Uint8Array(await handle.readFile()) };
  } catch (error) {
    return { ok: false, problem: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  } finally {
    await handle?.close();
  }
}

/** The same, decoded as UTF-8 text. */
export async function readInputText(
  path: string,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  const read = await readInputFile(path, maxBytes);
  return read.ok ? { ok: true, text: new TextDecoder().decode(read.bytes) } : read;
}
