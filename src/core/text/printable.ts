/**
 * Text quoted inside a reason, with control, format (bidi overrides, zero-width) and line
 * separator characters shown as their code point. A file name such as "JD\u202Efdp.exe" must not
 * reorder the very sentence that warns about it.
 */
export function printable(text: string, maxChars: number): string {
  return text
    .slice(0, maxChars)
    .replace(
      /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
      (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
    );
}
