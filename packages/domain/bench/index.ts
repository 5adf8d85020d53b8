/**
 * Scores 100,000 assessments of the 40-item `demo-county-2026` framework with `scoreTotals` (what
 * a save runs) and prints the time and the rate, beside a hand-written loop summing the same
 * points (the lower bound; target within 3×) and the full `scoreAssessment` with explanations.
 * Answers are generated up front (deterministically) so only scoring is timed, and every answer
 * set's totals are first checked equal across the three. Run with
 * `pnpm --filter @fazhi/domain bench`. Target: under 2 s.
 */
import { builtinFrameworks, scoreAssessment, scoreTotals } from '../src/index.js';
import type { AssessmentAnswers, Framework, ItemAnswer } from '../src/index.js';

// The workspace has no @types/node; declare the two globals this script uses.
declare const performance: { now(): number };
declare const process: { cpuUsage(): { user: number; system: number } };
declare const console: { log(...values: unknown[]): void };

const assessments = 100_000;

const framework: Framework | undefined = builtinFrameworks.find(
  (f) => f.code === 'demo-county-2026',
);
if (!framework) throw new Error('demo-county-2026 is missing');
const itemCount = framework.areas.reduce((n, area) => n + area.items.length, 0);

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20260101);
const int = (max: number): number => Math.floor(next() * (max + 1));

function answersFor(f: Framework): AssessmentAnswers {
  const items: Record<string, ItemAnswer> = {};
  for (const area of f.areas) {
    for (const item of area.items) {
      if (next() < 0.03) continue; // a few missing answers
      const rule = item.rule;
      switch (rule.kind) {
        case 'check':
          items[item.code] = next() < 0.8;
          break;
        case 'checklist':
          items[item.code] = rule.entries.filter(() => next() < 0.75).map((e) => e.code);
          break;
        case 'deduction':
        case 'count':
          items[item.code] = int(6);
          break;
        case 'bands':
          items[item.code] = Math.round(next() * 10_000) / 100;
          break;
        case 'proportional':
          items[item.code] = Math.round(next() * rule.target * 120) / 100;
          break;
      }
    }
  }
  return { items, vetoes: next() < 0.02 ? ['V6'] : [] };
}

// A pool of distinct answer sets, cycled, keeps the retained heap small so the figure measures
// scoring rather than the garbage collector walking 100,000 stored answer sets.
const pool = Array.from({ length: 5_000 }, () => answersFor(framework));
const inputs = Array.from({ length: assessments }, (_, i) => pool[i % pool.length]!);

// The product's path: a save stores the totals (`scoreTotals`, no explanations). Checked first
// against the full scoring with explanations, answer set by answer set.
for (const answers of pool) {
  const full = scoreAssessment(framework, answers);
  const fast = scoreTotals(framework, answers);
  if (!full.ok || !fast.ok) throw new Error('the generated answers must be valid');
  const a = full.scorecard;
  const b = fast.totals;
  if (
    a.total !== b.total ||
    a.grade !== b.grade ||
    a.vetoed !== b.vetoed ||
    a.complete !== b.complete ||
    a.vetoes.map((v) => v.code).join() !== b.vetoes.map((v) => v.code).join() ||
    a.missing.join() !== b.missing.join()
  ) {
    throw new Error(`scoreTotals differs from scoreAssessment: ${JSON.stringify([a, b])}`);
  }
}

