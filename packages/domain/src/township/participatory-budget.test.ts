import { describe, expect, it } from 'vitest';
import {
  budgetStagesDone,
  checkAppraisal,
  checkBudgetRecord,
  checkBudgetRecordDate,
  checkBudgetRecordRemoval,
  checkAttendingRepresentatives,
  currentBudgetStage,
  emptyBudgetTally,
  type BudgetRecordKind,
} from './participatory-budget.js';

const TODAY = '2026-06-30';

/** A tally with `n` records of each kind named, the latest dated `on`. */
function tally(kinds: Partial<Record<BudgetRecordKind, string>>) {
  const t = emptyBudgetTally();
  for (const [kind, on] of Object.entries(kinds) as [BudgetRecordKind, string][]) {
    t[kind] = { count: 1, latest: on };
  }
  return t;
}

const allFive = {
  request: '2026-01-05',
  meeting: '2026-02-01',
  plan: '2026-02-10',
  tender: '2026-03-01',
  inspection: '2026-04-01',
  appraisal: '2026-06-01',
};

describe('the five stages in order', () => {
  it('a new project is at the first stage; all records make it complete', () => {
    expect(currentBudgetStage(emptyBudgetTally())).toBe('origin');
    expect(currentBudgetStage(tally(allFive))).toBe('complete');
  });

  it('design is done only with a meeting and the agreed plan', () => {
    expect(budgetStagesDone(tally({ request: '2026-01-05', meeting: '2026-02-01' })).design).toBe(
      false,
    );
    expect(currentBudgetStage(tally({ request: '2026-01-05', meeting: '2026-02-01' }))).toBe(
      'design',
    );
  });

  it.each([
    ['meeting', {}, 'origin'],
    ['plan', { request: '2026-01-05' }, null],
    ['tender', { request: '2026-01-05', meeting: '2026-02-01' }, '代表共商方案'],
    [
      'inspection',
      { request: '2026-01-05', meeting: '2026-02-01', plan: '2026-02-10' },
      '代表见证招标',
    ],
    [
      'appraisal',
      { request: '2026-01-05', meeting: '2026-02-01', plan: '2026-02-10', tender: '2026-03-01' },
      '代表监督施工',
    ],
  ] as const)('%s waits for the stage before it', (kind, kinds, missing) => {
    const refusal = checkBudgetRecord(kind, '2026-06-01', tally(kinds), TODAY);
    expect(refusal?.field).toBe('stage');
    if (missing === 'origin') expect(refusal?.message.zh).toContain('项目来自群众');
    else if (missing) expect(refusal?.message.zh).toContain(missing);
    else expect(refusal?.message.zh).toContain('代表会议'); // the plan waits for a meeting
    expect(refusal?.message.en).toMatch(/.+/);
  });

  it('each stage may be recorded once the one before has its record', () => {
    const steps: BudgetRecordKind[] = [
      'request',
      'meeting',
      'plan',
      'tender',
      'inspection',
      'appraisal',
    ];
    const t = emptyBudgetTally();
    for (const kind of steps) {
      const on = allFive[kind];
      expect(checkBudgetRecord(kind, on, t, TODAY)).toBeNull();
      t[kind] = { count: 1, latest: on };
    }
    // more requests, meetings and inspections may follow
    expect(checkBudgetRecord('request', '2026-06-30', t, TODAY)).toBeNull();
    expect(checkBudgetRecord('inspection', '2026-06-30', t, TODAY)).toBeNull();
  });

  it.each(['plan', 'tender', 'appraisal'] as const)('%s is recorded once', (kind) => {
    expect(checkBudgetRecord(kind, TODAY, tally(allFive), TODAY)?.message.zh).toContain(
      '不能再次记录',
    );
  });

  it('a record dated today passes; tomorrow is refused', () => {
    expect(checkBudgetRecord('request', TODAY, emptyBudgetTally(), TODAY)).toBeNull();
    expect(checkBudgetRecord('request', '2026-07-01', emptyBudgetTally(), TODAY)).toMatchObject({
      field: 'on',
    });
  });

  it('a record is not dated before the stage before it; the same day passes', () => {
    const t = tally({ request: '2026-01-05', meeting: '2026-02-01', plan: '2026-02-10' });
    expect(checkBudgetRecord('tender', '2026-02-10', t, TODAY)).toBeNull();
    const refusal = checkBudgetRecord('tender', '2026-02-09', t, TODAY);
    expect(refusal).toMatchObject({ field: 'on' });
    expect(refusal?.message.zh).toContain('2026-02-10');
  });
});

