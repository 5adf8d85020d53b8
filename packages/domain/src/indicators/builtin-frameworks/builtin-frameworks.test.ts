import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../score-assessment.js';
import { validateFramework } from '../validate-framework.js';
import { builtinFrameworks } from './index.js';

const byCode = (code: string) => builtinFrameworks.find((f) => f.code === code)!;
const items = (code: string) => byCode(code).areas.flatMap((a) => a.items);

describe('builtinFrameworks', () => {
  it('ships the national template and the demo county framework, in that order', () => {
    expect(builtinFrameworks.map((f) => [f.code, f.status])).toEqual([
      ['national-guiding-standard-template', 'template'],
      ['demo-county-2026', 'example'],
    ]);
  });

  it.each(builtinFrameworks.map((f) => [f.code, f] as const))(
    '%s validates, totals 100 points and names its sources',
    (_, framework) => {
      expect(validateFramework(framework)).toMatchObject({ ok: true });
      expect(framework.totalPoints).toBe(100);
      expect(framework.sources!.length).toBeGreaterThan(0);
      expect(framework.vetoes.map((v) => v.code)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
      expect(Object.isFrozen(framework)).toBe(true);
    },
  );

  it('the national template follows the five areas of the guiding standard', () => {
    expect(byCode('national-guiding-standard-template').areas.map((a) => a.name)).toEqual([
      '村级组织健全完善',
      '基层民主规范有序',
      '法治建设扎实推进',
      '经济社会和谐发展',
      '组织保障坚强有力',
    ]);
  });

  it('the national template marks the items not taken from the standard as county-configurable', () => {
    const template = byCode('national-guiding-standard-template');
    for (const area of template.areas) {
      const known = area.code === 'N1' || area.code === 'N2';
      for (const item of area.items) expect(item.configurable === true).toBe(!known);
    }
  });

  it('the demo county framework has 40 items and uses every rule kind', () => {
    const demo = items('demo-county-2026');
    expect(demo.length).toBe(40);
    expect(new Set(demo.map((i) => i.rule.kind))).toEqual(
      new Set(['check', 'checklist', 'deduction', 'count', 'bands', 'proportional']),
    );
  });

  it('the demo county framework scores 100 when everything is met and fails on a veto', () => {
    const demo = byCode('demo-county-2026');
    const answers: Record<string, unknown> = {};
    for (const item of items('demo-county-2026')) {
      const rule = item.rule;
      answers[item.code] =
        rule.kind === 'check'
          ? true
          : rule.kind === 'checklist'
            ? rule.entries.map((e) => e.code)
            : rule.kind === 'deduction'
              ? 0
              : rule.kind === 'count'
                ? 100
                : rule.kind === 'bands'
                  ? rule.bands[0]!.min
                  : rule.target;
    }
    const full = scoreAssessment(demo, { items: answers as never });
    expect(full).toMatchObject({
      ok: true,
      scorecard: { total: 100, grade: 'excellent', complete: true },
    });
    const vetoed = scoreAssessment(demo, { items: answers as never, vetoes: ['V2'] });
    expect(vetoed).toMatchObject({
      ok: true,
      scorecard: { total: 100, grade: 'fail', vetoed: true },
    });
  });
});
