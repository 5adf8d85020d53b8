import { describe, expect, it } from 'vitest';
import { frameworkOf, item } from '../../test/indicator-fixtures.js';
import { validateFramework } from '../indicators/validate-framework.js';
import { builtinFrameworks } from '../indicators/builtin-frameworks/index.js';
import { deriveAnswers } from './derive-answers.js';
import { recordMetrics, taskRatingMetrics } from './record-metrics.js';

const period = { from: '2026-01-01', to: '2026-12-31' };

function derive(
  metric: {
    key: 'tasks.satisfactoryRatio' | 'tasks.dissatisfied';
    atLeast?: number;
    atMost?: number;
  },
  values: ReturnType<typeof taskRatingMetrics>,
) {
  const v = validateFramework(frameworkOf([{ ...item('T1', 1, { kind: 'check' }), metric }]));
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return deriveAnswers(v.framework, { period, values })[0]!;
}

describe('the task-rating metrics (督查督办评价)', () => {
  it('are in the catalogue under the supervision-task register', () => {
    expect(recordMetrics['tasks.satisfactoryRatio']).toMatchObject({
      unit: 'ratio',
      register: 'supervision_tasks',
    });
    expect(recordMetrics['tasks.dissatisfied'].unit).toBe('count');
  });

  it('count closed tasks by rating; the ratio is missing with none closed', () => {
    expect(taskRatingMetrics({ satisfied: 3, basicallySatisfied: 1, dissatisfied: 1 })).toEqual({
      'tasks.closed': 5,
      'tasks.satisfied': 3,
      'tasks.basicallySatisfied': 1,
      'tasks.dissatisfied': 1,
      'tasks.satisfactoryRatio': 0.8,
    });
    const none = taskRatingMetrics({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 });
    expect(none['tasks.closed']).toBe(0);
    expect('tasks.satisfactoryRatio' in none).toBe(false);
  });

  it('validateFramework knows the metric and refuses a ratio bound above 1', () => {
    const ok = validateFramework(
      frameworkOf([
        {
          ...item('T1', 1, { kind: 'check' }),
          metric: { key: 'tasks.satisfactoryRatio', atLeast: 0.9 },
        },
      ]),
    );
    expect(ok.ok).toBe(true);
    const unknown = validateFramework(
      frameworkOf([
        { ...item('T1', 1, { kind: 'check' }), metric: { key: 'tasks.rating' } },
      ] as never),
    );
    expect(unknown.ok).toBe(false);
  });

  it('a check on the ratio needs every closed task rated satisfactory (one 不满意 fails)', () => {
    const all = derive(
      { key: 'tasks.satisfactoryRatio' },
      taskRatingMetrics({ satisfied: 2, basicallySatisfied: 1, dissatisfied: 0 }),
    );
    if (all.missing) throw new Error('missing');
    expect(all.answer).toBe(true);
    const one = derive(
      { key: 'tasks.satisfactoryRatio' },
      taskRatingMetrics({ satisfied: 2, basicallySatisfied: 1, dissatisfied: 1 }),
    );
    if (one.missing) throw new Error('missing');
    expect(one.answer).toBe(false);
    expect(one.explanation.zh).toContain('督办任务满意率为75.0%');
  });

  it('applies atLeast at its boundary (0.8 passes, 0.75 fails)', () => {
    const at = derive(
      { key: 'tasks.satisfactoryRatio', atLeast: 0.8 },
      taskRatingMetrics({ satisfied: 4, basicallySatisfied: 0, dissatisfied: 1 }),
    );
    const below = derive(
      { key: 'tasks.satisfactoryRatio', atLeast: 0.8 },
      taskRatingMetrics({ satisfied: 3, basicallySatisfied: 0, dissatisfied: 1 }),
    );
    expect(!at.missing && at.answer).toBe(true);
    expect(!below.missing && below.answer).toBe(false);
  });

  it('applies atMost 0 to the dissatisfied count (0 passes, 1 fails)', () => {
    const clean = derive(
      { key: 'tasks.dissatisfied', atMost: 0 },
      taskRatingMetrics({ satisfied: 1, basicallySatisfied: 0, dissatisfied: 0 }),
    );
    const one = derive(
      { key: 'tasks.dissatisfied', atMost: 0 },
      taskRatingMetrics({ satisfied: 1, basicallySatisfied: 0, dissatisfied: 1 }),
    );
    expect(!clean.missing && clean.answer).toBe(true);
    expect(!one.missing && one.answer).toBe(false);
  });

  it('leaves the item to a person when no task was closed in the period', () => {
    const none = derive(
      { key: 'tasks.satisfactoryRatio' },
      taskRatingMetrics({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 }),
    );
    expect(none.missing).toBeTruthy();
  });

  it('feeds A1.10 (按时完成交办任务) of the demo county framework', () => {
    const demo = builtinFrameworks.find((f) => f.code === 'demo-county-2026')!;
    const a110 = demo.areas.flatMap((a) => a.items).find((i) => i.code === 'A1.10')!;
    expect(a110.metric).toEqual({ key: 'tasks.satisfactoryRatio' });
    const derived = deriveAnswers(demo, {
      period,
      values: taskRatingMetrics({ satisfied: 1, basicallySatisfied: 1, dissatisfied: 0 }),
    }).find((d) => d.itemId === 'A1.10')!;
    expect(!derived.missing && derived.answer).toBe(true);
  });
});
