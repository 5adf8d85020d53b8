import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { titles } from '../src/db/schema.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import {
  campaignInSelfAssessment,
  createCampaign,
  goodSheet,
  versionOf,
  X_VILLAGE,
  X_VILLAGE_2,
  Y_VILLAGE,
} from './campaign-fixture.js';

const t = useTestDatabase();

async function clerkOf(villageCode: string) {
  const username = `clerk_${villageCode.slice(-6)}`;
  const county = await t.as('county');
  const existing = await county.users.list({ q: username });
  if (existing.total === 0) {
    await county.users.create({
      username,
      displayName: '文书',
      password: 'Clerk2026',
      role: 'village_clerk',
      scopeCode: villageCode,
    });
  }
  return t.as(username);
}

describe('a village through the whole campaign', () => {
  it('declares, self-assesses, is returned once, approved, accepted, posted and named', async () => {
    const { campaign, framework, county, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const clerk = await t.as('clerk');
    const township = await t.as('township');

    // self-assessment: the clerk's column only
    const sheet = goodSheet(framework.definition);
    const saved = await clerk.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'self',
      data: sheet,
    });
    expect(saved).toMatchObject({ total: 100, grade: 'excellent', complete: true });
    await expectError(
      township.participations.saveSheet({
        id,
        version: saved.version,
        column: 'township',
        data: sheet,
      }),
      'FORBIDDEN',
      'NOT_YOUR_TURN',
    );
    await clerk.participations.transition({
      id,
      version: saved.version,
      event: { type: 'submit_self_assessment' },
    });
    await county.campaigns.advance({ id: campaign.id });

    // township review: returned once with a reason, then approved
    let v = await versionOf(t, id);
    const noReason = await expectError(
      township.participations.transition({ id, version: v, event: { type: 'return', reason: '' } }),
      'BAD_REQUEST',
    );
    // the SPA's dialogs put these on their fields (see apps/admin event-actions.tsx)
    expect(noReason.fieldErrors.map((f) => f.path)).toEqual(['event.reason']);
    await township.participations.transition({
      id,
      version: v,
      event: { type: 'return', reason: '缺少村务公开台账' },
    });
    v = await versionOf(t, id);
    const resaved = await clerk.participations.saveSheet({
      id,
      version: v,
      column: 'self',
      data: sheet,
    });
    await clerk.participations.transition({
      id,
      version: resaved.version,
      event: { type: 'submit_self_assessment' },
    });
    v = await versionOf(t, id);
    const reviewed = await township.participations.saveSheet({
      id,
      version: v,
      column: 'township',
      data: sheet,
    });
    await township.participations.transition({
      id,
      version: reviewed.version,
      event: { type: 'approve' },
    });
    await county.campaigns.advance({ id: campaign.id });

    // county acceptance
    v = await versionOf(t, id);
    const accepted = await county.participations.saveSheet({
      id,
      version: v,
      column: 'county',
      data: goodSheet(framework.definition),
    });
    await county.participations.transition({
      id,
      version: accepted.version,
      event: { type: 'accept' },
    });
    await county.campaigns.advance({ id: campaign.id });

    // public notice, then naming once the notice is over
    v = await versionOf(t, id);
    await county.participations.transition({ id, version: v, event: { type: 'post' } });
    const notice = await county.campaigns.noticeList({ id: campaign.id });
    expect(notice.rows.map((r) => [r.villageCode, r.total])).toEqual([[X_VILLAGE, 100]]);
    const blocked = await expectError(
      county.campaigns.advance({ id: campaign.id }),
      'PRECONDITION_FAILED',
      'STAGE_BLOCKED',
    );
    expect(
      (blocked.details as { blockers: { code: string }[] }).blockers.map((b) => b.code),
    ).toEqual(['NOTICE_NOT_OVER']);
    await t.db.execute(sql`update participations set posted_on = posted_on - 8`);
    await county.campaigns.advance({ id: campaign.id });
    v = await versionOf(t, id);
    await county.participations.transition({ id, version: v, event: { type: 'name' } });

    const ranking = await county.campaigns.ranking({ id: campaign.id });
    expect(ranking.items).toEqual([
      expect.objectContaining({
        villageCode: X_VILLAGE,
        villageName: '杨林村',
        townshipCode: '330728101000',
        townshipName: '白石镇',
        rank: 1,
        total: 100,
        grade: 'excellent',
        vetoed: false,
      }),
    ]);
    const results = await county.campaigns.results({ id: campaign.id });
    expect(results.progress.map((r) => [r.townshipName, r.scored, r.average])).toEqual([
      ['白石镇', 1, 100],
    ]);
    expect(results.histogram).toEqual([{ from: 95, to: 100, count: 1 }]);

    // the detail speaks points, as campaigns.get does, and names the village and township
    const detail = await county.participations.get({ id });
    expect(detail.participation).toMatchObject({
      state: 'named',
      selfTotal: 100,
      townshipTotal: 100,
      countyTotal: 100,
      countyGrade: 'excellent',
    });
    expect(detail.villageName).toBe('杨林村');
    expect(detail.townshipName).toBe('白石镇');
    expect(detail.campaign).toMatchObject({
      id: campaign.id,
      minSelfScore: 60,
      minAcceptedScore: 60,
    });
    expect(detail.campaign.minSelfScore).toBe(
      (await county.campaigns.get({ id: campaign.id })).minSelfScore,
    );
    expect(detail.scorecards.county).toMatchObject({ total: 100, grade: 'excellent' });
    const listed = await county.campaigns.list({});
    expect(listed.items.find((c) => c.id === campaign.id)?.counts).toEqual({ named: 1 });

    const named = await t.db.select().from(titles);
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({
      villageCode: X_VILLAGE,
      level: 'county',
      year: 2026,
      status: 'active',
    });
  });
});

