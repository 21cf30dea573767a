import { printable } from '../text/printable.ts';

/**
 * What a file really is, from its first bytes (and, for ZIP, its directory), never from its
 * name. Fake recruiters send "Coinbase_JD.pdf" that is a Mach-O program, a ZIP of an app, or a
 * Windows shortcut; the bytes cannot lie the way a name can.
 */

export type FileFamily =
  | 'document'
  | 'program'
  | 'script'
  | 'archive'
  | 'shortcut'
  | 'disk-image'
  | 'web-page';

export interface SniffResult {
  /** Stable id of the detected type: 'pdf', 'macho', 'pe', 'zip', 'ooxml-docx', … or 'unknown'. */
  type: string;
  family: FileFamily | 'unknown';
  /** Plain words: "a program for macOS (Mach-O)". */
  label: string;
  /** For ZIP-based files: entries that run code (programs, scripts, shortcuts, app bundles). */
  executableEntries?: string[];
  /** For OOXML: a VBA macro project inside. */
  macros?: boolean;
}

const MAX_ZIP_ENTRIES = 5_000;
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

/** Entry names inside an archive that run code when opened. */
const EXECUTABLE_ENTRY =
  /\.(exe|com|scr|pif|msi|dll|bat|cmd|ps1|vbs|vbe|js|jse|wsf|hta|lnk|url|cpl|jar|app|pkg|command|scpt|terminal|sh|py|apk|dmg|iso|elf|appimage)$|\.app\/|(^|\/)Contents\/MacOS\//i;

const u16le = (b: Uint8Array, at: number) => (at + 2 <= b.length ? b[at]! | (b[at + 1]! << 8) : -1);
const u32le = (b: Uint8Array, at: number) =>
  at + 4 <= b.length ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0 : -1;
const u32be = (b: Uint8Array, at: number) =>
  at + 4 <= b.length ? ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0 : -1;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

const result = (type: string, family: SniffResult['family'], label: string): SniffResult => ({
  type,
  family,
  label,
});

/**
 * 0xCAFEBABE starts both a universal (fat) Mach-O and a Java class file. The next word is the
 * arch count in a fat binary (a handful) but minor<<16|major in a class file (major >= 45),
 * and a fat binary's first arch entry names a real CPU type: check both.
 */
function fatMachOOrJavaClass(bytes: Uint8Array): SniffResult {
  const count = u32be(bytes, 4);
  const cpuType = u32be(bytes, 8);
  const knownCpu = new Set([7, 12, 18, 0x01000007, 0x0100000c, 0x01000012]);
  if (count > 0 && count < 20 && (cpuType === -1 || knownCpu.has(cpuType))) {
    return result('macho', 'program', 'a program for macOS (universal Mach-O)');
  }
  return result('java-class', 'program', 'a compiled Java program (class file)');
}

