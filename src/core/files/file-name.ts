import { printable } from '../text/printable.ts';
import type { Reason } from '../types.ts';

/** Extensions people expect a job description or offer letter to have. */
const DOCUMENT = new Set([
  'pdf',
  'doc',
  'docx',
  'rtf',
  'odt',
  'pages',
  'txt',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'key',
  'csv',
  'md',
]);

/** Programs and scripts: opening one runs code. */
const EXECUTABLE: Record<string, string> = {
  exe: 'a Windows program',
  com: 'a Windows program',
  scr: 'a Windows screen-saver program',
  pif: 'a Windows program',
  msi: 'a Windows installer',
  msix: 'a Windows installer',
  appx: 'a Windows installer',
  bat: 'a Windows script',
  cmd: 'a Windows script',
  ps1: 'a PowerShell script',
  vbs: 'a VBScript',
  vbe: 'a VBScript',
  js: 'a JavaScript file that Windows runs',
  jse: 'a JavaScript file that Windows runs',
  wsf: 'a Windows script',
  hta: 'an HTML application that runs code',
  lnk: 'a Windows shortcut that can run commands',
  url: 'an internet shortcut',
  cpl: 'a Windows control-panel program',
  jar: 'a Java program',
  app: 'a macOS application',
  pkg: 'a macOS installer',
  mpkg: 'a macOS installer',
  command: 'a macOS script',
  scpt: 'an AppleScript',
  terminal: 'a macOS Terminal file that runs commands',
  sh: 'a shell script',
  py: 'a Python script',
  deb: 'a Linux installer',
  rpm: 'a Linux installer',
  appimage: 'a Linux program',
  elf: 'a Linux program',
  apk: 'an Android app',
  iso: 'a disk image',
};

/** Containers that hide what is inside until opened. */
const ARCHIVE: Record<string, string> = {
  zip: 'a ZIP archive',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  tar: 'a tar archive',
  gz: 'a compressed archive',
  tgz: 'a compressed archive',
  bz2: 'a compressed archive',
  xz: 'a compressed archive',
  cab: 'a Windows cabinet archive',
  dmg: 'a macOS disk image',
  img: 'a disk image',
  vhd: 'a virtual disk',
  vhdx: 'a virtual disk',
};

/** Bidi controls and invisible characters that make a name read differently from what it is. */
const INVISIBLE: Record<number, string> = {
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  1564: 'ARABIC LETTER MARK',
  8203: 'ZERO WIDTH SPACE',
  8204: 'ZERO WIDTH NON-JOINER',
  8205: 'ZERO WIDTH JOINER',
  8288: 'WORD JOINER',
  65279: 'ZERO WIDTH NO-BREAK SPACE',
  173: 'SOFT HYPHEN',
  6158: 'MONGOLIAN VOWEL SEPARATOR',
};

const MAX_NAME = 1_024;

/** The name as the operating system sees it: invisible characters removed, trailing dots and spaces trimmed. */
function realName(name: string): string {
  let out = '';
  for (const ch of name.slice(0, MAX_NAME)) if (INVISIBLE[ch.codePointAt(0)!] === undefined) out += ch;
  return out.replace(/(?<![.\s])[.\s]+$/, '');
}

/** Extensions of a name, last first: "a.pdf .exe" -> ["exe", "pdf"]. */
function extensions(name: string): string[] {
  // No dot, no extension: most link paths ("/", "/careers") end here.
  if (!name.includes('.')) return [];
  const parts = realName(name).toLowerCase().split('.');
  return parts
    .slice(1)
    .reverse()
    .map((p) => p.trim())
    .filter((p) => /^[a-z0-9]{1,10}$/.test(p));
}

/** The extension that decides what opening the file does. */
export function realExtension(name: string): string {
  return extensions(name)[0] ?? '';
}

export function isDocumentName(name: string): boolean {
  return DOCUMENT.has(realExtension(name));
}

/** Explains file names that pose as documents but are programs, archives or hidden endings. */
export function fileNameReasons(name: string): Reason[] {
  if (typeof name !== 'string' || name.length === 0) return [];
  const reasons: Reason[] = [];
  const shown = printable(name, 200);
  const exts = extensions(name);
  const last = exts[0] ?? '';
  const kind = EXECUTABLE[last] ?? ARCHIVE[last];
  const posedAs = exts.slice(1).find((e) => DOCUMENT.has(e));

  for (const [index, ch] of [...name.slice(0, MAX_NAME)].entries()) {
    const label = INVISIBLE[ch.codePointAt(0)!];
    if (!label) continue;
    const ending = last ? ` It really ends in .${last}.` : '';
    reasons.push({
      id: 'file-invisible-char',
      level: kind ? 'dangerous' : 'suspicious',
      file: name,
      message: `“${realName(name)}” hides an invisible ${label} character (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) at position ${index + 1}, so its name reads differently from what it is.${ending}`,
    });
    break;
  }
  if (kind && posedAs) {
    reasons.push({
      id: 'file-double-extension',
      level: 'dangerous',
      file: name,
      message: `“${shown}” is ${kind} disguised as a .${posedAs} document.`,
    });
  } else if (last in EXECUTABLE) {
    reasons.push({
      id: 'file-executable-type',
      level: 'suspicious',
      escalatesWithJobContext: true,
      file: name,
      message: `“${shown}” is ${EXECUTABLE[last]}, not a document; a recruiter has no reason to send one.`,
    });
  } else if (last in ARCHIVE) {
    reasons.push({
      id: 'file-archive-type',
      level: 'suspicious',
      file: name,
      message: `“${shown}” is ${ARCHIVE[last]}; archives can hide programs behind document names.`,
    });
  }
  return reasons;
}
