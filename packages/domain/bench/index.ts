/**
 * Scores 100,000 assessments of the 40-item `demo-county-2026` framework and prints the time and
 * the rate. Answers are generated up front (deterministically) so only scoring is timed.
 * Run with `pnpm --filter @fazhi/domain bench`. Target: under 2 s.
 */
import { builtinFrameworks, scoreAssessment } from '../src/index.js';
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

// Warm up the JIT on a separate slice so the timed run is representative.
for (let i = 0; i < 2_000; i++) scoreAssessment(framework, inputs[i]!);

const cpuStarted = process.cpuUsage();
const started = performance.now();
let checksum = 0;
let failures = 0;
for (const answers of inputs) {
  const result = scoreAssessment(framework, answers);
  if (result.ok) checksum += result.scorecard.total;
  else failures += 1;
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage();
const cpuSeconds = (cpu.user - cpuStarted.user + cpu.system - cpuStarted.system) / 1e6;

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
for (let i = 0; i < 2_000; i++) loopTotal(inputs[i]!);
const loopStarted = performance.now();
let loopChecksum = 0;
for (const answers of inputs) loopChecksum += loopTotal(answers);
const loopSeconds = (performance.now() - loopStarted) / 1000;

console.log(
  `scoreAssessment: ${assessments.toLocaleString('en')} assessments of a ${itemCount}-item framework in ${seconds.toFixed(3)} s ` +
    `(${Math.round(assessments / seconds).toLocaleString('en')} assessments/s, ` +
    `${Math.round((assessments * itemCount) / seconds).toLocaleString('en')} items/s)`,
);
console.log(
  `process CPU time ${cpuSeconds.toFixed(3)} s (includes GC threads; wall time is the figure)`,
);
console.log(
  `target: < 2 s — ${seconds < 2 ? 'met' : 'NOT met'}; mean total ${(checksum / (assessments - failures)).toFixed(2)}, ${failures} rejected`,
);
console.log(
  `hand-written loop summing the same points (the lower bound): ${loopSeconds.toFixed(3)} s, ` +
    `mean total ${(loopChecksum / 100 / assessments).toFixed(2)}; scoreAssessment ` +
    `${(seconds / loopSeconds).toFixed(2)}× of it (target within 3×): ` +
    `${seconds / loopSeconds <= 3 ? 'met' : 'NOT met'}`,
);
