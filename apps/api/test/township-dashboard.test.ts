// The township work dashboard (SQL aggregates, scoped, per division one level below), the task
// ratings as a record metric feeding the annual assessment, and the 通报 as a Word document.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFrameworks, deriveAnswers } from '@fazhi/domain';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { villagerProjects } from '../src/db/schema.js';
import { todayIso } from '../src/services/campaigns/participations.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase({ campaign: true });

const COUNTY = '330728000000';
const TOWNSHIP = '330728101000'; // 白石镇, the township officer's
const VILLAGE = '330728101201'; // the clerk's village
const Y_TOWNSHIP = '330728102000';
const YEAR = Number(todayIso().slice(0, 4));

function shift(days: number): string {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const newTask = (over: Record<string, unknown> = {}) => ({
  assignerCode: TOWNSHIP,
  ownerCode: VILLAGE,
  title: '看板任务',
  source: 'meeting_decision' as const,
  responsible: '村党支部书记',
  assignedOn: shift(-30),
  deadline: shift(20),
  ...over,
});

/** Closes a task of the clerk's village with `rating`. */
async function closedWith(rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied') {
  const township = await t.as('township');
  const clerk = await t.as('clerk');
  const task = await township.tasks.save(newTask({ title: `评价${rating}` }));
  const asked = await clerk.tasks.report({
    id: task.id,
    version: 1,
    text: '完成',
    requestClose: true,
  });
  return township.tasks.close({ id: task.id, version: asked.version, rating });
}

describe('townshipDashboard.summary', () => {
  it('counts tasks by state and light, comments by reply time and projects by stage and spending', async () => {
    const township = await t.as('township');
    const clerk = await t.as('clerk');
    const before = await township.townshipDashboard.summary({ divisionCode: TOWNSHIP, year: YEAR });
    const rowOf = (s: typeof before, code: string) => s.rows.find((r) => r.code === code);
    const was = rowOf(before, VILLAGE);

    await township.tasks.save(newTask({ deadline: shift(-1), title: '红灯' })); // red day 1
    await township.tasks.save(newTask({ deadline: shift(-3), title: '上报' })); // red day 3: escalated
    await township.tasks.save(newTask({ deadline: shift(3), title: '黄灯' })); // yellow (3 days)
    await township.tasks.save(newTask({ deadline: shift(4), title: '绿灯' })); // green
    await closedWith('satisfied');
    const comment = {
      divisionCode: VILLAGE,
      ownerCode: VILLAGE,
      channel: 'phone' as const,
      subject: '路灯',
      content: '路灯不亮',
    };
    const late = await clerk.comments.save({
      ...comment,
      receivedOn: shift(-20),
      deadline: shift(-1),
    });
    await clerk.comments.reply({ id: late.id, version: 1, reply: '已修复' });
    const onTime = await clerk.comments.save({ ...comment, receivedOn: shift(-2) });
    await clerk.comments.reply({ id: onTime.id, version: 1, reply: '已修复' });
    await clerk.comments.save({ ...comment, receivedOn: shift(-20), deadline: shift(-2) }); // open, red
    await t.db.insert(villagerProjects).values([
      {
        countyCode: COUNTY,
        townshipCode: TOWNSHIP,
        year: YEAR,
        title: '村道硬化',
        sourceKind: 'village',
        source: '某村',
        raisedBy: 30,
        stage: 'voted_through',
        budgetYuan: 500000,
        spentYuan: 120000,
      },
      {
        countyCode: COUNTY,
        townshipCode: TOWNSHIP,
        year: YEAR,
        title: '未采纳',
        sourceKind: 'firm',
        source: '某企业',
        raisedBy: 2,
        stage: 'not_taken',
        budgetYuan: 900000, // not built: not in the spending
      },
    ]);

    const after = await township.townshipDashboard.summary({ divisionCode: TOWNSHIP, year: YEAR });
    const now = rowOf(after, VILLAGE)!;
    const d = (get: (r: NonNullable<typeof was>) => number) => get(now) - (was ? get(was) : 0);
    expect(d((r) => r.tasks.byLight.red)).toBe(2);
    expect(d((r) => r.tasks.escalated)).toBe(1);
    expect(d((r) => r.tasks.byLight.yellow)).toBe(1);
    expect(d((r) => r.tasks.byLight.green)).toBe(1);
    expect(d((r) => r.tasks.byState.assigned)).toBe(4);
    expect(d((r) => r.tasks.byState.closed)).toBe(1);
    expect(d((r) => r.comments.late)).toBe(1);
    expect(d((r) => r.comments.onTime)).toBe(1);
    expect(d((r) => r.comments.open)).toBe(1);
    expect(d((r) => r.comments.openRed)).toBe(1);
    const own = (s: typeof before) => rowOf(s, TOWNSHIP)?.projects;
    expect((own(after)?.budgetYuan ?? 0) - (own(before)?.budgetYuan ?? 0)).toBe(500000);
    expect((own(after)?.spentYuan ?? 0) - (own(before)?.spentYuan ?? 0)).toBe(120000);
    expect((own(after)?.byStage.not_taken ?? 0) - (own(before)?.byStage.not_taken ?? 0)).toBe(1);
    // the total is the sum of the rows
    const sum = after.rows.reduce((n, r) => n + r.tasks.byLight.red, 0);
    expect(after.total.tasks.byLight.red).toBe(sum);

    // the drill-down lists hold the figure's records
    const red = await township.tasks.list({
      divisionCode: VILLAGE,
      light: 'red',
      page: 1,
      pageSize: 100,
    });
    expect(red.total).toBe(now.tasks.byLight.red);
    const open = await township.comments.list({
      divisionCode: VILLAGE,
      answered: false,
      page: 1,
      pageSize: 100,
    });
    expect(open.total).toBe(now.comments.open);
    const escalated = await township.tasks.list({
      divisionCode: VILLAGE,
      escalated: true,
      page: 1,
      pageSize: 100,
    });
    expect(escalated.total).toBe(now.tasks.escalated);
    expect(escalated.items.every((i) => i.escalated)).toBe(true);
    expect(escalated.items.map((i) => i.title)).toContain('上报');
    const answeredLate = await township.comments.list({
      divisionCode: VILLAGE,
      late: true,
      page: 1,
      pageSize: 100,
    });
    expect(answeredLate.total).toBe(now.comments.late);
    const inTime = await township.comments.list({
      divisionCode: VILLAGE,
      late: false,
      page: 1,
      pageSize: 100,
    });
    expect(inTime.total).toBe(now.comments.onTime);
  });

  it('drills "closed late" down to the tasks closed after their deadline only', async () => {
    const township = await t.as('township');
    const clerk = await t.as('clerk');
    await closedWith('satisfied'); // closed in time
    const late = await township.tasks.save(newTask({ deadline: shift(-2), title: '逾期办结' }));
    const asked = await clerk.tasks.report({
      id: late.id,
      version: 1,
      text: '完成',
      requestClose: true,
    });
    await township.tasks.close({ id: late.id, version: asked.version, rating: 'satisfied' });
    await township.tasks.save(newTask({ deadline: shift(-2), title: '逾期未办结' })); // open, red

    const summary = await township.townshipDashboard.summary({
      divisionCode: TOWNSHIP,
      year: YEAR,
    });
    const figure = summary.rows.find((r) => r.code === VILLAGE)!.tasks.closedLate;
    const list = await township.tasks.list({
      divisionCode: VILLAGE,
      closedLate: true,
      page: 1,
      pageSize: 100,
    });
    expect(list.total).toBe(figure);
    expect(list.items.map((i) => i.id)).toContain(late.id);
    expect(list.items.every((i) => i.state === 'closed' && i.closedLate)).toBe(true);
    const closed = await township.tasks.list({
      divisionCode: VILLAGE,
      state: 'closed',
      page: 1,
      pageSize: 100,
    });
    expect(closed.total).toBeGreaterThan(list.total);
  });

  it('gives the county one row per township, the same figures as the townships see', async () => {
    const township = await t.as('township');
    await township.tasks.save(newTask({ deadline: shift(-1), title: '红灯' }));
    const county = await (
      await t.as('county')
    ).townshipDashboard.summary({ divisionCode: COUNTY, year: YEAR });
    expect(county.level).toBe('county');
    expect(county.rows.every((r) => /^\d{9}000$/.test(r.code) && r.code !== COUNTY)).toBe(true);
    const own = await township.townshipDashboard.summary({ divisionCode: TOWNSHIP, year: YEAR });
    const row = county.rows.find((r) => r.code === TOWNSHIP)!;
    expect(row.name).toBe('白石镇');
    expect(row.tasks).toEqual(own.total.tasks);
    expect(row.comments).toEqual(own.total.comments);
    expect(row.projects).toEqual(own.total.projects);
  });

  it('is kept inside scope and refuses a village', async () => {
    await expectError(
      (await t.as('township')).townshipDashboard.summary({ divisionCode: Y_TOWNSHIP, year: YEAR }),
      'FORBIDDEN',
    );
    await expectError(
      (await t.as('township')).townshipDashboard.summary({ divisionCode: COUNTY, year: YEAR }),
      'FORBIDDEN',
    );
    await expectError(
      (await t.as('clerk')).townshipDashboard.summary({ divisionCode: VILLAGE, year: YEAR }),
      'BAD_REQUEST',
    );
    await expectError(
      t.anonymous().townshipDashboard.summary({ divisionCode: TOWNSHIP, year: YEAR }),
      'UNAUTHORIZED',
    );
  });
});

describe('task ratings feed the annual assessment', () => {
  it('counts the ratings of the period as record metrics and derives A1.10 from them', async () => {
    const clerk = await t.as('clerk');
    const period = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
    const before = await clerk.tasks.ratingMetrics({ divisionCode: VILLAGE, ...period });
    await closedWith('satisfied');
    await closedWith('basically_satisfied');
    const good = await clerk.tasks.ratingMetrics({ divisionCode: VILLAGE, ...period });
    const closedBefore = Number(before.values['tasks.closed'] ?? 0);
    expect(good.values['tasks.closed']).toBe(closedBefore + 2);
    expect(good.values['tasks.satisfied']).toBe(Number(before.values['tasks.satisfied'] ?? 0) + 1);
    // the village's record metrics carry them, and the derived answer equals the ratings
    const derivedA110 = async () => {
      const metrics = await clerk.records.metrics({ villageCode: VILLAGE, ...period });
      const demo = builtinFrameworks.find((f) => f.code === 'demo-county-2026')!;
      const item = deriveAnswers(demo, metrics).find((i) => i.itemId === 'A1.10')!;
      return { metrics, item };
    };
    const first = await derivedA110();
    expect(first.metrics.values['tasks.satisfactoryRatio']).toBe(
      good.values['tasks.satisfactoryRatio'],
    );
    if (!first.item.missing) {
      expect(first.item.answer).toBe(good.values['tasks.satisfactoryRatio'] === 1);
    }
    await closedWith('dissatisfied');
    const bad = await derivedA110();
    const ratio = bad.metrics.values['tasks.satisfactoryRatio'] as number;
    expect(ratio).toBeLessThan(1);
    expect(bad.item).toMatchObject({ answer: false });
    // the same answer through the campaign's score sheet (来自台账)
    const todo = await clerk.dashboard.todo();
    const entry = todo.find((e) => e.task === 'self_assessment')!;
    expect(entry).toBeDefined();
    const { items } = await clerk.participations.list({ campaignId: entry.campaignId });
    const derived = await clerk.records.derivedAnswers({ participationId: items[0]!.id });
    expect(derived.period.from <= todayIso() && todayIso() <= derived.period.to).toBe(true);
    expect(derived.items.find((i) => i.itemId === 'A1.10')).toMatchObject({
      missing: false,
      answer: false,
      metrics: ['tasks.satisfactoryRatio'],
    });
    // a period with no task closed leaves the item to a person
    const empty = await clerk.tasks.ratingMetrics({
      divisionCode: VILLAGE,
      from: '2001-01-01',
      to: '2001-12-31',
    });
    expect(empty.values).toEqual({
      'tasks.closed': 0,
      'tasks.satisfied': 0,
      'tasks.basicallySatisfied': 0,
      'tasks.dissatisfied': 0,
    });
  });

  it('is kept inside scope', async () => {
    await expectError(
      (await t.as('clerk')).tasks.ratingMetrics({
        divisionCode: '330728101202',
        from: '2026-01-01',
        to: '2026-12-31',
      }),
      'FORBIDDEN',
    );
  });
});

// ——— the 通报 as .docx ———

let app: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bulletin-'));

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function login(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'fazhi_session');
  return `fazhi_session=${cookie!.value}`;
}

