/** Shared fixtures for the indicator tests: small frameworks and fast-check arbitraries. */
import fc from 'fast-check';
import type { AssessmentAnswers, Framework, IndicatorItem, ScoringRule } from '../src/index.js';

/** A one-area framework holding `items`; the area and total points are their sum. */
export function frameworkOf(items: readonly IndicatorItem[], extra: Partial<Framework> = {}) {
  const cents = items.reduce((sum, item) => sum + Math.round(item.points * 100), 0);
  const points = cents / 100;
  return {
    code: 'test',
    name: '测试细则',
    version: '1.0.0',
    totalPoints: points,
    grades: [],
    vetoes: [{ code: 'V1', name: '否决项' }],
    areas: [{ code: 'A1', name: '组织建设', points, items }],
    ...extra,
  } satisfies Framework;
}

/** An item with the given code, points and rule. */
export function item(code: string, points: number, rule: ScoringRule): IndicatorItem {
  return { code, name: `评分项${code}`, points, method: 'ledger', rule };
}

// The workspace has no @types/node or DOM types; Node ≥ 17 has this global.
declare function structuredClone<T>(value: T): T;

/** A deep copy (keeps −0, unlike a JSON round trip). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

const cents = (min: number, max: number) => fc.integer({ min, max });

/** A rule with item points `p` (in hundredths), and the item's points. */
function arbRule(p: number): fc.Arbitrary<ScoringRule> {
  return fc.oneof(
    fc.constant<ScoringRule>({ kind: 'check' }),
    fc.integer({ min: 1, max: Math.min(6, p) }).map((n): ScoringRule => {
      const base = Math.floor(p / n);
      const entries = Array.from({ length: n }, (_, i) => ({
        code: `e${i}`,
        name: `条目${i}`,
        points: (i === 0 ? p - base * (n - 1) : base) / 100,
      }));
      return { kind: 'checklist', entries };
    }),
    cents(1, 300).map((u): ScoringRule => ({ kind: 'deduction', perUnit: u / 100 })),
    cents(1, 300).map((u): ScoringRule => ({ kind: 'count', perUnit: u / 100 })),
    fc.uniqueArray(cents(-5000, 10000), { minLength: 1, maxLength: 4 }).chain((mins) =>
      fc
        .array(cents(0, p), { minLength: mins.length, maxLength: mins.length })
        .map((points): ScoringRule => ({
          kind: 'bands',
          bands: [...mins]
            .sort((a, b) => b - a)
            .map((min, i) => ({ min: min / 100, points: points[i]! / 100 })),
        })),
    ),
    cents(1, 20000).map((t): ScoringRule => ({ kind: 'proportional', target: t / 100 })),
  );
}

/** A valid framework of 1–3 areas with 1–5 items each, using every rule kind. */
export const arbFramework: fc.Arbitrary<Framework> = fc
  .array(fc.array(cents(1, 1000), { minLength: 1, maxLength: 5 }), {
    minLength: 1,
    maxLength: 3,
  })
  .chain((areaItems) =>
    fc.tuple(...areaItems.flat().map((p) => arbRule(p))).map((rules): Framework => {
      let k = 0;
      const areas = areaItems.map((points, a) => {
        const items = points.map((p, i) => ({
          code: `A${a + 1}.${i + 1}`,
          name: `评分项${a + 1}.${i + 1}`,
          points: p / 100,
          method: 'ledger' as const,
          rule: rules[k++]!,
        }));
        const sum = points.reduce((s, p) => s + p, 0);
        return { code: `A${a + 1}`, name: `类别${a + 1}`, points: sum / 100, items };
      });
      const total = areaItems.flat().reduce((s, p) => s + p, 0);
      const pass = Math.floor(total * 0.6);
      const excellent = Math.max(Math.floor(total * 0.9), pass + 1);
      return {
        code: 'arb',
        name: '随机细则',
        version: '1',
        totalPoints: total / 100,
        grades: [
          { grade: 'excellent', minPoints: excellent / 100 },
          { grade: 'pass', minPoints: pass / 100 },
        ],
        vetoes: [{ code: 'V1', name: '否决项' }],
        areas,
      };
    }),
  );

/** A valid answer for one item (never missing). */
export function arbAnswer(rule: ScoringRule): fc.Arbitrary<boolean | number | string[]> {
  switch (rule.kind) {
    case 'check':
      return fc.boolean();
    case 'checklist':
      return fc.subarray(rule.entries.map((e) => e.code));
    case 'deduction':
    case 'count':
      return fc.oneof(fc.nat(20), fc.nat());
    case 'bands':
      return fc.oneof(
        fc.constantFrom(...rule.bands.map((b) => b.min)),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      );
    case 'proportional':
      return fc.oneof(
        fc.integer({ min: 0, max: 30000 }).map((c) => c / 100),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
      );
  }
}

/** Answers for a framework: each item answered, left out or `null`, plus random vetoes. */
export function arbAnswers(framework: Framework): fc.Arbitrary<AssessmentAnswers> {
  const items = framework.areas.flatMap((a) => a.items);
  return fc
    .tuple(
      fc.tuple(
        ...items.map((it) =>
          fc
            .option(arbAnswer(it.rule), { nil: undefined, freq: 5 })
            .map((v) => [it.code, v] as const),
        ),
      ),
      fc.subarray(framework.vetoes.map((v) => v.code)),
    )
    .map(([pairs, vetoes]) => ({
      items: Object.fromEntries(pairs.filter(([, v]) => v !== undefined)),
      vetoes,
    }));
}
