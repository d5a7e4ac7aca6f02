// Draws images/icon.png (128×128): a seed sprouting between JSON braces. No image library: shapes
// are signed-distance functions, 4×4 supersampled, written as an RGBA PNG with node:zlib.
//   node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;

function segDist(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

function polyline(points, width) {
  return (x, y) => {
    let d = Infinity;
    for (let i = 0; i + 1 < points.length; i++)
      d = Math.min(d, segDist(x, y, points[i], points[i + 1]));
    return d - width / 2;
  };
}

function roundedSquare(x, y, inset, radius) {
  const qx = Math.abs(x - SIZE / 2) - (SIZE / 2 - inset - radius);
  const qy = Math.abs(y - SIZE / 2) - (SIZE / 2 - inset - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function ellipse(cx, cy, rx, ry, angle) {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    const u = (dx * c + dy * s) / rx;
    const v = (-dx * s + dy * c) / ry;
    return (Math.hypot(u, v) - 1) * Math.min(rx, ry);
  };
}

const braceLeft = polyline(
  [
    [46, 28],
    [38, 30],
    [35, 38],
    [35, 56],
    [26, 64],
    [35, 72],
    [35, 90],
    [38, 98],
    [46, 100],
  ],
  7,
);
const braceRight = polyline(
  [
    [82, 28],
    [90, 30],
    [93, 38],
    [93, 56],
    [102, 64],
    [93, 72],
    [93, 90],
    [90, 98],
    [82, 100],
  ],
  7,
);
const seed = ellipse(64, 80, 12, 9, 0);
const stem = polyline(
  [
    [64, 74],
    [64, 52],
  ],
  4,
);
const leafLeft = ellipse(55, 50, 10, 5, -0.6);
const leafRight = ellipse(73, 46, 11, 5.5, 0.55);

/** The colour at a point: later layers paint over earlier ones. */
function shade(x, y) {
  if (roundedSquare(x, y, 2, 22) > 0) return [0, 0, 0, 0];
  const t = y / SIZE;
  let rgb = [Math.round(36 + 20 * t), Math.round(48 + 30 * t), Math.round(92 + 50 * t)];
  if (braceLeft(x, y) <= 0 || braceRight(x, y) <= 0) rgb = [236, 241, 250];
  if (stem(x, y) <= 0 || leafLeft(x, y) <= 0 || leafRight(x, y) <= 0) rgb = [110, 214, 120];
  if (seed(x, y) <= 0) rgb = [214, 160, 82];
  return [...rgb, 255];
}

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
const N = 4;
for (let y = 0; y < SIZE; y++) {
  pixels[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < N; sy++) {
      for (let sx = 0; sx < N; sx++) {
        const c = shade(x + (sx + 0.5) / N, y + (sy + 0.5) / N);
        for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
        acc[3] += c[3];
      }
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    for (let k = 0; k < 3; k++) pixels[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
    pixels[o + 3] = Math.round(acc[3] / (N * N));
  }
}

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
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
