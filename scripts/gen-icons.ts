/**
 * Draws the toolbar icons (a shield with a check notch) as PNGs, so the repo needs no
 * image tools. Run: npx tsx scripts/gen-icons.ts. Output is committed under public/icons.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const SHIELD = [0x1f, 0x4e, 0x8c];
const MARK = [0xff, 0xff, 0xff];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Inside a shield: flat top, straight sides for 55% of the height, then a curve to a point. */
function insideShield(x: number, y: number): boolean {
  const top = 0.08;
  const bottom = 0.95;
  if (y < top || y > bottom) return false;
  const straightEnd = top + 0.5 * (bottom - top);
  const halfWidth =
    y <= straightEnd ? 0.4 : 0.4 * Math.sqrt(1 - ((y - straightEnd) / (bottom - straightEnd)) ** 2);
  return Math.abs(x - 0.5) <= halfWidth;
}

function insideMark(x: number, y: number): boolean {
  // An exclamation mark: a bar and a dot.
  const bar = Math.abs(x - 0.5) < 0.075 && y > 0.22 && y < 0.6;
  const dot = (x - 0.5) ** 2 + (y - 0.73) ** 2 < 0.085 ** 2;
  return bar || dot;
}

function png(size: number): Uint8Array {
  const raw = new Uint8Array(size * (size * 4 + 1));
  const samples = 4;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let shield = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (insideShield(x, y)) {
            if (insideMark(x, y)) mark++;
            else shield++;
          }
        }
      }
      const total = samples * samples;
      const alpha = (shield + mark) / total;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const blend = mark / Math.max(1, shield + mark);
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(SHIELD[c]! * (1 - blend) + MARK[c]! * blend);
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const parts = [
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

for (const size of SIZES) writeFileSync(`public/icons/icon-${size}.png`, png(size));
console.log(`wrote ${SIZES.length} icons to public/icons`);