function documentText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () =>
            resolve(
              Buffer.concat(chunks)
                .toString('utf8')
                .replace(/<\/w:p>/g, '\n')
                .replace(/<[^>]+>/g, ''),
            ),
          );
        });
      });
      zip.on('end', () => reject(new Error('no document.xml')));
      zip.readEntry();
    });
  });
}

describe('GET /api/reports/task-bulletin.docx', () => {
  it('holds the figures of tasks.bulletin per unit, and refuses scope and anonymous callers', async () => {
    const township = await t.as('township');
    await township.tasks.save(newTask({ deadline: shift(-2), title: '逾期' }));
    await closedWith('dissatisfied');
    const period = { divisionCode: TOWNSHIP, from: shift(-60), to: shift(0) };
    const bulletin = await township.tasks.bulletin(period);
    const row = bulletin.rows.find((r) => r.ownerCode === VILLAGE)!;
    expect(row.dissatisfied).toBeGreaterThanOrEqual(1);
    const cookie = await login('township');
    const url = `/api/reports/task-bulletin.docx?divisionCode=${TOWNSHIP}&from=${period.from}&to=${period.to}`;
    const res = await app.inject({ url, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      `白石镇督查督办通报-${period.from}-${period.to}.docx`,
    );
    const text = await documentText(res.rawPayload);
    expect(text).toContain('白石镇督查督办通报');
    expect(text).toContain(`（${period.from} 至 ${period.to}）`);
    for (const label of ['承办单位', '期内办结', '逾期未办结', '不满意'])
      expect(text).toContain(label);
    const cells = [
      row.ownerName,
      row.assigned,
      row.closed,
      row.closedLate,
      row.overdueOpen,
      row.satisfied,
      row.basicallySatisfied,
      row.dissatisfied,
    ].join('\n');
    expect(text).toContain(cells);
    const overdue = bulletin.rows.reduce((n, r) => n + r.overdueOpen, 0);
    expect(text).toContain(`逾期未办结${overdue}件`);

    const y = `/api/reports/task-bulletin.docx?divisionCode=${Y_TOWNSHIP}&from=${period.from}&to=${period.to}`;
    expect((await app.inject({ url: y, headers: { cookie } })).statusCode).toBe(403);
    expect((await app.inject({ url })).statusCode).toBe(401);
    const bad = `/api/reports/task-bulletin.docx?divisionCode=${TOWNSHIP}&from=${period.to}&to=${period.from}`;
    expect((await app.inject({ url: bad, headers: { cookie } })).statusCode).toBe(400);
  });
});