/** Times one scoring function over all inputs (after a warm-up) and sums the totals. */
function timed(score: (answers: AssessmentAnswers) => number | null) {
  for (let i = 0; i < 2_000; i++) score(inputs[i]!);
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let checksum = 0;
  let failures = 0;
  for (const answers of inputs) {
    const total = score(answers);
    if (total === null) failures += 1;
    else checksum += total;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage();
  const cpuSeconds = (cpu.user - cpuStarted.user + cpu.system - cpuStarted.system) / 1e6;
  return { seconds, cpuSeconds, checksum, failures };
}

// The lower bound: the same points summed by a hand-written integer loop over items prepared
// once (in hundredths, answers read as the rules read them), without validation, problems,
// explanations or a scorecard. The domain's figure is printed beside it, with the ratio.
type Plain =
  | { kind: 'check'; code: string; max: number }
  | { kind: 'checklist'; code: string; max: number; entries: Map<string, number> }
  | { kind: 'deduction' | 'count'; code: string; max: number; per: number }
  | { kind: 'bands'; code: string; max: number; bands: { min: number; points: number }[] }
  | { kind: 'proportional'; code: string; max: number; target: number };
const h = (points: number) => Math.round(points * 100);
const plain: Plain[] = framework.areas.flatMap((area) =>
  area.items.map((item): Plain => {
    const max = h(item.points);
    const rule = item.rule;
    switch (rule.kind) {
      case 'check':
        return { kind: 'check', code: item.code, max };
      case 'checklist':
        return {
          kind: 'checklist',
          code: item.code,
          max,
          entries: new Map(rule.entries.map((e) => [e.code, h(e.points)])),
        };
      case 'deduction':
      case 'count':
        return { kind: rule.kind, code: item.code, max, per: h(rule.perUnit) };
      case 'bands':
        return {
          kind: 'bands',
          code: item.code,
          max,
          bands: rule.bands.map((b) => ({ min: h(b.min), points: h(b.points) })),
        };
      case 'proportional':
        return { kind: 'proportional', code: item.code, max, target: h(rule.target) };
    }
  }),
);
function loopTotal(answers: AssessmentAnswers): number {
  const items = answers.items as Record<string, ItemAnswer | undefined>;
  let total = 0;
  for (const item of plain) {
    const v = items[item.code];
    if (v === undefined) continue;
    switch (item.kind) {
      case 'check':
        if (v === true) total += item.max;
        break;
      case 'checklist': {
        let sum = 0;
        for (const code of v as readonly string[]) sum += item.entries.get(code) ?? 0;
        total += sum > item.max ? item.max : sum;
        break;
      }
      case 'deduction': {
        const left = item.max - (v as number) * item.per;
        total += left > 0 ? left : 0;
        break;
      }
      case 'count': {
        const earned = (v as number) * item.per;
        total += earned < item.max ? earned : item.max;
        break;
      }
      case 'bands': {
        const value = Math.round((v as number) * 100);
        for (const band of item.bands) {
          if (value >= band.min) {
            total += band.points;
            break;
          }
        }
        break;
      }
      case 'proportional': {
        const value = Math.round((v as number) * 100);
        total += value >= item.target ? item.max : Math.round((item.max * value) / item.target);
        break;
      }
    }
  }
  return total;
}
// The lower bound sums the same points as the domain, answer set by answer set.
for (const answers of pool) {
  const result = scoreTotals(framework, answers);
  if (!result.ok || Math.round(result.totals.total * 100) !== loopTotal(answers)) {
    throw new Error(`the hand-written loop differs from scoreTotals: ${JSON.stringify(answers)}`);
  }
}

// The machine may be shared: the domain's path and the lower bound are timed back to back,
// three times, and the median ratio is the figure.
const rounds = Array.from({ length: 3 }, () => {
  const totals = timed((answers) => {
    const result = scoreTotals(framework, answers);
    return result.ok ? result.totals.total : null;
  });
  const loop = timed(loopTotal);
  return { totals, loop, ratio: totals.seconds / loop.seconds };
});
const median = [...rounds].sort((x, y) => x.ratio - y.ratio)[1]!;
const { seconds, cpuSeconds, checksum, failures } = median.totals;
const loopSeconds = median.loop.seconds;
const loopChecksum = median.loop.checksum;

// The full scoring, every item explained (what a sheet's page shows), for comparison.
const full = timed((answers) => {
  const result = scoreAssessment(framework, answers);
  return result.ok ? result.scorecard.total : null;
});
if (full.checksum !== checksum || full.failures !== failures) {
  throw new Error('scoreAssessment and scoreTotals disagree on the sum of the totals');
}

console.log(
  `scoreTotals (the save's path): ${assessments.toLocaleString('en')} assessments of a ${itemCount}-item framework in ${seconds.toFixed(3)} s ` +
    `(${Math.round(assessments / seconds).toLocaleString('en')} assessments/s, ` +
    `${Math.round((assessments * itemCount) / seconds).toLocaleString('en')} items/s); ` +
    `totals, grades, vetoes and missing items checked equal to scoreAssessment's`,
);
console.log(
  `process CPU time ${cpuSeconds.toFixed(3)} s (includes GC threads; wall time is the figure)`,
);
console.log(
  `target: < 2 s — ${seconds < 2 ? 'met' : 'NOT met'}; mean total ${(checksum / (assessments - failures)).toFixed(2)}, ${failures} rejected`,
);
console.log(`scoreAssessment (every item explained): ${full.seconds.toFixed(3)} s, same totals`);
console.log(
  `hand-written loop summing the same points (the lower bound): ${loopSeconds.toFixed(3)} s, ` +
    `mean total ${(loopChecksum / 100 / assessments).toFixed(2)}; scoreTotals ` +
    `${median.ratio.toFixed(2)}× of it (median of ${rounds.map((r) => `${r.ratio.toFixed(2)}×`).join(', ')}; target within 3×): ` +
    `${median.ratio <= 3 ? 'met' : 'NOT met'}`,
);