describe('checkAppraisal', () => {
  it('counts adding up to the participants pass, with the satisfaction rate', () => {
    expect(
      checkAppraisal({ participants: 50, satisfied: 40, basicallySatisfied: 8, unsatisfied: 2 }),
    ).toEqual({ problems: [], satisfactionPercent: 96 });
  });

  it('some participants may give no answer', () => {
    expect(
      checkAppraisal({ participants: 50, satisfied: 30, basicallySatisfied: 0, unsatisfied: 0 })
        .problems,
    ).toEqual([]);
  });

  it('one answer above the participants is refused on satisfied', () => {
    const { problems, satisfactionPercent } = checkAppraisal({
      participants: 50,
      satisfied: 41,
      basicallySatisfied: 8,
      unsatisfied: 2,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'satisfied' });
    expect(problems[0]!.message.zh).toContain('51');
    expect(satisfactionPercent).toBeNull();
  });

  it('no participant, a negative or a fractional count is refused', () => {
    expect(
      checkAppraisal({ participants: 0, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 })
        .problems[0],
    ).toMatchObject({ field: 'participants' });
    expect(
      checkAppraisal({ participants: 5, satisfied: -1, basicallySatisfied: 0, unsatisfied: 0 })
        .problems[0],
    ).toMatchObject({ field: 'satisfied' });
    expect(
      checkAppraisal({ participants: 5, satisfied: 1, basicallySatisfied: 0.5, unsatisfied: 0 })
        .problems[0],
    ).toMatchObject({ field: 'basicallySatisfied' });
  });

  it('one participant, satisfied, is 100%', () => {
    expect(
      checkAppraisal({ participants: 1, satisfied: 1, basicallySatisfied: 0, unsatisfied: 0 })
        .satisfactionPercent,
    ).toBe(100);
  });
});

describe('checkAttendingRepresentatives', () => {
  it('accepts 1 and the maximum, refuses 0 and one more', () => {
    expect(checkAttendingRepresentatives('representatives', 1)).toBeNull();
    expect(checkAttendingRepresentatives('representatives', 500)).toBeNull();
    expect(checkAttendingRepresentatives('representatives', 0)?.field).toBe('representatives');
    expect(checkAttendingRepresentatives('representatives', 501)).not.toBeNull();
  });
});

describe('checkBudgetRecordDate', () => {
  const others = [
    { kind: 'request' as const, on: '2026-01-10' },
    { kind: 'meeting' as const, on: '2026-02-01' },
    { kind: 'tender' as const, on: '2026-04-01' },
  ];
  it('keeps a moved plan between its last meeting and the tender, and not after today', () => {
    expect(checkBudgetRecordDate('plan', '2026-02-01', others, TODAY)).toBeNull();
    expect(checkBudgetRecordDate('plan', '2026-04-01', others, TODAY)).toBeNull();
    expect(checkBudgetRecordDate('plan', '2026-01-31', others, TODAY)?.field).toBe('on');
    expect(checkBudgetRecordDate('plan', '2026-04-02', others, TODAY)?.message.zh).toContain(
      '2026-04-01',
    );
    expect(checkBudgetRecordDate('request', '2026-07-01', [], TODAY)?.field).toBe('on');
  });
});

describe('checkBudgetRecordRemoval', () => {
  it('deletes the last record of a stage only when no later stage has records', () => {
    const meeting = { kind: 'meeting' as const, on: '2026-02-01' };
    const request = { kind: 'request' as const, on: '2026-01-10' };
    const plan = { kind: 'plan' as const, on: '2026-02-02' };
    const tender = { kind: 'tender' as const, on: '2026-04-01' };
    expect(checkBudgetRecordRemoval('tender', [request, meeting, plan])).toBeNull();
    expect(checkBudgetRecordRemoval('plan', [request, meeting, tender])?.field).toBe('recordId');
    // a plan never stays without a design meeting
    expect(checkBudgetRecordRemoval('meeting', [request, plan])).not.toBeNull();
    // one of two meetings may go
    expect(checkBudgetRecordRemoval('meeting', [request, meeting, plan, tender])).toBeNull();
    // a request may go while another stays
    expect(checkBudgetRecordRemoval('request', [request, meeting])).toBeNull();
    expect(checkBudgetRecordRemoval('request', [meeting])).not.toBeNull();
  });
});
