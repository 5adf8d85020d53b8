// Plausible answers for every item of a framework, for the demo campaign, tests and benchmarks.
// `quality` 0–1 moves each answer from the worst to the best; the same inputs give the same answers.
import type { Framework } from '@fazhi/domain';

export type SampleAnswer = boolean | number | string[];

export function sampleAnswers(
  framework: Framework,
  quality = 1,
  seed = 0,
): { items: Record<string, SampleAnswer>; vetoes: string[] } {
  const items: Record<string, SampleAnswer> = {};
  let n = seed;
  const next = () => {
    // a small deterministic generator (LCG), so the same seed gives the same sheet
    n = (n * 1103515245 + 12345) % 2147483648;
    return n / 2147483648;
  };
  for (const area of framework.areas) {
    for (const item of area.items) {
      const good = next() < quality;
      const rule = item.rule;
      switch (rule.kind) {
        case 'check':
          items[item.code] = good;
          break;
        case 'checklist':
          items[item.code] = rule.entries.filter((_, i) => good || i % 2 === 0).map((e) => e.code);
          break;
        case 'deduction':
          items[item.code] = good ? 0 : 1 + Math.floor(next() * 3);
          break;
        case 'count':
          items[item.code] = good ? Math.ceil(item.points / rule.perUnit) : Math.floor(next() * 2);
          break;
        case 'bands':
          items[item.code] = good ? rule.bands[0]!.min : (rule.bands.at(-1)?.min ?? 0);
          break;
        case 'proportional':
          items[item.code] = good ? rule.target : Math.round(rule.target * 50) / 100;
          break;
      }
    }
  }
  return { items, vetoes: [] };
}
