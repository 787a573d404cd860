/**
 * Draws the add-in's icons (a ledger sheet with a check mark) into assets/icon-<size>.png.
 * Run: node bin/run-ts.js scripts/draw-icons.ts — the PNGs are committed, so builds do not run it.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { deflateSync } from "zlib";

type RGBA = [number, number, number, number];

const PAPER: RGBA = [255, 255, 255, 255];
const EDGE: RGBA = [33, 115, 70, 255]; // Excel green
const HEADER: RGBA = [33, 115, 70, 255];
const GRID: RGBA = [180, 200, 190, 255];
const CHECK: RGBA = [196, 43, 28, 255]; // the red of a reviewer's tick

/** Shape test in unit coordinates (0..1); supersampled for smooth edges. */
function colourAt(x: number, y: number): RGBA | null {
  const inSheet = x >= 0.12 && x <= 0.82 && y >= 0.06 && y <= 0.94;
  const onTick = distanceToTick(x, y) < 0.075;
  if (onTick) return CHECK;
  if (!inSheet) return null;
  const border = x < 0.17 || x > 0.77 || y < 0.11 || y > 0.89;
  if (border) return EDGE;
  if (y < 0.3) return HEADER;
  const rowLine = [0.45, 0.6, 0.75].some((r) => Math.abs(y - r) < 0.025);
  const colLine = Math.abs(x - 0.42) < 0.025;
  return rowLine || colLine ? GRID : PAPER;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function distanceToTick(x: number, y: number): number {
  return Math.min(distanceToSegment(x, y, 0.5, 0.7, 0.64, 0.84), distanceToSegment(x, y, 0.64, 0.84, 0.92, 0.5));
}

function render(size: number): Buffer {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3];
          sum[3] += c[3];
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const alpha = sum[3] / (samples * samples);
      for (let i = 0; i < 3; i++) raw[o + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      raw[o + 3] = Math.round(alpha);
    }
  }
  return png(size, size, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80]) {
  const file = join(__dirname, "..", "assets", `icon-${size}.png`);
  writeFileSync(file, render(size));
  console.log(`wrote ${file}`);
}
