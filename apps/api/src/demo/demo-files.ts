// The bytes of the demo's files: photos (PNG pictures of a village meeting under a red banner,
// drawn here, a few variants) and a one-page PDF standing for a scanned document. They are written
// only when the demo is loaded with a data directory, as `.part` files that the start-up sweep
// names once their rows are committed (services/campaigns/evidence.ts), like an upload's.
import { crc32, deflateSync } from 'node:zlib';
import {
  sniffEvidenceType,
  writeStoredFile,
  type StoredFile,
} from '../services/campaigns/evidence.js';

/** A one-page PDF standing for a scanned document (an agreement, a plan, a notice). */
export const demoPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);

const WIDTH = 480;
const HEIGHT = 320;

type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB picture as a PNG file. */
function encodePng(pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  // each row starts with its filter byte (0: none)
  const raw = Buffer.alloc((WIDTH * 3 + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    pixels.copy(raw, y * (WIDTH * 3 + 1) + 1, y * WIDTH * 3, (y + 1) * WIDTH * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const clothes: readonly Rgb[] = [
  [38, 70, 120],
  [90, 90, 96],
  [150, 40, 40],
  [60, 110, 70],
  [200, 170, 90],
  [30, 30, 36],
];

/**
 * A photo of a village meeting: sky, a wall with a red banner, a table, and rows of people whose
 * places and clothes depend on `variant` (the same variant draws the same picture).
 */
function meetingPhoto(variant: number): Buffer {
  const px = Buffer.alloc(WIDTH * HEIGHT * 3);
  const fill = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: Rgb) => {
    for (let y = Math.max(0, y0); y < Math.min(HEIGHT, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(WIDTH, x1); x++) {
        const i = (y * WIDTH + x) * 3;
        px[i] = r;
        px[i + 1] = g;
        px[i + 2] = b;
      }
    }
  };
  const disc = (cx: number, cy: number, radius: number, colour: Rgb) => {
    for (let y = cy - radius; y <= cy + radius; y++) {
      const half = Math.floor(Math.sqrt(radius * radius - (y - cy) * (y - cy)));
      fill(cx - half, y, cx + half + 1, y + 1, colour);
    }
  };
  // sky fading to the horizon, then the village hall's wall and the yard
  for (let y = 0; y < 90; y++) fill(0, y, WIDTH, y + 1, [150 + y, 190 + y / 2, 235]);
  fill(0, 90, WIDTH, 200, [226, 220, 205]);
  fill(0, 200, WIDTH, HEIGHT, [150, 140, 120]);
  // the red banner with its two lines of white characters
  fill(60, 104, 420, 148, [183, 28, 28]);
  for (let k = 0; k < 12; k++) {
    fill(78 + k * 28, 112, 98 + k * 28, 124, [250, 245, 240]);
    if (k % 3 !== 2) fill(78 + k * 28, 130, 98 + k * 28, 140, [250, 245, 240]);
  }
  // the speakers' table
  fill(150, 170, 330, 196, [120, 72, 40]);
  // rows of people, the nearer ones larger
  let seed = variant * 7919 + 17;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let row = 0; row < 3; row++) {
    const y = 222 + row * 34;
    const size = 7 + row * 2;
    for (
      let x = 20 + Math.floor(next() * 20);
      x < WIDTH - 20;
      x += size * 3 + Math.floor(next() * 12)
    ) {
      if (next() < 0.2) continue;
      fill(x - size, y, x + size, y + size * 3, clothes[Math.floor(next() * clothes.length)]!);
      disc(x, y - size + 1, size - 1, [60, 44, 36]);
    }
  }
  return encodePng(px);
}

const photos = new Map<number, Buffer>();
/** The demo photo of a variant (0–3), drawn once. */
export function demoPhoto(variant: number): Buffer {
  const v = variant % 4;
  let bytes = photos.get(v);
  if (!bytes) {
    bytes = meetingPhoto(v);
    photos.set(v, bytes);
  }
  return bytes;
}

/**
 * Writes a demo file's bytes into a folder of the county as `.part` (named by the sweep), typed by
 * their content as an upload is.
 */
export async function writeDemoFile(
  dataDir: string,
  countyCode: string,
  folder: string,
  bytes: Buffer,
): Promise<StoredFile> {
  const type = sniffEvidenceType(bytes)!;
  return (await writeStoredFile(dataDir, countyCode, folder, bytes, type)).file;
}
