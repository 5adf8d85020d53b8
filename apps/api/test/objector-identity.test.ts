// 实名异议: who objected (name and contact) is for the county; the village objected to and its
// township see what they must answer (the objection's text, status, resolution, dates).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './harness.js';
import { campaignInSelfAssessment, versionOf, X_VILLAGE } from './campaign-fixture.js';

const t = useTestDatabase();

const objector = { name: '王五', contact: '13800000000', content: '村务公开不及时' };

/** A posted village of the clerk's, objected to by the county with a real-name objection. */
async function objectedVillage() {
  const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
  const id = ids[X_VILLAGE]!;
  await t.db.execute(sql`update campaigns set stage = 'public_notice'`);
  await t.db.execute(sql`update participations set state = 'posted', posted_on = '2026-03-01'`);
  await (
    await t.as('county')
  ).participations.transition({
    id,
    version: await versionOf(t, id),
    event: { type: 'object', objector },
  });
  return id;
}

async function objectionEvent(username: string) {
  const { items } = await (await t.as(username)).audit.list({ action: 'participations.object' });
  expect(items).toHaveLength(1);
  return items[0]!.after as { event: { objector: Record<string, unknown> } };
}

describe('who objected', () => {
  it.each(['county', 'admin', 'inspector'])(
    '%s (the county) sees the objector’s name and contact, in the sheet and the audit log',
    async (username) => {
      const id = await objectedVillage();
      const detail = await (await t.as(username)).participations.get({ id });
      expect(detail.objections).toEqual([expect.objectContaining({ ...objector, status: 'open' })]);
      expect((await objectionEvent(username)).event.objector).toEqual(objector);
    },
  );

  it.each(['clerk', 'township'])(
    '%s (the village and its township) sees the objection but not who made it',
    async (username) => {
      const id = await objectedVillage();
      const detail = await (await t.as(username)).participations.get({ id });
      expect(detail.objections).toEqual([
        expect.objectContaining({
          name: null,
          contact: null,
          content: objector.content,
          status: 'open',
          createdAt: expect.any(Date),
        }),
      ]);
      const event = await objectionEvent(username);
      expect(event.event.objector).toEqual({
        name: null,
        contact: null,
        content: objector.content,
      });
      expect(JSON.stringify(event)).not.toContain('王五');
      expect(JSON.stringify(event)).not.toContain('13800000000');
    },
  );

  it('an inspector of one township sees no more than the township', async () => {
    const id = await objectedVillage();
    await t.db.execute(
      sql`update users set scope_code = '330728101000' where username = 'inspector'`,
    );
    const detail = await (await t.as('inspector')).participations.get({ id });
    expect(detail.objections[0]).toMatchObject({ name: null, contact: null });
    expect((await objectionEvent('inspector')).event.objector.name).toBeNull();
  });

  it('the stored trail keeps the identity, and the resolution stays visible to the village', async () => {
    const id = await objectedVillage();
    await (
      await t.as('county')
    ).participations.transition({
      id,
      version: await versionOf(t, id),
      event: { type: 'resolve_objection', upheld: false, reason: '已按期公开' },
    });
    const stored = await t.db.execute<{ after: { event: { objector: { name: string } } } }>(
      sql`select after from audit_events where action = 'participations.object'`,
    );
    const rows = Array.isArray(stored) ? stored : (stored as { rows: typeof stored }).rows;
    expect(
      (rows as { after: { event: { objector: { name: string } } } }[])[0]!.after.event.objector
        .name,
    ).toBe('王五');
    const clerk = await t.as('clerk');
    expect((await clerk.participations.get({ id })).objections[0]).toMatchObject({
      name: null,
      status: 'dismissed',
      resolution: '已按期公开',
      resolvedAt: expect.any(Date),
    });
  });
});
