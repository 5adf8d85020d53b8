// 一村一档: a title's naming, daily checks, complaints, rectification orders and batched
// re-checks — who may write what, the dates refused, optimistic locking, one audit event each.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { auditEvents, titleRechecks, titles } from '../src/db/schema.js';
import { todayIso } from '../src/services/campaigns/participations.js';
import { drawSample, sampleCount } from '../src/services/titles/sample.js';

const t = useTestDatabase();

const COUNTY = '330728000000';
const X_VILLAGE = '330728101201'; // 杨林村, the clerk's village in 白石镇 (the township officer's)
const X_VILLAGE_2 = '330728101202';
const Y_VILLAGE = '330728102201'; // 青山镇

const today = todayIso();
function shift(days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function title(villageCode: string, overrides: Partial<typeof titles.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(titles)
    .values({
      countyCode: COUNTY,
      villageCode,
      level: 'county',
      year: 2024,
      namedOn: '2024-06-01',
      ...overrides,
    })
    .returning();
  return row!;
}

async function audits() {
  return t.db.select().from(auditEvents).orderBy(auditEvents.id);
}

describe('a title’s page', () => {
  it('shows the naming by the higher level with its awarding body and document number', async () => {
    const county = await t.as('county');
    const { id } = await county.titles.recordDecision({
      villageCode: X_VILLAGE,
      level: 'municipal',
      year: 2025,
      namedOn: '2025-03-10',
      awardingBody: '金华市司法局 金华市民政局',
      documentNumber: '金司〔2025〕12号',
    });
    const page = await county.titles.get({ id });
    expect(page).toMatchObject({
      villageCode: X_VILLAGE,
      level: 'municipal',
      campaign: null,
      decision: {
        awardingBody: '金华市司法局 金华市民政局',
        documentNumber: '金司〔2025〕12号',
        decidedOn: '2025-03-10',
      },
    });
    const [event] = await audits();
    expect(event).toMatchObject({ action: 'titles.record_decision', divisionCode: X_VILLAGE });
    // one title per level
    await expectError(
      county.titles.recordDecision({
        villageCode: X_VILLAGE,
        level: 'municipal',
        year: 2025,
        namedOn: '2025-04-01',
        awardingBody: '金华市',
        documentNumber: '2号',
      }),
      'CONFLICT',
      'ALREADY_NAMED',
    );
    // a county title is named by the county's own campaign
    const error = await expectError(
      county.titles.recordDecision({
        villageCode: X_VILLAGE_2,
        level: 'county',
        year: 2025,
        namedOn: '2025-03-10',
        awardingBody: '清和县',
        documentNumber: '1号',
      }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors?.[0]?.path).toBe('level');
  });

  it('holds checks, complaints, rectifications and re-checks as one timeline, newest first', async () => {
    const row = await title(X_VILLAGE);
    const county = await t.as('county');
    const township = await t.as('township');
    await township.titles.addCheck({
      titleId: row.id,
      checkedOn: '2025-01-10',
      inspector: '白石镇司法所 王某',
      findings: '村务公开栏按期更新',
      result: 'satisfactory',
    });
    await county.titles.addComplaint({
      titleId: row.id,
      receivedOn: '2025-02-01',
      channel: 'hotline_12345',
      substance: '村务公开不及时',
      complainantName: '李某',
    });
    await county.titles.issueRectification({
      titleId: row.id,
      issuedOn: '2025-02-05',
      findings: '补齐第四季度财务公开',
      deadline: '2025-03-05',
    });
    const { items, total } = await county.titles.timeline({ id: row.id });
    expect(total).toBe(4);
    expect(items.map((e) => e.kind)).toEqual(['rectification', 'complaint', 'check', 'naming']);
    // paged on the server
    const second = await county.titles.timeline({ id: row.id, page: 2, pageSize: 3 });
    expect(second).toMatchObject({ total: 4, items: [{ kind: 'naming', date: '2024-06-01' }] });
    const onlyChecks = await county.titles.timeline({ id: row.id, kind: 'check' });
    expect(onlyChecks.items).toMatchObject([{ kind: 'check', result: 'satisfactory' }]);
  });

  it('shows the complainant’s name to the county only', async () => {
    const row = await title(X_VILLAGE);
    const county = await t.as('county');
    await county.titles.addComplaint({
      titleId: row.id,
      receivedOn: '2025-02-01',
      channel: 'visit',
      substance: '选举程序有疑问',
      complainantName: '李某',
    });
    const name = async (username: string) => {
      const { items } = await (
        await t.as(username)
      ).titles.timeline({ id: row.id, kind: 'complaint' });
      return (items[0] as { complainantName: string | null }).complainantName;
    };
    expect(await name('county')).toBe('李某');
    expect(await name('inspector')).toBe('李某');
    expect(await name('township')).toBeNull();
    expect(await name('clerk')).toBeNull();
    // and the audit event, which the township may read, does not hold it
    const [event] = await audits();
    expect(JSON.stringify(event!.after)).not.toContain('李某');
    expect(event!.after).toMatchObject({ complainantNamed: true });
  });

  it('a revoked title shows when its village may declare again (the 2-year bar)', async () => {
    const row = await title(X_VILLAGE);
    const county = await t.as('county');
    await county.titles.recheck({ ids: [row.id], outcome: 'revoke', reasons: ['unlawful_act'] });
    const page = await county.titles.get({ id: row.id });
    expect(page.status).toBe('revoked');
    expect(page.mayDeclareAgainOn).toBe(`${Number(today.slice(0, 4)) + 2}${today.slice(4)}`);
    // the direct re-check appears on the timeline too
    const { items } = await county.titles.timeline({ id: row.id, kind: 'recheck' });
    expect(items).toMatchObject([
      { kind: 'recheck', outcome: 'revoke', reasons: ['unlawful_act'] },
    ]);
    // nothing more is recorded on a revoked title
    await expectError(
      county.titles.issueRectification({
        titleId: row.id,
        issuedOn: today,
        findings: 'x',
        deadline: today,
      }),
      'PRECONDITION_FAILED',
      'TITLE_NOT_ACTIVE',
    );
  });
});

describe('dates', () => {
  it.each([
    [1, 'BAD_REQUEST'],
    [0, null],
  ] as const)('a check dated %i days after today is refused with %s', async (days, code) => {
    const row = await title(X_VILLAGE);
    const call = (await t.as('township')).titles.addCheck({
      titleId: row.id,
      checkedOn: shift(days),
      inspector: '王某',
      findings: '正常',
      result: 'satisfactory',
    });
    if (code) {
      const error = await expectError(call, code);
      expect(error.fieldErrors).toMatchObject([
        {
          path: 'checkedOn',
          message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
        },
      ]);
    } else {
      await call;
    }
  });

  it('refuses a check before the title was named, and a date that does not exist', async () => {
    const row = await title(X_VILLAGE);
    const township = await t.as('township');
    const input = {
      titleId: row.id,
      inspector: '王某',
      findings: '正常',
      result: 'satisfactory' as const,
    };
    const before = await expectError(
      township.titles.addCheck({ ...input, checkedOn: '2024-05-31' }),
      'BAD_REQUEST',
    );
    expect(before.fieldErrors?.[0]?.path).toBe('checkedOn');
    await township.titles.addCheck({ ...input, checkedOn: '2024-06-01' });
    const impossible = await expectError(
      township.titles.addCheck({ ...input, checkedOn: '2025-02-30' }),
      'BAD_REQUEST',
    );
    expect(impossible.fieldErrors?.[0]).toMatchObject({
      path: 'checkedOn',
      message: { zh: '日期无效' },
    });
  });

  it.each([
    [-1, true],
    [0, false],
    [30, false],
  ])('a deadline %i days after the issue date is refused: %s', async (days, refused) => {
    const row = await title(X_VILLAGE);
    const issuedOn = shift(-10);
    const d = new Date(`${issuedOn}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    const call = (await t.as('county')).titles.issueRectification({
      titleId: row.id,
      issuedOn,
      findings: '整改',
      deadline: d.toISOString().slice(0, 10),
    });
    if (refused) {
      const error = await expectError(call, 'BAD_REQUEST');
      expect(error.fieldErrors).toMatchObject([
        { path: 'deadline', message: { zh: '整改期限不能早于下发日期' } },
      ]);
    } else {
      await call;
    }
  });

  it('refuses a reply before the complaint was received', async () => {
    const row = await title(X_VILLAGE);
    const county = await t.as('county');
    const { id } = await county.titles.addComplaint({
      titleId: row.id,
      receivedOn: '2025-02-01',
      channel: 'letter',
      substance: '内容',
    });
    const error = await expectError(
      county.titles.answerComplaint({ id, version: 1, reply: '已核实', repliedOn: '2025-01-31' }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors?.[0]?.path).toBe('repliedOn');
    expect(
      await county.titles.answerComplaint({
        id,
        version: 1,
        reply: '已核实',
        repliedOn: '2025-02-01',
      }),
    ).toEqual({
      version: 2,
    });
  });
});

describe('rectification orders', () => {
  it('the clerk reports one done, the township confirms it, and overdue is shown', async () => {
    const row = await title(X_VILLAGE);
    const county = await t.as('county');
    const clerk = await t.as('clerk');
    const township = await t.as('township');
    const { id } = await county.titles.issueRectification({
      titleId: row.id,
      issuedOn: shift(-20),
      findings: '补齐财务公开',
      deadline: shift(-1),
    });
    let page = await clerk.titles.get({ id: row.id });
    expect(page).toMatchObject({ openRectifications: 1, overdueRectifications: 1 });
    expect(
      (await clerk.titles.timeline({ id: row.id, kind: 'rectification' })).items,
    ).toMatchObject([{ overdue: true, completedOn: null }]);
    // the clerk cannot confirm completion, the township cannot report for the village
    await expectError(
      clerk.titles.completeRectification({ id, version: 1, completedOn: today }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
    await expectError(
      township.titles.reportRectification({ id, version: 1, note: '已完成' }),
      'FORBIDDEN',
    );
    expect(await clerk.titles.reportRectification({ id, version: 1, note: '已张贴公开' })).toEqual({
      version: 2,
    });
    // a stale version is refused
    await expectError(
      township.titles.completeRectification({ id, version: 1, completedOn: today }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
    await township.titles.completeRectification({
      id,
      version: 2,
      completedOn: today,
      note: '经核实已整改',
    });
    page = await clerk.titles.get({ id: row.id });
    expect(page).toMatchObject({ openRectifications: 0, overdueRectifications: 0 });
    const [entry] = (await clerk.titles.timeline({ id: row.id, kind: 'rectification' })).items;
    expect(entry).toMatchObject({ reportNote: '已张贴公开', completedOn: today, overdue: true });
    await expectError(
      township.titles.completeRectification({ id, version: 3, completedOn: today }),
      'PRECONDITION_FAILED',
      'RECTIFICATION_COMPLETED',
    );
    expect((await audits()).map((e) => e.action)).toEqual([
      'titles.issue_rectification',
      'titles.report_rectification',
      'titles.complete_rectification',
    ]);
  });

  it('one completed by its deadline is not overdue', async () => {
    const row = await title(X_VILLAGE);
    const county = await t.as('county');
    const { id } = await county.titles.issueRectification({
      titleId: row.id,
      issuedOn: shift(-5),
      findings: '整改',
      deadline: shift(-2),
    });
    await county.titles.completeRectification({ id, version: 1, completedOn: shift(-2) });
    const { items } = await county.titles.timeline({ id: row.id, kind: 'rectification' });
    expect(items).toMatchObject([{ overdue: false }]);
  });
});

describe('scope', () => {
  it('the township reads and writes its own villages’ titles only; the clerk only their village', async () => {
    const x = await title(X_VILLAGE);
    const x2 = await title(X_VILLAGE_2);
    const y = await title(Y_VILLAGE);
    const township = await t.as('township');
    const clerk = await t.as('clerk');
    await township.titles.get({ id: x2.id });
    await expectError(township.titles.get({ id: y.id }), 'NOT_FOUND');
    await expectError(township.titles.timeline({ id: y.id }), 'NOT_FOUND');
    await expectError(
      township.titles.addCheck({
        titleId: y.id,
        checkedOn: today,
        inspector: '王',
        findings: 'x',
        result: 'issues_found',
      }),
      'NOT_FOUND',
    );
    await clerk.titles.get({ id: x.id });
    await expectError(clerk.titles.get({ id: x2.id }), 'NOT_FOUND');
    await expectError(
      clerk.titles.addCheck({
        titleId: x.id,
        checkedOn: today,
        inspector: '王',
        findings: 'x',
        result: 'issues_found',
      }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
    // the township does not issue rectifications, take complaints or open batches
    await expectError(
      township.titles.issueRectification({
        titleId: x.id,
        issuedOn: today,
        findings: 'x',
        deadline: today,
      }),
      'FORBIDDEN',
    );
    await expectError(
      township.titles.addComplaint({
        titleId: x.id,
        receivedOn: today,
        channel: 'phone',
        substance: 'x',
      }),
      'FORBIDDEN',
    );
    await expectError(township.titles.previewRecheckBatch({}), 'FORBIDDEN');
    expect(await audits()).toEqual([]);
  });
});

describe('the random sample', () => {
  it('takes n titles, or p% rounded up, never more than there are', () => {
    expect(sampleCount(10, { count: 3 })).toBe(3);
    expect(sampleCount(10, { count: 30 })).toBe(10);
    expect(sampleCount(10, { percent: 25 })).toBe(3);
    expect(sampleCount(10, { percent: 100 })).toBe(10);
    expect(sampleCount(0, { percent: 50 })).toBe(0);
  });

  it('draws the same sample from the same seed, in the candidates’ order', () => {
    const candidates = Array.from({ length: 50 }, (_, i) => i);
    const a = drawSample(candidates, { count: 7 }, 12345);
    expect(drawSample(candidates, { count: 7 }, 12345)).toEqual(a);
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(new Set(a).size).toBe(7);
    expect(drawSample(candidates, { count: 7 }, 54321)).not.toEqual(a);
  });
});

describe('batched re-checks', () => {
  async function titlesForBatch() {
    const codes = ['330728101201', '330728101202', '330728101203', '330728102201', '330728102202'];
    for (const [i, code] of codes.entries()) {
      await title(code, {
        year: i < 4 ? 2023 : 2024,
        namedOn: i < 4 ? '2023-06-01' : '2024-06-01',
      });
    }
    await title('330728101204', { year: 2023, namedOn: '2023-06-01', status: 'revoked' });
    await title('330728101205', { year: 2023, level: 'municipal', namedOn: '2023-06-01' });
  }

  it('previews by level and year named, samples reproducibly, and opens the batch in one audited transaction', async () => {
    await titlesForBatch();
    const county = await t.as('county');
    const all = await county.titles.previewRecheckBatch({ level: 'county', year: 2023 });
    expect(all).toMatchObject({ total: 4, candidates: 4, seed: null });
    const sample = await county.titles.previewRecheckBatch({
      level: 'county',
      year: 2023,
      sample: { percent: 50 },
    });
    expect(sample.total).toBe(2);
    expect(sample.seed).toEqual(expect.any(Number));
    const again = await county.titles.previewRecheckBatch({
      level: 'county',
      year: 2023,
      sample: { percent: 50 },
      seed: sample.seed!,
    });
    expect(again.items.map((i) => i.id)).toEqual(sample.items.map((i) => i.id));

    // a batch whose preview is out of date is refused
    await expectError(
      county.titles.openRecheckBatch({
        level: 'county',
        year: 2023,
        sample: { percent: 50 },
        seed: sample.seed!,
        expectedTotal: 3,
      }),
      'CONFLICT',
      'BATCH_CHANGED',
    );
    const opened = await county.titles.openRecheckBatch({
      level: 'county',
      year: 2023,
      sample: { percent: 50 },
      seed: sample.seed!,
      expectedTotal: 2,
    });
    expect(opened).toMatchObject({ opened: 2, seed: sample.seed });
    const records = await t.db
      .select()
      .from(titleRechecks)
      .where(eq(titleRechecks.batchId, opened.batchId));
    expect(records.map((r) => r.titleId).sort()).toEqual(sample.items.map((i) => i.id).sort());
    const events = await audits();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'titles.open_recheck_batch',
      entityId: opened.batchId,
      after: { seed: sample.seed, sample: { percent: 50 }, candidates: 4 },
    });

    // titles with an open re-check are not drawn again
    expect((await county.titles.previewRecheckBatch({ level: 'county', year: 2023 })).total).toBe(
      2,
    );
    // a sampled batch needs the preview's seed
    await expectError(
      county.titles.openRecheckBatch({ level: 'county', sample: { count: 1 }, expectedTotal: 1 }),
      'BAD_REQUEST',
      'SEED_REQUIRED',
    );
  });

  it('decides an open record through the re-check rules and shows it on the title’s page', async () => {
    await titlesForBatch();
    const county = await t.as('county');
    const { batchId } = await county.titles.openRecheckBatch({
      level: 'county',
      year: 2024,
      expectedTotal: 1,
    });
    const [record] = await t.db
      .select()
      .from(titleRechecks)
      .where(eq(titleRechecks.batchId, batchId));
    const page = await county.titles.get({ id: record!.titleId });
    expect(page.openRecheck).toMatchObject({ id: record!.id, version: 1 });
    // the re-check's own rules hold: a revocation needs reasons
    await expectError(
      county.titles.decideRecheck({ id: record!.id, version: 1, outcome: 'revoke' }),
      'BAD_REQUEST',
    );
    await expectError(
      county.titles.decideRecheck({ id: record!.id, version: 2, outcome: 'keep' }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
    expect(
      await county.titles.decideRecheck({
        id: record!.id,
        version: 1,
        outcome: 'keep',
        note: '运行良好',
      }),
    ).toEqual({
      version: 2,
      status: 'active',
    });
    await expectError(
      county.titles.decideRecheck({
        id: record!.id,
        version: 2,
        outcome: 'revoke',
        reasons: ['unlawful_act'],
      }),
      'PRECONDITION_FAILED',
      'RECHECK_DECIDED',
    );
    const { items } = await county.titles.timeline({ id: record!.titleId, kind: 'recheck' });
    expect(items).toMatchObject([
      { kind: 'recheck', batchId, outcome: 'keep', note: '运行良好', decidedOn: today },
    ]);
    expect((await county.titles.get({ id: record!.titleId })).openRecheck).toBeNull();
    expect((await audits()).map((e) => e.action)).toEqual([
      'titles.open_recheck_batch',
      'titles.decide_recheck',
    ]);
    // a failed decision left no trace
    const [titleRow] = await t.db.select().from(titles).where(eq(titles.id, record!.titleId));
    expect(titleRow).toMatchObject({ status: 'active', recheckOutcome: 'keep' });
  });

  it('two batches opened at once never open a title twice', async () => {
    await titlesForBatch();
    const [a, b] = [await t.as('county'), await t.as('county')];
    const results = await Promise.allSettled([
      a.titles.openRecheckBatch({ level: 'county', year: 2023, expectedTotal: 4 }),
      b.titles.openRecheckBatch({ level: 'county', year: 2023, expectedTotal: 4 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    await expectError(Promise.reject(refused.reason), 'PRECONDITION_FAILED', 'BATCH_EMPTY');
    expect(await t.db.select().from(titleRechecks)).toHaveLength(4);
  });

  it('a batch holds only titles in the county’s scope', async () => {
    await titlesForBatch();
    await t.db
      .execute(sql`insert into divisions (code, name, level, parent_code, county_code) values
      ('330729000000', '别县', 'county', null, '330729000000'),
      ('330729101201', '别村', 'village', '330729000000', '330729000000')`);
    await t.db.insert(titles).values({
      countyCode: '330729000000',
      villageCode: '330729101201',
      level: 'county',
      year: 2023,
      namedOn: '2023-06-01',
    });
    const county = await t.as('county');
    expect((await county.titles.previewRecheckBatch({ year: 2023 })).total).toBe(5);
  });
});
