// 督查督办 and 件件有反馈 (issue #13): each state change, the lights, scope, field errors, the
// 通报, and the public comment page showing nothing personal.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { todayIso } from '../src/services/campaigns/participations.js';
import { auditEvents } from '../src/db/schema.js';

const t = useTestDatabase();

const TOWNSHIP = '330728101000'; // 白石镇, the township officer's
const VILLAGE = '330728101201'; // the clerk's village
const OTHER_VILLAGE = '330728101202';
const Y_VILLAGE = '330728102201'; // 青山镇

function shift(days: number): string {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const newTask = (over: Record<string, unknown> = {}) => ({
  assignerCode: TOWNSHIP,
  ownerCode: VILLAGE,
  title: '完成村规民约修订',
  source: 'meeting_decision' as const,
  responsible: '村党支部书记',
  assignedOn: shift(-10),
  deadline: shift(20),
  ...over,
});

describe('tasks: the workflow', () => {
  it('the township assigns, the clerk reports and asks to close, the township closes and rates', async () => {
    const township = await t.as('township');
    const clerk = await t.as('clerk');
    const task = await township.tasks.save(
      newTask({ milestones: [{ title: '征求意见', due: shift(5), done: false }] }),
    );
    expect(task).toMatchObject({ state: 'assigned', light: 'green', version: 1 });

    const progress = await clerk.tasks.report({
      id: task.id,
      version: 1,
      text: '已召开村民代表会议征求意见',
      percentDone: 40,
      milestonesDone: [0],
    });
    expect(progress).toMatchObject({ state: 'in_progress', percentDone: 40 });
    expect(progress.milestones[0]!.done).toBe(true);

    // the clerk cannot close their own task
    await expectError(
      clerk.tasks.close({ id: task.id, version: 2, rating: 'satisfied' }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
    // nor can the township close before the owner asks to
    await expectError(
      township.tasks.close({ id: task.id, version: 2, rating: 'satisfied' }),
      'CONFLICT',
      'TASK_TRANSITION_NOT_ALLOWED',
    );

    const asked = await clerk.tasks.report({
      id: task.id,
      version: 2,
      text: '修订稿已经村民会议表决通过',
      requestClose: true,
    });
    expect(asked).toMatchObject({ state: 'close_requested', percentDone: 100 });

    const returned = await township.tasks.return({
      id: task.id,
      version: 3,
      reason: '缺少备案回执',
    });
    expect(returned.state).toBe('returned');
    const again = await clerk.tasks.report({
      id: task.id,
      version: 4,
      text: '已补充备案回执',
      requestClose: true,
    });
    const closed = await township.tasks.close({
      id: task.id,
      version: again.version,
      rating: 'basically_satisfied',
      note: '按期完成',
    });
    expect(closed).toMatchObject({
      state: 'closed',
      rating: 'basically_satisfied',
      closedOn: todayIso(),
      closedLate: false,
      light: null,
    });
    const full = await clerk.tasks.get({ id: task.id });
    expect(full.reports.map((r) => r.kind)).toEqual([
      'progress',
      'close_request',
      'return',
      'close_request',
      'close',
    ]);
    expect(full.reports[0]!.files).toEqual([]);
    const actions = (await t.db.select().from(auditEvents).orderBy(auditEvents.id)).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'tasks.create',
      'tasks.report',
      'tasks.requestClose',
      'tasks.return',
      'tasks.requestClose',
      'tasks.close',
    ]);
  });

  it('an extension is requested by the owner and moves the deadline once approved', async () => {
    const township = await t.as('township');
    const clerk = await t.as('clerk');
    const task = await township.tasks.save(newTask({ deadline: shift(2) }));
    expect(task.light).toBe('yellow');
    await expectError(
      clerk.tasks.requestExtension({ id: task.id, version: 1, to: shift(1), reason: '雨季' }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    const asked = await clerk.tasks.requestExtension({
      id: task.id,
      version: 1,
      to: shift(30),
      reason: '雨季施工推迟',
    });
    expect(asked).toMatchObject({ extensionPending: true, extensionTo: shift(30) });
    await expectError(
      clerk.tasks.decideExtension({ id: task.id, version: 2, approve: true }),
      'FORBIDDEN',
    );
    const approved = await township.tasks.decideExtension({
      id: task.id,
      version: 2,
      approve: true,
    });
    expect(approved).toMatchObject({
      deadline: shift(30),
      extensionPending: false,
      light: 'green',
    });
    await expectError(
      township.tasks.decideExtension({ id: task.id, version: 3, approve: false }),
      'CONFLICT',
      'TASK_TRANSITION_NOT_ALLOWED',
    );
  });

  it('refuses a stale version and a closed task changes no more', async () => {
    const township = await t.as('township');
    const task = await township.tasks.save(newTask());
    await township.tasks.save({ ...newTask({ title: '改名' }), id: task.id, version: 1 });
    const error = await expectError(
      township.tasks.save({ ...newTask(), id: task.id, version: 1 }),
      'CONFLICT',
      'RECORD_CONFLICT',
    );
    // the version the task has now, as every stale change answers (one code for them all)
    expect(error.details).toEqual({ version: 2 });
  });
});

describe('tasks.list', () => {
  it('filters by light at the boundaries and pages', async () => {
    const township = await t.as('township');
    const due = {
      green: await township.tasks.save(newTask({ deadline: shift(4), title: '绿' })),
      yellow3: await township.tasks.save(newTask({ deadline: shift(3), title: '黄3' })),
      yellow0: await township.tasks.save(newTask({ deadline: shift(0), title: '黄0' })),
      red: await township.tasks.save(newTask({ deadline: shift(-1), title: '红' })),
      escalated: await township.tasks.save(newTask({ deadline: shift(-3), title: '红3' })),
    };
    expect(due.red).toMatchObject({ light: 'red', redDays: 1, escalated: false });
    expect(due.escalated).toMatchObject({ light: 'red', redDays: 3, escalated: true });
    const ids = async (light: 'green' | 'yellow' | 'red') =>
      (await township.tasks.list({ divisionCode: VILLAGE, light, pageSize: 200 })).items
        .map((i) => i.id)
        .filter((id) => Object.values(due).some((d) => d.id === id))
        .sort();
    expect(await ids('green')).toEqual([due.green.id]);
    expect(await ids('yellow')).toEqual([due.yellow3.id, due.yellow0.id].sort());
    expect(await ids('red')).toEqual([due.red.id, due.escalated.id].sort());
    const page = await township.tasks.list({ divisionCode: VILLAGE, page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect((await township.tasks.list({ divisionCode: VILLAGE, state: 'closed' })).items).toEqual(
      [],
    );
  });

  it('the owner, the assigning office and the county see the task; another village does not', async () => {
    const task = await (await t.as('township')).tasks.save(newTask({ ownerCode: OTHER_VILLAGE }));
    const inList = async (username: string, code: string) =>
      (await (await t.as(username)).tasks.list({ divisionCode: code, pageSize: 200 })).items.some(
        (i) => i.id === task.id,
      );
    expect(await inList('township', TOWNSHIP)).toBe(true);
    expect(await inList('county', '330728000000')).toBe(true);
    expect(await inList('clerk', VILLAGE)).toBe(false);
    await expectError((await t.as('clerk')).tasks.get({ id: task.id }), 'NOT_FOUND');
    await expectError(
      (await t.as('clerk')).tasks.report({ id: task.id, version: 1, text: '越权' }),
      'NOT_FOUND',
    );
  });
});

describe('tasks.save: field errors in Chinese and English', () => {
  it.each([
    [{ ownerCode: Y_VILLAGE }, 'FORBIDDEN'],
    [{ assignerCode: VILLAGE }, 'BAD_REQUEST', 'assignerCode'],
    [{ deadline: shift(-11) }, 'BAD_REQUEST', 'deadline'],
    [{ assignedOn: shift(1) }, 'BAD_REQUEST', 'assignedOn'],
    [
      { milestones: [{ title: '晚', due: shift(21), done: false }] },
      'BAD_REQUEST',
      'milestones.0.due',
    ],
    [{ source: 'rumour' }, 'BAD_REQUEST', 'source'],
    [{ title: '' }, 'BAD_REQUEST', 'title'],
  ] as const)('%o is refused', async (over, code, field?: string) => {
    const township = await t.as('township');
    const data = await expectError(township.tasks.save(newTask(over) as never), code);
    if (field) expect(data.fieldErrors.map((f) => f.path)).toContain(field);
  });
});

describe('tasks.bulletin', () => {
  it('counts per unit closed and overdue tasks of the period, and downloads as xlsx', async () => {
    const township = await t.as('township');
    const clerk = await t.as('clerk');
    await township.tasks.save(newTask({ deadline: shift(-2), title: '逾期' }));
    const done = await township.tasks.save(newTask({ title: '办结' }));
    const asked = await clerk.tasks.report({
      id: done.id,
      version: 1,
      text: '完成',
      requestClose: true,
    });
    await township.tasks.close({ id: done.id, version: asked.version, rating: 'satisfied' });
    const b = await township.tasks.bulletin({
      divisionCode: TOWNSHIP,
      from: shift(-30),
      to: shift(0),
    });
    const row = b.rows.find((r) => r.ownerCode === VILLAGE)!;
    expect(row).toMatchObject({ closed: 1, satisfied: 1, closedLate: 0 });
    expect(row.overdueOpen).toBeGreaterThanOrEqual(1);
    expect(row.assigned).toBeGreaterThanOrEqual(2);
    const file = await township.tasks.bulletinWorkbook({
      divisionCode: TOWNSHIP,
      from: shift(-30),
      to: shift(0),
    });
    expect(file.fileName).toMatch(/\.xlsx$/);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('comments', () => {
  const comment = {
    divisionCode: VILLAGE,
    ownerCode: VILLAGE,
    channel: 'phone' as const,
    subject: '村口路灯不亮',
    content: '村口三盏路灯已坏两周',
    contact: '13800000000',
    receivedOn: todayIso(),
  };

  it('gets a default deadline, a light, and a reply with the days it took', async () => {
    const clerk = await t.as('clerk');
    const saved = await clerk.comments.save(comment);
    expect(saved).toMatchObject({ light: 'green', reply: null, daysTaken: null });
    expect(saved.deadline > todayIso()).toBe(true);
    const late = await clerk.comments.save({
      ...comment,
      receivedOn: shift(-20),
      deadline: shift(-1),
    });
    expect(late.light).toBe('red');
    const unanswered = await clerk.comments.list({ divisionCode: VILLAGE, light: 'red' });
    expect(unanswered.items.map((i) => i.id)).toContain(late.id);
    const replied = await clerk.comments.reply({
      id: late.id,
      version: 1,
      reply: '已更换路灯',
    });
    expect(replied).toMatchObject({ repliedOn: todayIso(), daysTaken: 20, light: null });
    // the audit record leaves out the commenter's contact
    const events = await t.db.select().from(auditEvents);
    expect(JSON.stringify(events)).not.toContain('13800000000');
  });

  it('is kept inside scope', async () => {
    await expectError(
      (await t.as('township')).comments.save({
        ...comment,
        divisionCode: Y_VILLAGE,
        ownerCode: Y_VILLAGE,
      }),
      'FORBIDDEN',
    );
    const saved = await (
      await t.as('township')
    ).comments.save({ ...comment, ownerCode: OTHER_VILLAGE, divisionCode: OTHER_VILLAGE });
    await expectError(
      (await t.as('clerk')).comments.reply({ id: saved.id, version: 1, reply: '越权' }),
      'NOT_FOUND',
    );
  });
});
