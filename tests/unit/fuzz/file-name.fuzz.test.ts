import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileNameReasons, isDocumentName, realExtension } from '../../../src/core/files/file-name.ts';
import { ReasonSchema } from '../../../src/core/messages.ts';
import { anyString, check, fuzzTimeout } from './fuzz-config.ts';

const DOCUMENTS = ['pdf', 'docx', 'doc', 'txt', 'xlsx', 'pptx', 'rtf'];
const PROGRAMS = ['exe', 'scr', 'lnk', 'js', 'app', 'command', 'sh', 'msi', 'hta', 'jar'];
const ARCHIVES = ['zip', 'rar', '7z', 'dmg', 'iso', 'img'];
const INVISIBLES = ['\u202e', '\u200b', '\u200d', '\u2066', '\u00ad', '\ufeff', '\u061c'];
const FILE_IDS = new Set([
  'file-invisible-char',
  'file-double-extension',
  'file-executable-type',
  'file-archive-type',
]);

/** A plausible base name: no dots, so the extensions are the ones the test adds. */
const base = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/[.\s\p{Cc}]/gu, '_') || 'x');
const upperOrNot = (ext: string) => fc.constantFrom(ext, ext.toUpperCase());

describe('file-name analysis under fuzzing', () => {
  it(
    'never throws and every reason is well-formed, for any string',
    () => {
      check(
        fc.property(fc.oneof(anyString(300), fc.string({ unit: 'binary', maxLength: 3_000 })), (name) => {
          const reasons = fileNameReasons(name);
          expect(typeof realExtension(name)).toBe('string');
          expect(typeof isDocumentName(name)).toBe('boolean');
          for (const reason of reasons) {
            expect(FILE_IDS.has(reason.id)).toBe(true);
            expect(ReasonSchema.safeParse(reason).success).toBe(true);
          }
        }),
        6_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'calls a program that poses as a document dangerous, in any case and with trailing dots or spaces',
    () => {
      check(
        fc.property(
          base,
          fc.constantFrom(...DOCUMENTS).chain(upperOrNot),
          fc.constantFrom(...PROGRAMS, ...ARCHIVES).chain(upperOrNot),
          fc.constantFrom('', '.', ' ', ' . ', '...'),
          (name, document, program, tail) => {
            const file = `${name}.${document}.${program}${tail}`;
            expect(realExtension(file)).toBe(program.toLowerCase());
            const reasons = fileNameReasons(file);
            expect(reasons.map((r) => r.id)).toContain('file-double-extension');
            expect(reasons.find((r) => r.id === 'file-double-extension')?.level).toBe('dangerous');
          },
        ),
        5_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'sees through invisible characters anywhere in the name, and names the one it found',
    () => {
      check(
        fc.property(
          base,
          fc.constantFrom(...DOCUMENTS, ...PROGRAMS),
          fc.constantFrom(...INVISIBLES),
          fc.nat(),
          (name, ext, invisible, at) => {
            const clean = `${name}.${ext}`;
            const position = at % (clean.length + 1);
            const hidden = `${clean.slice(0, position)}${invisible}${clean.slice(position)}`;
            expect(realExtension(hidden)).toBe(realExtension(clean));
            const reason = fileNameReasons(hidden).find((r) => r.id === 'file-invisible-char');
            expect(reason?.message).toContain(
              `U+${invisible.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
            );
          },
        ),
        5_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'never flags a plain document name',
    () => {
      check(
        fc.property(base, fc.constantFrom(...DOCUMENTS).chain(upperOrNot), (name, ext) => {
          const file = `${name}.${ext}`;
          if ([...file].some((ch) => INVISIBLES.includes(ch))) return;
          expect(isDocumentName(file)).toBe(true);
          expect(fileNameReasons(file)).toEqual([]);
        }),
        3_000,
      );
    },
    fuzzTimeout(),
  );
});