describe('campaigns.advance', () => {
  it('is refused, with the count of open villages, while self-assessments are missing', async () => {
    const { campaign, county } = await campaignInSelfAssessment(t);
    const error = await expectError(
      county.campaigns.advance({ id: campaign.id }),
      'PRECONDITION_FAILED',
      'STAGE_BLOCKED',
    );
    expect(error.details).toEqual({
      blockers: [expect.objectContaining({ code: 'SELF_ASSESSMENT_OPEN', count: 3 })],
    });
    expect(error.messages.zh).toContain('3个村尚未提交自评');
  });

  it('refuses a declare stage without declarations, and only county admins advance', async () => {
    const { campaign, county } = await createCampaign(t);
    await county.campaigns.advance({ id: campaign.id });
    await expectError(
      county.campaigns.advance({ id: campaign.id }),
      'PRECONDITION_FAILED',
      'STAGE_BLOCKED',
    );
    await expectError((await t.as('township')).campaigns.advance({ id: campaign.id }), 'FORBIDDEN');
  });
});

describe('participation transitions', () => {
  it('refuses a submission below the campaign minimum, with the reason', async () => {
    const { campaign, framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    void campaign;
    const clerk = await t.as('clerk');
    const id = ids[X_VILLAGE]!;
    const poor = {
      items: Object.fromEntries(
        Object.keys(goodSheet(framework.definition).items).map((k) => [
          k,
          goodSheet(framework.definition).items[k]!,
        ]),
      ),
      vetoes: [],
      comments: {},
    };
    // everything zero: checks false, deductions large
    for (const area of framework.definition.areas) {
      for (const item of area.items) {
        const kind = item.rule.kind;
        poor.items[item.code] =
          kind === 'check' ? false : kind === 'checklist' ? [] : kind === 'deduction' ? 99 : 0;
      }
    }
    const saved = await clerk.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'self',
      data: poor,
    });
    expect(saved.total).toBeLessThan(60);
    const error = await expectError(
      clerk.participations.transition({
        id,
        version: saved.version,
        event: { type: 'submit_self_assessment' },
      }),
      'PRECONDITION_FAILED',
      'SELF_SCORE_TOO_LOW',
    );
    expect(error.messages.zh).toContain('低于申报要求的60分');
  });

  it('refuses to submit an incomplete sheet', async () => {
    const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const clerk = await t.as('clerk');
    const id = ids[X_VILLAGE]!;
    await expectError(
      clerk.participations.transition({
        id,
        version: await versionOf(t, id),
        event: { type: 'submit_self_assessment' },
      }),
      'PRECONDITION_FAILED',
      'SHEET_INCOMPLETE',
    );
  });

  it.each([
    ['approve', 'township'],
    ['accept', 'county'],
    ['post', 'county'],
    ['name', 'county'],
  ] as const)('refuses %s before its stage', async (type, who) => {
    const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    await expectError(
      (await t.as(who)).participations.transition({
        id,
        version: await versionOf(t, id),
        event: { type },
      }),
      'PRECONDITION_FAILED',
    );
  });

  it('an objection holds the village until the county resolves it; upheld removes it', async () => {
    const { campaign, framework, county, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const clerk = await t.as('clerk');
    const township = await t.as('township');
    const sheet = goodSheet(framework.definition);
    let r = await clerk.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'self',
      data: sheet,
    });
    await clerk.participations.transition({
      id,
      version: r.version,
      event: { type: 'submit_self_assessment' },
    });
    await county.campaigns.advance({ id: campaign.id });
    r = await township.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'township',
      data: sheet,
    });
    await township.participations.transition({
      id,
      version: r.version,
      event: { type: 'approve' },
    });
    await county.campaigns.advance({ id: campaign.id });
    r = await county.participations.saveSheet({
      id,
      version: await versionOf(t, id),
      column: 'county',
      data: sheet,
    });
    await county.participations.transition({ id, version: r.version, event: { type: 'accept' } });
    await county.campaigns.advance({ id: campaign.id });
    await county.participations.transition({
      id,
      version: await versionOf(t, id),
      event: { type: 'post' },
    });
    const anonymous = await expectError(
      county.participations.transition({
        id,
        version: await versionOf(t, id),
        event: { type: 'object', objector: { name: ' ', contact: '', content: '村务公开不及时' } },
      }),
      'BAD_REQUEST',
      'VALIDATION_FAILED',
    );
    expect(anonymous.fieldErrors.map((f) => f.path)).toEqual([
      'event.objector.name',
      'event.objector.contact',
    ]);
    await county.participations.transition({
      id,
      version: await versionOf(t, id),
      event: {
        type: 'object',
        objector: { name: '王五', contact: '13800000000', content: '村务公开不及时' },
      },
    });
    const blocked = await expectError(
      county.campaigns.advance({ id: campaign.id }),
      'PRECONDITION_FAILED',
    );
    expect(
      (blocked.details as { blockers: { code: string }[] }).blockers.map((b) => b.code),
    ).toContain('OBJECTIONS_OPEN');
    await county.participations.transition({
      id,
      version: await versionOf(t, id),
      event: { type: 'resolve_objection', upheld: true, reason: '经查属实' },
    });
    const detail = await county.participations.get({ id });
    expect(detail.participation.state).toBe('removed');
    expect(detail.objections[0]).toMatchObject({
      name: '王五',
      status: 'upheld',
      resolution: '经查属实',
    });
  });
});

