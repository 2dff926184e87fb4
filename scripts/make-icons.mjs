// Draws the app and tray icons into build/ with plain Node (no image libraries): shapes are
// sampled 4×4 per pixel for smooth edges and written as PNG with zlib; the .ico and .icns files
// wrap the PNGs. Run `node scripts/make-icons.mjs` after changing a shape; the outputs are
// committed so packaging needs no drawing step.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const buildDir = fileURLToPath(new URL('../build/', import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in the unit square; each returns true when (x, y) is inside.
const roundedSquare = (x, y, r = 0.22, m = 0.04) => {
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= 1 - m && y >= m && y <= 1 - m;
};
const circle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A person: head and shoulders, the contact-directory glyph. */
const person = (x, y, s = 1) => {
  const X = 0.5 + (x - 0.5) / s;
  const Y = 0.5 + (y - 0.5) / s;
  return (
    circle(X, Y, 0.5, 0.37, 0.15) || (Y <= 0.8 && ((X - 0.5) / 0.27) ** 2 + ((Y - 0.8) / 0.27) ** 2 <= 1)
  );
};
const slash = (x, y) => Math.abs(x - y) < 0.07 && x > 0.12 && x < 0.88;
const badge = (x, y) => circle(x, y, 0.78, 0.22, 0.2);
const badgeRing = (x, y) => circle(x, y, 0.78, 0.22, 0.27);

const BLUE = [21, 101, 192, 255];
const GREY = [117, 117, 117, 255];
const WHITE = [255, 255, 255, 255];
const RED = [229, 57, 53, 255];
const BLACK = [0, 0, 0, 255];

/** Colour at (x, y) for a variant; null = transparent. */
function paint(variant, template) {
  return (x, y) => {
    if (template) {
      if (variant === 'unread' && badge(x, y)) return BLACK;
      if (variant === 'unread' && badgeRing(x, y)) return null;
      if (variant === 'offline' && slash(x, y)) return BLACK;
      if (variant === 'offline' && Math.abs(x - y) < 0.13 && x > 0.06 && x < 0.94) return null;
      return person(x, y, 1.15) ? BLACK : null;
    }
    if (variant === 'unread' && badge(x, y)) return RED;
    if (variant === 'unread' && badgeRing(x, y)) return WHITE;
    if (!roundedSquare(x, y)) return null;
    if (variant === 'offline' && slash(x, y)) return WHITE;
    if (person(x, y, 0.95)) return WHITE;
    return variant === 'offline' ? GREY : BLUE;
  };
}

function render(size, colourAt) {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          const a = c[3] / 255;
          acc[0] += c[0] * a;
          acc[1] += c[1] * a;
          acc[2] += c[2] * a;
          acc[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = acc[3] / (n * n);
      out[i] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      out[i + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      out[i + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return png(size, out);
}

function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

function icns(entries) {
  const parts = entries.map(([type, data]) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

const write = (rel, data) => {
  const file = join(buildDir, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, data);
};

const app = paint('normal', false);
const appPng = new Map();
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  appPng.set(size, render(size, app));
  write(`icons/${size}x${size}.png`, appPng.get(size));
}
write('icon.png', appPng.get(1024));
write('icon.ico', ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: appPng.get(size) }))));
// PNG-carrying icns types: ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x),
// ic12 64 (32@2x), ic13 256 (128@2x), ic14 512 (256@2x).
write(
  'icon.icns',
  icns([
    ['ic11', appPng.get(32)],
    ['ic12', appPng.get(64)],
    ['ic07', appPng.get(128)],
    ['ic13', appPng.get(256)],
    ['ic08', appPng.get(256)],
    ['ic14', appPng.get(512)],
    ['ic09', appPng.get(512)],
    ['ic10', appPng.get(1024)],
  ]),
);

for (const variant of ['normal', 'offline', 'unread']) {
  for (const size of [16, 24, 32, 48]) {
    write(`tray/tray-${variant}-${size}.png`, render(size, paint(variant, false)));
    write(`tray/tray-${variant}-${size}@2x.png`, render(size * 2, paint(variant, false)));
  }
  write(`tray/tray-${variant}Template.png`, render(16, paint(variant, true)));
  write(`tray/tray-${variant}Template@2x.png`, render(32, paint(variant, true)));
}
console.log(`icons written to ${buildDir}`);