/** Entry names from the ZIP central directory, or by walking local headers if there is none. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  // End-of-central-directory record: within the last 64 KiB + 22 bytes (comment may follow).
  const floor = Math.max(0, bytes.length - 65_557);
  for (let at = bytes.length - 22; at >= floor; at--) {
    if (u32le(bytes, at) !== ZIP_END) continue;
    const total = u16le(bytes, at + 10);
    let p = u32le(bytes, at + 16);
    for (let i = 0; i < total && i < MAX_ZIP_ENTRIES && u32le(bytes, p) === ZIP_CENTRAL; i++) {
      const nameLength = u16le(bytes, p + 28);
      const skip = u16le(bytes, p + 30) + u16le(bytes, p + 32);
      names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
      p += 46 + nameLength + skip;
    }
    if (names.length > 0) return names;
    break;
  }
  // Truncated or streamed archive: walk local headers while their sizes are known.
  let p = 0;
  while (names.length < MAX_ZIP_ENTRIES && u32le(bytes, p) === ZIP_LOCAL) {
    const flags = u16le(bytes, p + 6);
    const size = u32le(bytes, p + 18);
    const nameLength = u16le(bytes, p + 26);
    const extra = u16le(bytes, p + 28);
    if (extra < 0 || p + 30 + nameLength > bytes.length) break; // header cut off mid-name
    names.push(decoder.decode(bytes.subarray(p + 30, p + 30 + nameLength)));
    if (flags & 0x08) break; // sizes follow the data: cannot skip ahead
    p += 30 + nameLength + extra + size;
  }
  return names;
}

const OOXML_KIND: Array<{ prefix: string; type: string; label: string }> = [
  { prefix: 'word/', type: 'ooxml-docx', label: 'a Word document (DOCX)' },
  { prefix: 'xl/', type: 'ooxml-xlsx', label: 'an Excel workbook (XLSX)' },
  { prefix: 'ppt/', type: 'ooxml-pptx', label: 'a PowerPoint presentation (PPTX)' },
];

function sniffZip(bytes: Uint8Array): SniffResult {
  const names = zipEntryNames(bytes);
  const executableEntries = names.filter((n) => EXECUTABLE_ENTRY.test(n)).slice(0, 20);
  const withEntries = (r: SniffResult): SniffResult =>
    executableEntries.length > 0 ? { ...r, executableEntries } : r;
  if (names.includes('AndroidManifest.xml') && names.some((n) => /^classes\d*\.dex$/.test(n))) {
    return result('apk', 'program', 'an Android app (APK)');
  }
  if (names.includes('META-INF/MANIFEST.MF') || names.some((n) => n.endsWith('.class'))) {
    return withEntries(result('jar', 'program', 'a Java program (JAR)'));
  }
  // An Office Open XML file is a ZIP whose first entries include [Content_Types].xml.
  if (names.slice(0, 50).includes('[Content_Types].xml')) {
    const kind = OOXML_KIND.find((k) => names.some((n) => n.startsWith(k.prefix)));
    const base = kind
      ? result(kind.type, 'document', kind.label)
      : result('ooxml', 'document', 'an Office document');
    const macros = names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n));
    return withEntries(macros ? { ...base, macros } : base);
  }
  if (names.some((n) => /^[^/]+\.app\//.test(n))) {
    return withEntries(result('zip', 'archive', 'a ZIP archive holding a macOS application'));
  }
  return withEntries(result('zip', 'archive', 'a ZIP archive'));
}

/** Text files: skip a BOM and leading blanks, then look at how they start. */
function sniffText(bytes: Uint8Array): SniffResult | undefined {
  let at = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (at < bytes.length && at < 512 && /\s/.test(String.fromCharCode(bytes[at]!))) at++;
  const head = ascii(bytes, at, at + 256).toLowerCase();
  if (head.startsWith('#!')) {
    const interpreter = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(head);
    const program = interpreter?.[1]?.endsWith('/env') ? interpreter[2] : interpreter?.[1];
    return result('script', 'script', `a script that runs with ${program ?? 'a shell'}`);
  }
  if (/^(<!doctype html|<html|<head|<body|<script|<iframe|<meta|<svg)/.test(head)) {
    return result('html', 'web-page', 'a web page (HTML)');
  }
  if (
    /^(\(function|function\s|var\s|let\s|const\s|['"]use strict['"]|import\s|eval\(|window\.|document\.)/.test(
      head,
    )
  ) {
    return result('javascript', 'script', 'a JavaScript program');
  }
  if (/^(@echo off|powershell|cmd\s\/c|set\s\w+=)/.test(head)) {
    return result('batch', 'script', 'a Windows command script');
  }
  if (/^(on run|tell application|do shell script)/.test(head)) {
    return result('applescript', 'script', 'an AppleScript');
  }
  return undefined;
}

/** Sniffs the first bytes (and the ZIP directory or DMG trailer) of a whole file or its prefix. */
export function sniffFileType(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return result('pdf', 'document', 'a PDF document');
  const magic = u32be(bytes, 0);
  if (magic === 0xfeedface || magic === 0xfeedfacf || magic === 0xcefaedfe || magic === 0xcffaedfe) {
    return result('macho', 'program', 'a program for macOS (Mach-O)');
  }
  if (magic === 0xcafebabe) return fatMachOOrJavaClass(bytes);
  if (magic === 0xcafebabf) return result('macho', 'program', 'a program for macOS (universal Mach-O)');
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]))
    return result('elf', 'program', 'a program for Linux (ELF)');
  if (startsWith(bytes, [0x4d, 0x5a])) {
    const peAt = u32le(bytes, 0x3c);
    const pe = peAt > 0 && startsWith(bytes, [0x50, 0x45, 0, 0], peAt);
    return result(
      'pe',
      'program',
      pe ? 'a Windows program (PE executable)' : 'a Windows or DOS program (MZ)',
    );
  }
  // Shell link header: size 0x4C, then the LNK CLSID 00021401-0000-0000-C000-000000000046.
  if (startsWith(bytes, [0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46])) {
    return result('lnk', 'shortcut', 'a Windows shortcut (LNK) that can run commands');
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZip(bytes);
  }
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]))
    return result('rar', 'archive', 'a RAR archive');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))
    return result('7z', 'archive', 'a 7-Zip archive');
  if (startsWith(bytes, [0x1f, 0x8b])) return result('gzip', 'archive', 'a compressed (gzip) archive');
  if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0]))
    return result('xz', 'archive', 'a compressed (xz) archive');
  if (startsWith(bytes, [0x42, 0x5a, 0x68]))
    return result('bzip2', 'archive', 'a compressed (bzip2) archive');
  if (startsWith(bytes, [0x4d, 0x53, 0x43, 0x46]))
    return result('cab', 'archive', 'a Windows cabinet archive');
  if (startsWith(bytes, [0x78, 0x61, 0x72, 0x21]))
    return result('xar', 'archive', 'a macOS installer package (XAR)');
  // A UDIF disk image ends with a 512-byte "koly" trailer.
  if (bytes.length >= 512 && ascii(bytes, bytes.length - 512, bytes.length - 508) === 'koly') {
    return result('dmg', 'disk-image', 'a macOS disk image (DMG)');
  }
  for (const at of [0x8001, 0x8801, 0x9001]) {
    if (ascii(bytes, at, at + 5) === 'CD001') return result('iso', 'disk-image', 'a disk image (ISO)');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Legacy Office (.doc/.xls) and MSI installers share this container.
    return result('ole', 'document', 'a legacy Office document or Windows installer (OLE)');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66]))
    return result('rtf', 'document', 'a rich-text document (RTF)');
  return sniffText(bytes) ?? result('unknown', 'unknown', 'data of an unknown type');
}

