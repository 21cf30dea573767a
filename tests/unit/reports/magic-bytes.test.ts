import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  claimedDocumentType,
  contentReasons,
  sniffFileType,
  zipEntryNames,
} from '../../../src/core/files/magic-bytes.ts';
import * as bytes from './file-bytes.ts';

describe('sniffFileType', () => {
  it.each([
    ['pdf', bytes.pdf(), 'pdf', 'document'],
    ['thin Mach-O', bytes.machO64(), 'macho', 'program'],
    ['universal Mach-O', bytes.machOFat(), 'macho', 'program'],
    ['Java class (same magic as universal Mach-O)', bytes.javaClass(), 'java-class', 'program'],
    ['PE', bytes.peExe(), 'pe', 'program'],
    ['ELF', bytes.elf(), 'elf', 'program'],
    ['LNK', bytes.lnk(), 'lnk', 'shortcut'],
    ['DMG', bytes.dmg(), 'dmg', 'disk-image'],
    ['ISO', bytes.iso(), 'iso', 'disk-image'],
    ['shebang', bytes.text('#!/usr/bin/env python3\nimport os\n'), 'script', 'script'],
    ['HTML', bytes.text('\uFEFF  <!DOCTYPE html><html><body>Sign in</body></html>'), 'html', 'web-page'],
    ['JavaScript', bytes.text("(function(){ require('child_process') })()"), 'javascript', 'script'],
    ['plain ZIP', bytes.zip([{ name: 'notes.txt', data: 'hi' }]), 'zip', 'archive'],
    ['DOCX', bytes.zip(bytes.docxEntries), 'ooxml-docx', 'document'],
    ['JAR', bytes.zip([{ name: 'META-INF/MANIFEST.MF' }, { name: 'com/acme/Main.class' }]), 'jar', 'program'],
    ['APK', bytes.zip([{ name: 'AndroidManifest.xml' }, { name: 'classes.dex' }]), 'apk', 'program'],
  ])('recognises %s', (_name, data, type, family) => {
    const sniff = sniffFileType(data);
    expect(sniff.type).toBe(type);
    expect(sniff.family).toBe(family);
  });

  it('tells the 4 Mach-O magics apart from noise', () => {
    for (const magic of [
      [0xfe, 0xed, 0xfa, 0xce],
      [0xfe, 0xed, 0xfa, 0xcf],
      [0xce, 0xfa, 0xed, 0xfe],
      [0xcf, 0xfa, 0xed, 0xfe],
    ]) {
      expect(sniffFileType(Uint8Array.from([...magic, 7, 0, 0, 1])).type).toBe('macho');
    }
    expect(sniffFileType(Uint8Array.from([0xcf, 0xfa, 0xed, 0xff])).type).toBe('unknown');
  });

  it('lists ZIP entries from the central directory and, when it is cut off, from local headers', () => {
    const archive = bytes.zip([{ name: 'a.txt', data: 'x' }, { name: 'Offer.app/Contents/MacOS/Offer' }]);
    expect(zipEntryNames(archive)).toEqual(['a.txt', 'Offer.app/Contents/MacOS/Offer']);
    expect(zipEntryNames(archive.subarray(0, 60))).toEqual(['a.txt']);
  });

  it('flags a DOCX that carries programs or macros', () => {
    const trojan = sniffFileType(
      bytes.zip([...bytes.docxEntries, { name: 'word/media/update.exe' }, { name: 'word/vbaProject.bin' }]),
    );
    expect(trojan.type).toBe('ooxml-docx');
    expect(trojan.executableEntries).toEqual(['word/media/update.exe']);
    expect(trojan.macros).toBe(true);
  });

  it('never throws and always names a type, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3_000 }), (data) => {
        const sniff = sniffFileType(data);
        expect(sniff.label.length).toBeGreaterThan(0);
      }),
      { numRuns: 2_000 },
    );
  });

  it('survives ZIP directories that point anywhere', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 22, maxLength: 400 }), fc.nat(400), (tail, offset) => {
        const data = bytes.zip([{ name: 'a' }]);
        const broken = new Uint8Array([...data.subarray(0, data.length - 6), ...tail.subarray(0, 4), 0, 0]);
        broken.set([offset & 0xff, offset >> 8], broken.length - 6);
        expect(Array.isArray(zipEntryNames(broken))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('contentReasons', () => {
  const ids = (data: Uint8Array, name?: string, mime?: string) =>
    contentReasons(sniffFileType(data), name, mime).map((r) => `${r.id}:${r.level}`);

  it('says in plain words that a "PDF" is a macOS program', () => {
    const [reason] = contentReasons(sniffFileType(bytes.machO64()), 'Coinbase_JD.pdf');
    expect(reason).toMatchObject({ id: 'file-content-program', level: 'dangerous', file: 'Coinbase_JD.pdf' });
    expect(reason!.message).toBe(
      '“Coinbase_JD.pdf” claims to be a PDF, but it is a program for macOS (Mach-O). Opening it could run code on your computer.',
    );
  });

  it.each([
    [bytes.peExe(), 'Offer.pdf', 'file-content-program:dangerous'],
    [bytes.lnk(), 'JD.pdf', 'file-content-shortcut:dangerous'],
    [bytes.zip([{ name: 'JD.app/Contents/MacOS/JD' }]), 'JD.pdf', 'file-content-archive:dangerous'],
    [bytes.zip([{ name: 'brief.txt' }]), 'Role.docx', 'file-content-archive:dangerous'],
    [bytes.dmg(), 'Role.pdf', 'file-content-disk-image:dangerous'],
    [bytes.text('#!/bin/sh\ncurl x | sh'), 'Role.pdf', 'file-content-script:dangerous'],
    [bytes.text('<html><form>'), 'Role.pdf', 'file-content-web-page:suspicious'],
    [bytes.text('garbage that is no pdf'), 'Role.pdf', 'file-content-mismatch:suspicious'],
  ])('%#: a disguised document gets the right reason', (data, name, expected) => {
    expect(ids(data, name)).toContain(expected);
  });

  it('uses the MIME type when the name says nothing', () => {
    expect(ids(bytes.machO64(), 'download', 'application/pdf; charset=binary')).toEqual([
      'file-content-program:dangerous',
    ]);
  });

  it('is silent for real documents', () => {
    expect(ids(bytes.pdf(), 'Coinbase_JD.pdf')).toEqual([]);
    expect(ids(bytes.zip(bytes.docxEntries), 'Role.docx')).toEqual([]);
    expect(ids(bytes.text('plain notes'), 'notes.bin')).toEqual([]);
  });

  it('flags programs inside a real DOCX', () => {
    const data = bytes.zip([...bytes.docxEntries, { name: 'word/embeddings/run.js' }]);
    expect(ids(data, 'Offer.docx')).toEqual(['file-content-holds-program:dangerous']);
  });

  it('reads claims from names and MIME types', () => {
    expect(claimedDocumentType('JD.PDF')).toBe('pdf');
    expect(claimedDocumentType('JD.pdf.exe')).toBeUndefined();
    expect(
      claimedDocumentType(
        undefined,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
    ).toBe('docx');
  });
});
