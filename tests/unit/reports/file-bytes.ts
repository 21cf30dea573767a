/**
 * Real file headers built in the test, so no binary fixture is committed: each is the smallest
 * byte layout the format's own tools recognise. file(1) 5.x names every one of them correctly
 * (Mach-O arm64, universal binary with 2 architectures, Java class version 65, PE, ELF, MS Windows
 * shortcut, ISO 9660, PDF 1.7, Zip, Microsoft Word 2007+) except the DMG: file(1) reads only the
 * start of a file, and a UDIF image is marked by its trailer.
 */

const enc = new TextEncoder();

function concat(...parts: Array<Uint8Array | number[]>): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const padding = (n: number, fill = 0) => new Uint8Array(n).fill(fill);

/** A 64-bit little-endian Mach-O executable header (arm64), then filler. */
export const machO64 = () =>
  concat([0xcf, 0xfa, 0xed, 0xfe, 0x0c, 0, 0, 0x01, 0, 0, 0, 0, 0x02, 0, 0, 0], padding(4_080));

/** A universal binary with two arches (x86_64 and arm64). */
export const machOFat = () =>
  concat(
    [0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2],
    [0x01, 0, 0, 0x07, 0, 0, 0, 3, 0, 0, 0x10, 0, 0, 0, 0x10, 0, 0, 0, 0, 12],
    [0x01, 0, 0, 0x0c, 0, 0, 0, 0, 0, 0, 0x20, 0, 0, 0, 0x10, 0, 0, 0, 0, 14],
    padding(1_000),
  );

/** A Java 21 class file: same 0xCAFEBABE magic, then minor 0, major 65. */
export const javaClass = () => concat([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 65, 0, 0x1d], padding(200));

/** MZ header whose e_lfanew (0x3C) points at a "PE\0\0" signature. */
export const peExe = () => {
  const bytes = padding(512);
  bytes.set([0x4d, 0x5a]);
  bytes.set(u32(0x80), 0x3c);
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return bytes;
};

export const elf = () => concat([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], padding(200));

/** Shell link header: HeaderSize 0x4C and the LNK CLSID. */
export const lnk = () =>
  concat([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46], padding(56));

/** A UDIF disk image: data, then the 512-byte "koly" trailer. */
export const dmg = () => concat(padding(2_048, 0x11), enc.encode('koly'), padding(508));

/** An ISO 9660 image: the primary volume descriptor "CD001" at 0x8001. */
export const iso = () => {
  const bytes = padding(0x8800);
  bytes.set([1, ...enc.encode('CD001')], 0x8000);
  return bytes;
};

export const pdf = (body = 'BT /F1 12 Tf (Senior Engineer) Tj ET') =>
  enc.encode(
    `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Length ${body.length} >> stream\n${body}\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

export const text = (content: string) => enc.encode(content);

/** A stored (uncompressed) ZIP with a central directory, as zip(1) writes it. */
export function zip(entries: Array<{ name: string; data?: string }>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = enc.encode(entry.name);
    const data = enc.encode(entry.data ?? '');
    const common = [
      ...u16(20),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(data.length),
      ...u32(data.length),
      ...u16(name.length),
    ];
    const local = concat([0x50, 0x4b, 0x03, 0x04], common, u16(0), name, data);
    centrals.push(
      concat(
        [0x50, 0x4b, 0x01, 0x02],
        u16(20),
        common,
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(...centrals);
  const end = concat(
    [0x50, 0x4b, 0x05, 0x06],
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  );
  return concat(...locals, directory, end);
}

/** The entries Word writes first in a .docx. */
export const docxEntries = [
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: '_rels/.rels', data: '<Relationships/>' },
  { name: 'word/document.xml', data: '<w:document/>' },
  { name: 'docProps/core.xml', data: '<cp:coreProperties/>' },
];
