// A reproducible random sample (随机抽查): the same seed and the same candidates always give the
// same sample, so a batch can be shown before it is opened and checked afterwards from the seed
// stored in its audit event.
import { randomInt } from 'node:crypto';

/** The largest seed: seeds are positive 31-bit integers, short enough to read out and type. */
export const MAX_SEED = 2_147_483_647;

/** A fresh seed for a sample the user did not give one for. */
export function newSeed(): number {
  return randomInt(1, MAX_SEED);
}

/** mulberry32: a small, well-mixed 32-bit generator; enough for drawing a sample, not for secrets. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SampleSize = { count: number } | { percent: number };

/** How many of `total` candidates a sample size takes: n (at most all), or p% rounded up. */
export function sampleCount(total: number, size: SampleSize): number {
  if ('count' in size) return Math.min(size.count, total);
  return Math.min(total, Math.ceil((total * size.percent) / 100));
}

/**
 * Draws `sampleCount(candidates.length, size)` of the candidates with the seed (a partial
 * Fisher–Yates shuffle). The candidates must come in a stable order (the caller sorts them); the
 * result keeps that order.
 */
export function drawSample<T>(candidates: readonly T[], size: SampleSize, seed: number): T[] {
  const n = sampleCount(candidates.length, size);
  const random = generator(seed);
  const index = candidates.map((_, i) => i);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (index.length - i));
    [index[i], index[j]] = [index[j]!, index[i]!];
  }
  return index
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => candidates[i]!);
}