describe('the score sheet', () => {
  it('a second save from the same version gets a conflict with the other change, and nothing is lost', async () => {
    const { framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const clerk = await t.as('clerk');
    const v = await versionOf(t, id);
    const first = goodSheet(framework.definition);
    const firstCode = Object.keys(first.items)[0]!;
    const second = {
      ...goodSheet(framework.definition),
      comments: { [firstCode]: '第二人的意见' },
    };
    await clerk.participations.saveSheet({
      id,
      version: v,
      column: 'self',
      data: { ...first, comments: { [firstCode]: '第一人的意见' } },
    });
    const error = await expectError(
      clerk.participations.saveSheet({ id, version: v, column: 'self', data: second }),
      'CONFLICT',
      'SHEET_CONFLICT',
    );
    expect(error.messages.zh).toContain('村文书 张敏');
    expect(error.details).toMatchObject({
      version: v + 1,
      column: { comments: { [firstCode]: '第一人的意见' } },
    });
    const stored = await clerk.participations.get({ id });
    expect(stored.participation.sheet.self!.comments[firstCode]).toBe('第一人的意见');
  });

  it('rejects answers of the wrong type with the item path, and saves nothing', async () => {
    const { framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    const clerk = await t.as('clerk');
    const v = await versionOf(t, id);
    const sheet = goodSheet(framework.definition);
    const checkItem = framework.definition.areas
      .flatMap((a) => a.items)
      .find((i) => i.rule.kind === 'check')!;
    const error = await expectError(
      clerk.participations.saveSheet({
        id,
        version: v,
        column: 'self',
        data: { ...sheet, items: { ...sheet.items, [checkItem.code]: 3 } },
      }),
      'BAD_REQUEST',
      'ANSWERS_INVALID',
    );
    expect(error.fieldErrors[0]?.path).toContain(checkItem.code);
    expect(await versionOf(t, id)).toBe(v);
  });

  it('a user of another township can neither read nor write the sheet', async () => {
    const { framework, ids } = await campaignInSelfAssessment(t);
    const township = await t.as('township');
    const yId = ids[Y_VILLAGE]!;
    await expectError(township.participations.get({ id: yId }), 'NOT_FOUND');
    await expectError(
      township.participations.saveSheet({
        id: yId,
        version: 1,
        column: 'township',
        data: goodSheet(framework.definition),
      }),
      'NOT_FOUND',
    );
    const list = await township.participations.list({
      campaignId: (await township.campaigns.list({})).items[0]!.id,
    });
    expect(list.items.map((p) => p.villageCode).sort()).toEqual([X_VILLAGE, X_VILLAGE_2]);
  });
});

describe('declaration', () => {
  it('a village whose title was revoked cannot declare within 2 years', async () => {
    const { campaign, county } = await createCampaign(t);
    await county.campaigns.advance({ id: campaign.id });
    await t.db.insert(titles).values({
      countyCode: '330728000000',
      villageCode: X_VILLAGE,
      level: 'county',
      year: 2022,
      namedOn: '2022-06-01',
    });
    const [title] = await t.db.select().from(titles);
    await county.titles.recheck({ ids: [title!.id], outcome: 'revoke', reasons: ['unlawful_act'] });
    const error = await expectError(
      county.participations.declare({ campaignId: campaign.id, villageCode: X_VILLAGE }),
      'PRECONDITION_FAILED',
      'REVOKED_RECENTLY',
    );
    expect(error.messages.zh).toContain('前不得再次申报');
    // two years later it may
    await t.db.execute(sql`update titles set rechecked_on = rechecked_on - interval '2 years'`);
    await county.participations.declare({ campaignId: campaign.id, villageCode: X_VILLAGE });
  });

  it('a clerk declares only their own village, once', async () => {
    const { campaign, county } = await createCampaign(t);
    await county.campaigns.advance({ id: campaign.id });
    const clerk = await t.as('clerk');
    await expectError(
      clerk.participations.declare({ campaignId: campaign.id, villageCode: X_VILLAGE_2 }),
      'FORBIDDEN',
    );
    const first = await clerk.participations.declare({
      campaignId: campaign.id,
      villageCode: X_VILLAGE,
    });
    // the clerk's own declaration sent again (a double click) is that declaration
    await expect(
      clerk.participations.declare({ campaignId: campaign.id, villageCode: X_VILLAGE }),
    ).resolves.toEqual(first);
    // anyone else's is refused: the village has declared
    await expectError(
      county.participations.declare({ campaignId: campaign.id, villageCode: X_VILLAGE }),
      'CONFLICT',
      'ALREADY_DECLARED',
    );
    expect((await county.participations.list({ campaignId: campaign.id })).total).toBe(1);
  });
});

export { clerkOf };

describe('what a campaign shows below the county', () => {
  /** Three declared villages (two in township X, one in Y), all pilots, with the inspector. */
  async function assignedCampaign() {
    const inspector = await (await t.as('inspector')).auth.me();
    const { campaign, county } = await createCampaign(t, {
      pilotVillageCodes: [X_VILLAGE, X_VILLAGE_2, Y_VILLAGE],
      inspectorIds: [inspector.id],
    });
    await county.campaigns.advance({ id: campaign.id });
    for (const code of [X_VILLAGE, X_VILLAGE_2, Y_VILLAGE]) {
      await county.participations.declare({ campaignId: campaign.id, villageCode: code });
    }
    await county.campaigns.advance({ id: campaign.id });
    return { campaign, inspectorId: inspector.id };
  }

  const open = (count: number) => [
    expect.objectContaining({ code: 'SELF_ASSESSMENT_OPEN', count }),
  ];

  it('the county sees every pilot, inspector and open village', async () => {
    const { campaign, inspectorId } = await assignedCampaign();
    for (const username of ['county', 'admin', 'inspector']) {
      const got = await (await t.as(username)).campaigns.get({ id: campaign.id });
      expect(got).toMatchObject({
        hasPilotVillages: true,
        pilotVillageCodes: [X_VILLAGE, X_VILLAGE_2, Y_VILLAGE],
        inspectorIds: [inspectorId],
      });
      expect(got.blockers).toEqual(open(3));
    }
  });

  it('a township officer sees the township’s pilots and open villages, and no inspector', async () => {
    const { campaign } = await assignedCampaign();
    const township = await t.as('township');
    const got = await township.campaigns.get({ id: campaign.id });
    expect(got).toMatchObject({
      hasPilotVillages: true,
      pilotVillageCodes: [X_VILLAGE, X_VILLAGE_2],
      inspectorIds: [],
    });
    expect(got.blockers).toEqual(open(2));
    expect(got.blockers[0]!.message.zh).toBe('2个村尚未提交自评');
    const listed = (await township.campaigns.list({})).items[0]!;
    expect(listed).toMatchObject({ pilotVillageCodes: [X_VILLAGE, X_VILLAGE_2], inspectorIds: [] });
  });

  it('a clerk sees whether the village is a pilot and its own open work only', async () => {
    const { campaign } = await assignedCampaign();
    const clerk = await t.as('clerk');
    const got = await clerk.campaigns.get({ id: campaign.id });
    expect(got).toMatchObject({
      hasPilotVillages: true,
      pilotVillageCodes: [X_VILLAGE],
      inspectorIds: [],
    });
    expect(got.blockers).toEqual(open(1));
    expect((await clerk.campaigns.list({})).items[0]).toMatchObject({
      pilotVillageCodes: [X_VILLAGE],
      inspectorIds: [],
    });
    const { items } = await clerk.participations.list({ campaignId: campaign.id });
    const detail = await clerk.participations.get({ id: items[0]!.id });
    expect(detail.campaign).toMatchObject({ pilotVillageCodes: [X_VILLAGE], inspectorIds: [] });
    expect((await clerk.campaigns.noticeList({ id: campaign.id })).campaign).toMatchObject({
      pilotVillageCodes: [X_VILLAGE],
      inspectorIds: [],
    });
    // a village that is not a pilot sees that the campaign has pilots, but not which
    await t.db.execute(
      sql`update campaigns set pilot_village_codes = ${JSON.stringify([Y_VILLAGE])}::jsonb`,
    );
    expect(await clerk.campaigns.get({ id: campaign.id })).toMatchObject({
      hasPilotVillages: true,
      pilotVillageCodes: [],
    });
  });

  it('an inspector of one township sees itself among the inspectors, and no other', async () => {
    const county = await t.as('county');
    const other = await county.users.create({
      username: 'inspector_x',
      displayName: '白石镇评审员',
      password: 'Inspect2026',
      role: 'inspector',
      scopeCode: '330728101000',
    });
    const { campaign, inspectorId } = await assignedCampaign();
    await t.db.execute(
      sql`update campaigns set inspector_ids = ${JSON.stringify([inspectorId, other.id])}::jsonb`,
    );
    const got = await (await t.as('inspector_x')).campaigns.get({ id: campaign.id });
    expect(got.inspectorIds).toEqual([other.id]);
  });
});

describe('campaign inspectors', () => {
  it('must be enabled inspectors of the county', async () => {
    const county = await t.as('county');
    const clerk = await (await t.as('clerk')).auth.me();
    const inspector = await (await t.as('inspector')).auth.me();
    const disabled = await county.users.create({
      username: 'inspector_off',
      displayName: '停用评审员',
      password: 'Inspect2026',
      role: 'inspector',
      scopeCode: '330728000000',
    });
    await county.users.update({ id: disabled.id, disabled: true });
    const elsewhere = await county.users.create({
      username: 'inspector_far',
      displayName: '外县评审员',
      password: 'Inspect2026',
      role: 'inspector',
      scopeCode: '330728000000',
    });
    await t.db.execute(
      sql`update users set scope_code = '330702000000', county_code = '330702000000' where id = ${elsewhere.id}`,
    );
    const cases: [string, string][] = [
      ['00000000-0000-4000-8000-000000000000', '该用户不存在'],
      [clerk.id, '该用户不是评审员'],
      [elsewhere.id, '该评审员不在本县'],
      [disabled.id, '该评审员已停用'],
    ];
    for (const [id, zh] of cases) {
      const error = await expectError(
        createCampaign(t, { inspectorIds: [inspector.id, id] }),
        'BAD_REQUEST',
        'INVALID_INSPECTOR',
      );
      expect(error.fieldErrors).toEqual([
        { path: 'inspectorIds.1', message: expect.objectContaining({ zh }) },
      ]);
    }
    expect(await countCampaigns()).toBe(0);
    const { campaign } = await createCampaign(t, { inspectorIds: [inspector.id, inspector.id] });
    expect(campaign.inspectorIds).toEqual([inspector.id]);
  });

  async function countCampaigns() {
    return (await (await t.as('county')).campaigns.list({})).total;
  }
});
