import type { Grade } from './types.js';

/** What ranking needs from a scorecard (a full `Scorecard` fits). */
export interface RankableScorecard {
  readonly total: number;
  readonly grade: Grade;
  readonly vetoed: boolean;
}

/** One entry to rank: an id (a village code, say) and its scorecard. */
export interface RankInput {
  readonly id: string;
  readonly scorecard: RankableScorecard;
}

/** A ranked entry; `rank` is `null` for a vetoed scorecard. */
export interface RankedEntry {
  readonly id: string;
  readonly rank: number | null;
  readonly total: number;
  readonly grade: Grade;
  readonly vetoed: boolean;
}

function byId(a: RankInput, b: RankInput): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Ranks scorecards: non-vetoed entries first by total descending; equal totals share a rank and
 * the next rank skips (1, 2, 2, 4), and are ordered by `id` (code-unit order, so the result does
 * not depend on the locale); vetoed entries come last, ordered by `id`, with `rank: null`.
 * Returns a new array; the input is not touched.
 *
 * @example
 * rankScorecards([
 *   { id: 'b', scorecard: { total: 90, grade: 'excellent', vetoed: false } },
 *   { id: 'a', scorecard: { total: 90, grade: 'excellent', vetoed: false } },
 *   { id: 'c', scorecard: { total: 95, grade: 'fail', vetoed: true } },
 *   { id: 'd', scorecard: { total: 80, grade: 'good', vetoed: false } },
 * ]);
 * // → [{ id: 'a', rank: 1, total: 90, … }, { id: 'b', rank: 1, … }, { id: 'd', rank: 3, … },
 * //    { id: 'c', rank: null, total: 95, grade: 'fail', vetoed: true }]
 */
export function rankScorecards(entries: readonly RankInput[]): RankedEntry[] {
  const ranked = entries
    .filter((e) => !e.scorecard.vetoed)
    .sort((a, b) => b.scorecard.total - a.scorecard.total || byId(a, b));
  const vetoed = entries.filter((e) => e.scorecard.vetoed).sort(byId);
  const out: RankedEntry[] = [];
  let rank = 0;
  ranked.forEach((entry, i) => {
    if (i === 0 || entry.scorecard.total !== ranked[i - 1]!.scorecard.total) rank = i + 1;
    const { total, grade } = entry.scorecard;
    out.push({ id: entry.id, rank, total, grade, vetoed: false });
  });
  for (const entry of vetoed) {
    const { total, grade } = entry.scorecard;
    out.push({ id: entry.id, rank: null, total, grade, vetoed: true });
  }
  return out;
}
