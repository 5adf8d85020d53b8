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