/** What a name or MIME type promises: the documents a recruiter might plausibly send. */
const CLAIMED: Record<string, { type: RegExp; word: string }> = {
  pdf: { type: /^pdf$/, word: 'PDF' },
  docx: { type: /^ooxml-docx$/, word: 'Word document' },
  xlsx: { type: /^ooxml-xlsx$/, word: 'Excel workbook' },
  pptx: { type: /^ooxml-pptx$/, word: 'PowerPoint presentation' },
  doc: { type: /^(ole|rtf)$/, word: 'Word document' },
  xls: { type: /^ole$/, word: 'Excel workbook' },
  rtf: { type: /^rtf$/, word: 'rich-text document' },
};
const MIME_CLAIM: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/msword': 'doc',
};

/** The document type a file name or MIME type claims, e.g. 'pdf', or undefined. */
export function claimedDocumentType(name: string | undefined, mime?: string): string | undefined {
  const ext = /\.([a-z0-9]{1,5})\s*$/i.exec(name ?? '')?.[1]?.toLowerCase();
  if (ext && CLAIMED[ext]) return ext;
  const fromMime = mime ? MIME_CLAIM[mime.split(';')[0]!.trim().toLowerCase()] : undefined;
  return fromMime;
}

const FAMILY_REASON: Record<FileFamily, { id: string; level: 'dangerous' | 'suspicious' }> = {
  program: { id: 'file-content-program', level: 'dangerous' },
  script: { id: 'file-content-script', level: 'dangerous' },
  archive: { id: 'file-content-archive', level: 'dangerous' },
  shortcut: { id: 'file-content-shortcut', level: 'dangerous' },
  'disk-image': { id: 'file-content-disk-image', level: 'dangerous' },
  'web-page': { id: 'file-content-web-page', level: 'suspicious' },
  document: { id: 'file-content-mismatch', level: 'suspicious' },
};

export interface ContentReason {
  id: string;
  level: 'dangerous' | 'suspicious';
  message: string;
  file?: string;
}

/**
 * Plain-words reasons when the bytes are not what the name promises: "“Coinbase_JD.pdf” is not
 * a PDF: it is a program for macOS (Mach-O)." A document that holds programs is flagged too.
 */
export function contentReasons(sniff: SniffResult, name: string | undefined, mime?: string): ContentReason[] {
  const claim = claimedDocumentType(name, mime);
  const shown = name ? `“${printable(name, 120)}”` : 'This file';
  const file = name ? { file: name } : {};
  const reasons: ContentReason[] = [];
  if (sniff.executableEntries && sniff.executableEntries.length > 0) {
    const list = sniff.executableEntries.slice(0, 3).join(', ');
    reasons.push({
      id: 'file-content-holds-program',
      level: 'dangerous',
      ...file,
      message: `${shown} is ${sniff.label} that holds files that run code (${list}); a job document never does.`,
    });
  }
  if (sniff.macros) {
    reasons.push({
      id: 'file-content-macros',
      level: claim === 'docx' || claim === 'xlsx' || claim === 'pptx' ? 'dangerous' : 'suspicious',
      ...file,
      message: `${shown} carries a macro program (vbaProject.bin); a plain .${claim ?? 'docx'} cannot legitimately hold one.`,
    });
  }
  if (!claim) {
    if (sniff.family !== 'document' && sniff.family !== 'unknown') {
      const { id, level } = FAMILY_REASON[sniff.family];
      reasons.push({ id, level, ...file, message: `${shown} is ${sniff.label}.` });
    }
    return reasons;
  }
  const expected = CLAIMED[claim]!;
  if (expected.type.test(sniff.type)) return reasons;
  const family = sniff.family === 'unknown' ? 'document' : sniff.family;
  const { id, level } = FAMILY_REASON[family];
  const what = sniff.family === 'unknown' ? 'its content does not start like one' : `it is ${sniff.label}`;
  const consequence = level === 'dangerous' ? ' Opening it could run code on your computer.' : '';
  reasons.push({
    id,
    level,
    ...file,
    message: `${shown} claims to be a ${expected.word}, but ${what}.${consequence}`,
  });
  return reasons;
}
