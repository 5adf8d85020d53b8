// Authorization across every procedure of the router: a new procedure fails the first test
// until it is added to the tables below, so none can escape these checks.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { roleRank, roles, type Role } from '../src/auth/roles.js';
import { routerProcedures, useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { campaignInSelfAssessment, goodSheet } from './campaign-fixture.js';
import { titles } from '../src/db/schema.js';
import { sampleInput } from './sample-inputs.js';
import {
  adviserDutyDays,
  adviserServices,
  evidenceFiles,
  mediationCaseFiles,
  pufaActivityPhotos,
  recordFiles,
  taskReports,
  townshipFiles,
} from '../src/db/schema.js';

const t = useTestDatabase();

const X = '330728101000'; // 白石镇, the township officer's scope
const Y = '330728102000'; // 青山镇, another township
const X_VILLAGE = '330728101201';
const Y_VILLAGE = '330728102201';
const COUNTY = '330728000000';

type Caller = Awaited<ReturnType<typeof t.as>>;
const procedures = routerProcedures();
const paths = Object.keys(procedures).sort();

/** Procedures any signed-in user may call about themselves (no other user's data). */
const selfOnly = new Set(['auth.logout', 'auth.me', 'auth.changePassword']);
/**
 * Mutations whose service decides by role and assignment (an assigned inspector scores, and
 * removes evidence of the county column).
 */
const serviceDecides = new Set(['participations.saveSheet', 'participations.removeEvidence']);

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const [group, name] = path.split('.') as [string, string];
  const fn = (
    caller as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>
  )[group]![name]!;
  return fn(input);
}

/** A user, a campaign participation and a title in township Y, and audit events about them. */
async function somethingInY() {
  const county = await t.as('county');
  const yUser = await county.users.create({
    username: 'y_officer',
    displayName: '青山镇 干部',
    password: 'Yofficer2026',
    role: 'township_officer',
    scopeCode: Y,
  });
  const { campaign, framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE, Y_VILLAGE]);
  await t.db.insert(titles).values([
    {
      countyCode: '330728000000',
      villageCode: Y_VILLAGE,
      level: 'county',
      year: 2024,
      namedOn: '2024-06-01',
    },
    {
      countyCode: '330728000000',
      villageCode: X_VILLAGE,
      level: 'county',
      year: 2024,
      namedOn: '2024-06-01',
    },
  ]);
  const yTitle = (await t.db.select().from(titles)).find((r) => r.villageCode === Y_VILLAGE)!;
  return { yUser, campaign, framework, yParticipation: ids[Y_VILLAGE]!, yTitle };
}

/** A meeting, a disclosure and filed rules of township Y's village, entered by the county. */
async function recordsInY() {
  const county = await t.as('county');
  const meeting = await county.meetings.save({
    ...(sampleInput['meetings.save'] as object),
    villageCode: Y_VILLAGE,
  } as never);
  const disclosure = await county.disclosures.save({
    ...(sampleInput['disclosures.save'] as object),
    villageCode: Y_VILLAGE,
  } as never);
  const rules = await county.villageRules.save({
    ...(sampleInput['villageRules.save'] as object),
    villageCode: Y_VILLAGE,
    filedOn: '2026-02-10',
  } as never);
  const matter = await county.matters.save({
    ...(sampleInput['matters.save'] as object),
    villageCode: Y_VILLAGE,
  } as never);
  const election = await county.elections.save({
    ...(sampleInput['elections.save'] as object),
    villageCode: Y_VILLAGE,
  } as never);
  return { meeting, disclosure, rules, matter, election };
}

/** A file row of a meeting (its bytes do not matter to these checks). */
async function recordFileOf(meetingId: string, villageCode: string): Promise<string> {
  const [row] = await t.db
    .insert(recordFiles)
    .values({
      countyCode: COUNTY,
      villageCode,
      recordKind: 'meeting',
      meetingId,
      purpose: 'minutes',
      fileName: '会议记录.pdf',
      mimeType: 'application/pdf',
      size: 1,
      sha256: '0'.repeat(64),
      storagePath: `evidence/${COUNTY}/${meetingId}/x.pdf`,
    })
    .returning();
  return row!.id;
}

/** A task and a comment of township Y's village, entered by the county. */
async function townshipWorkInY() {
  const county = await t.as('county');
  const task = await county.tasks.save({
    ...(sampleInput['tasks.save'] as object),
    assignerCode: Y,
    ownerCode: Y_VILLAGE,
  } as never);
  const comment = await county.comments.save({
    ...(sampleInput['comments.save'] as object),
    divisionCode: Y_VILLAGE,
    ownerCode: Y_VILLAGE,
  } as never);
  return { task, comment };
}

/** A change to township Y's task is refused: the task is not found inside the scope. */
const taskOfYNotFound =
  (path: string) =>
  async (x: Caller): Promise<void> => {
    const { task } = await townshipWorkInY();
    await expectError(
      call(x, path, { ...(sampleInput[path] as object), id: task.id }),
      'NOT_FOUND',
    );
  };

/** A read of township Y by its division code is refused for being out of scope. */
const divisionOfY =
  (path: string) =>
  async (x: Caller): Promise<void> => {
    await expectError(
      call(x, path, { ...(sampleInput[path] as object), divisionCode: Y }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  };

/** A read of township Y's village is refused for being out of scope. */
const refusedForY =
  (path: string) =>
  async (x: Caller): Promise<void> => {
    await expectError(
      call(x, path, { ...(sampleInput[path] as object), villageCode: Y_VILLAGE }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  };

/** An adviser of the county with a duty day in township Y and a service in its village. */
async function adviserWorkInY() {
  const county = await t.as('county');
  const adviser = await county.advisers.save(sampleInput['advisers.save'] as never);
  const duty = await county.advisers.saveDutyDay({
    ...(sampleInput['advisers.saveDutyDay'] as object),
    adviserId: adviser.id,
    townshipCode: Y,
  } as never);
  const service = await county.advisers.saveService({
    ...(sampleInput['advisers.saveService'] as object),
    adviserId: adviser.id,
    divisionCode: Y_VILLAGE,
  } as never);
  return { adviser, duty, service };
}

/** A 普法 activity of township Y's village with one photo (its row only). */
async function photoInY() {
  const county = await t.as('county');
  const activity = await county.pufa.saveActivity({
    ...(sampleInput['pufa.saveActivity'] as object),
    divisionCode: Y_VILLAGE,
  } as never);
  const [photo] = await t.db
    .insert(pufaActivityPhotos)
    .values({
      countyCode: '330728000000',
      divisionCode: Y_VILLAGE,
      activityId: activity.id,
      fileName: '讲座.jpg',
      mimeType: 'image/jpeg',
      size: 3,
      sha256: '0'.repeat(64),
      storagePath: `evidence/330728000000/${activity.id}/x.jpg`,
    })
    .returning();
  return { activity, photoId: photo!.id };
}

/** A mediation case of township Y's village with one file (its row only). */
async function caseFileInY() {
  const county = await t.as('county');
  const c = await county.mediation.save({
    ...(sampleInput['mediation.save'] as object),
    divisionCode: Y_VILLAGE,
  } as never);
  const [file] = await t.db
    .insert(mediationCaseFiles)
    .values({
      countyCode: '330728000000',
      divisionCode: Y_VILLAGE,
      caseId: c.id,
      fileName: '调解协议书.pdf',
      mimeType: 'application/pdf',
      size: 3,
      sha256: '0'.repeat(64),
      storagePath: `evidence/330728000000/${c.id}/x.pdf`,
    })
    .returning();
  return { mediationCase: c, fileId: file!.id };
}

/** For each procedure: how a township officer of X is kept away from township Y. */
const outsideChecks: Record<
  string,
  (x: Caller, y: Awaited<ReturnType<typeof somethingInY>>) => Promise<void>
> = {
  'auth.login': async () => {}, // public; covered by the credentials tests
  'auth.logout': async () => {},
  'auth.me': async (x) => {
    expect((await x.auth.me()).scopeCode).toBe(X);
  },
  'auth.changePassword': async () => {},
  'audit.list': async (x) => {
    const { items } = await x.audit.list({ pageSize: 200 });
    for (const e of items) expect(e.divisionCode?.startsWith('330728101')).toBe(true);
    expect(items.some((e) => e.divisionCode === Y)).toBe(false);
    const filtered = await x.audit.list({ divisionCode: Y }).catch((e: unknown) => e);
    expect(filtered).toMatchObject({ code: 'FORBIDDEN' });
  },
  'audit.actions': async (x) => {
    expect((await x.audit.actions()).map((a) => a.action)).not.toContain('users.create');
  },
  'dashboard.summary': async (x) => {
    expect(await x.dashboard.summary()).toEqual({ townships: 1, villages: 24, users: 2 });
  },
  'dashboard.todo': async (x, y) => {
    // township Y's village is submitted too, but only X's counts for X's officer
    await t.db.execute(
      sql`update campaigns set stage = 'township_review' where id = ${y.campaign.id}`,
    );
    await t.db.execute(sql`update participations set state = 'self_assessed'`);
    expect(await x.dashboard.todo()).toMatchObject([{ task: 'township_review', count: 1 }]);
    expect(await (await t.as('county')).dashboard.todo()).toEqual([]);
  },
  'divisions.get': async (x) => {
    await expectError(x.divisions.get({ code: Y_VILLAGE }), 'FORBIDDEN', 'OUT_OF_SCOPE');
    await expectError(x.divisions.get({ code: '330728000000' }), 'FORBIDDEN');
  },
  'divisions.children': async (x) => {
    await expectError(x.divisions.children({ parentCode: Y }), 'FORBIDDEN');
    await expectError(x.divisions.children({ parentCode: '330728000000' }), 'FORBIDDEN');
  },
  'divisions.search': async (x) => {
    const yName = (await (await t.as('county')).divisions.get({ code: Y_VILLAGE })).name;
    expect(await x.divisions.search({ q: yName })).toEqual([]);
    const all = await x.divisions.search({ q: '村', limit: 100 });
    expect(all.length).toBeGreaterThan(0);
    for (const d of all) expect(d.code.startsWith('330728101')).toBe(true);
    expect(await x.divisions.search({ q: '330728102' })).toEqual([]);
  },
  'divisions.import': async (x) => {
    await expectError(x.divisions.import({ csv: `${Y_VILLAGE},改名村\n` }), 'FORBIDDEN');
  },
  'users.list': async (x, y) => {
    const { items } = await x.users.list({ pageSize: 200 });
    expect(items.map((u) => u.username).sort()).toEqual(['clerk', 'township']);
    expect(items.some((u) => u.id === y.yUser.id)).toBe(false);
  },
  'users.create': async (x) => {
    await expectError(
      x.users.create({ ...(sampleInput['users.create'] as object), scopeCode: Y_VILLAGE } as never),
      'FORBIDDEN',
    );
  },
  'users.update': async (x, y) => {
    await expectError(x.users.update({ id: y.yUser.id, displayName: '越权' }), 'NOT_FOUND');
    await expectError(x.users.update({ id: y.yUser.id, disabled: true }), 'NOT_FOUND');
  },
  // A county's campaign is visible to its townships; its villages are not.
  'campaigns.list': async (x, y) => {
    const { items } = await x.campaigns.list({});
    expect(items.map((c) => c.id)).toEqual([y.campaign.id]);
    // the counts are those of the caller's villages: township Y's are left out
    expect(items[0]!.counts).toEqual({ declared: 1 });
    const county = await (await t.as('county')).campaigns.list({});
    expect(county.items[0]!.counts).toEqual({ declared: 2 });
  },
  'campaigns.get': async (x, y) => {
    expect((await x.campaigns.get({ id: y.campaign.id })).counts).toEqual({ declared: 1 });
  },
  'campaigns.create': async (x, y) => {
    await expectError(
      x.campaigns.create({
        countyCode: '330728000000',
        name: '越权',
        year: 2026,
        level: 'county',
        frameworkId: y.framework.id,
      }),
      'FORBIDDEN',
    );
  },
  'campaigns.update': async (x, y) => {
    await expectError(x.campaigns.update({ id: y.campaign.id, name: '越权改名' }), 'FORBIDDEN');
  },
  'campaigns.remove': async (x, y) => {
    await expectError(x.campaigns.remove({ id: y.campaign.id }), 'FORBIDDEN');
  },
  'campaigns.advance': async (x, y) => {
    await expectError(x.campaigns.advance({ id: y.campaign.id }), 'FORBIDDEN');
  },
  'campaigns.ranking': async (x, y) => {
    await t.db.execute(
      sql`update participations set county_total = 9000, county_grade = 'excellent'`,
    );
    const ranking = await x.campaigns.ranking({ id: y.campaign.id });
    expect(ranking.items.map((r) => r.villageCode)).toEqual([X_VILLAGE]);
    expect(ranking.total).toBe(1);
  },
  'campaigns.results': async (x, y) => {
    await t.db.execute(
      sql`update participations set county_total = 9000, county_grade = 'excellent'`,
    );
    const results = await x.campaigns.results({ id: y.campaign.id });
    expect(results.summary.count).toBe(1);
    expect(results.progress.map((p) => [p.townshipCode, p.townshipName])).toEqual([[X, '白石镇']]);
  },
  'campaigns.setNotice': async (x, y) => {
    await expectError(
      x.campaigns.setNotice({
        id: y.campaign.id,
        issuer: '青山镇',
        contact: '0579-0000000',
        issuedOn: '2026-03-01',
      }),
      'FORBIDDEN',
    );
  },
  'campaigns.closingPreview': async (x, y) => {
    await expectError(x.campaigns.closingPreview({ id: y.campaign.id }), 'FORBIDDEN');
  },
  'campaigns.close': async (x, y) => {
    await expectError(x.campaigns.close({ id: y.campaign.id, summary: '总结' }), 'FORBIDDEN');
  },
  'campaigns.lateSubjects': async (x, y) => {
    await t.db.execute(
      sql`update campaigns set stage_dates = '{"self_assess":"2020-01-01"}'::jsonb where id = ${y.campaign.id}`,
    );
    const late = await x.campaigns.lateSubjects({ id: y.campaign.id });
    expect(late.items.map((i) => i.villageCode)).toEqual([X_VILLAGE]);
    expect(late.byTownship.map((b) => b.townshipCode)).toEqual([X]);
  },
  'campaigns.extendDeadline': async (x, y) => {
    await expectError(
      x.campaigns.extendDeadline({
        id: y.campaign.id,
        stage: 'self_assess',
        to: '2026-05-01',
        reason: '顺延',
      }),
      'FORBIDDEN',
    );
  },
  'campaigns.deadlineExtensions': async (x, y) => {
    // the county's extensions concern the whole campaign, not township Y's data
    await (
      await t.as('county')
    ).campaigns.extendDeadline({
      id: y.campaign.id,
      stage: 'self_assess',
      to: '2026-05-01',
      reason: '顺延',
    });
    expect((await x.campaigns.deadlineExtensions({ id: y.campaign.id })).total).toBe(1);
  },
  'campaigns.grantCrossCheck': async (x, y) => {
    const me = await x.auth.me();
    await expectError(
      x.campaigns.grantCrossCheck({ id: y.campaign.id, userId: me.id, townshipCode: Y }),
      'FORBIDDEN',
    );
    // without a grant, Y's participation stays out of reach
    await expectError(x.participations.get({ id: y.yParticipation }), 'NOT_FOUND');
  },
  'campaigns.revokeCrossCheck': async (x, y) => {
    const grant = await (
      await t.as('county')
    ).campaigns.grantCrossCheck({
      id: y.campaign.id,
      userId: y.yUser.id,
      townshipCode: '330728103000',
    });
    await expectError(
      x.campaigns.revokeCrossCheck({ id: y.campaign.id, grantId: grant.id }),
      'FORBIDDEN',
    );
    expect((await (await t.as('county')).campaigns.crossChecks({ id: y.campaign.id })).total).toBe(
      1,
    );
  },
  'campaigns.crossChecks': async (x, y) => {
    // township Y's officer cross-checks a third township: nothing of it reaches X
    await (
      await t.as('county')
    ).campaigns.grantCrossCheck({
      id: y.campaign.id,
      userId: y.yUser.id,
      townshipCode: '330728103000',
    });
    expect((await x.campaigns.crossChecks({ id: y.campaign.id })).items).toEqual([]);
  },
  'campaigns.recordPilotMeeting': async (x, y) => {
    await expectError(
      x.campaigns.recordPilotMeeting({
        ...(sampleInput['campaigns.recordPilotMeeting'] as object),
        id: y.campaign.id,
      } as never),
      'FORBIDDEN',
    );
  },
  'campaigns.pilotMeetings': async (x, y) => {
    // the county's meetings concern the whole campaign; none here
    expect((await x.campaigns.pilotMeetings({ id: y.campaign.id })).total).toBe(0);
  },
  'campaigns.rollOut': async (x, y) => {
    await expectError(x.campaigns.rollOut({ id: y.campaign.id }), 'FORBIDDEN');
  },
  'dashboard.notices': async (x, y) => {
    // township Y returns its village's sheet: the county hears of it, township X does not
    await t.db.execute(
      sql`update campaigns set stage = 'township_review' where id = ${y.campaign.id}`,
    );
    await t.db.execute(sql`update participations set state = 'self_assessed'`);
    const yOfficer = await t.as('y_officer');
    const sheet = await yOfficer.participations.get({ id: y.yParticipation });
    await yOfficer.participations.transition({
      id: y.yParticipation,
      version: sheet.participation.version,
      event: { type: 'return', reason: '材料不全' },
    });
    expect(await x.dashboard.notices()).toEqual([]);
    const county = await (await t.as('county')).dashboard.notices();
    expect(county.map((n) => n.villageCode)).toEqual([Y_VILLAGE]);
  },
  'campaigns.noticeList': async (x, y) => {
    await t.db.execute(sql`update participations set state = 'posted', posted_on = '2026-03-01'`);
    expect(
      (await x.campaigns.noticeList({ id: y.campaign.id })).rows.map((r) => r.villageCode),
    ).toEqual([X_VILLAGE]);
  },
  'frameworks.list': async (x) => {
    // the shared ones (another county's imports: frameworks.test.ts)
    const list = await x.frameworks.list();
    expect(list.length).toBeGreaterThan(0);
    for (const f of list) expect([null, '330728000000']).toContain(f.ownerCountyCode);
  },
  'frameworks.get': async (x, y) => {
    const framework = await x.frameworks.get({ id: y.framework.id });
    expect(framework.code).toBe('demo-county-2026');
    expect(framework.definition.areas.length).toBeGreaterThan(0);
  },
  'frameworks.import': async (x) => {
    await expectError(x.frameworks.import({ definition: {} }), 'FORBIDDEN');
  },
  'participations.list': async (x, y) => {
    const { items } = await x.participations.list({ campaignId: y.campaign.id });
    expect(items.map((p) => p.villageCode)).toEqual([X_VILLAGE]);
  },
  'participations.get': async (x, y) => {
    await expectError(x.participations.get({ id: y.yParticipation }), 'NOT_FOUND');
  },
  'participations.declare': async (x, y) => {
    await expectError(
      x.participations.declare({ campaignId: y.campaign.id, villageCode: '330728102202' }),
      'FORBIDDEN',
    );
  },
  'participations.saveSheet': async (x, y) => {
    await expectError(
      x.participations.saveSheet({
        id: y.yParticipation,
        version: 1,
        column: 'township',
        data: goodSheet(y.framework.definition),
      }),
      'NOT_FOUND',
    );
  },
  'participations.bulkPreview': async (x, y) => {
    await expectError(
      x.participations.bulkPreview({ campaignId: y.campaign.id, event: 'accept' }),
      'FORBIDDEN',
    );
  },
  'participations.bulkTransition': async (x, y) => {
    await expectError(
      x.participations.bulkTransition({
        campaignId: y.campaign.id,
        event: 'accept',
        items: [{ id: y.yParticipation, version: 1 }],
      }),
      'FORBIDDEN',
    );
  },
  'participations.transition': async (x, y) => {
    await expectError(
      x.participations.transition({
        id: y.yParticipation,
        version: 1,
        event: { type: 'withdraw', reason: '越权' },
      }),
      'NOT_FOUND',
    );
  },
  'participations.removeEvidence': async (x, y) => {
    const [file] = await t.db
      .insert(evidenceFiles)
      .values({
        countyCode: '330728000000',
        participationId: y.yParticipation,
        itemCode: y.framework.definition.areas[0]!.items[0]!.code,
        column: 'township',
        fileName: '越权.pdf',
        mimeType: 'application/pdf',
        size: 1,
        sha256: '0'.repeat(64),
        storagePath: 'evidence/none.pdf',
      })
      .returning();
    // even in the township's own review stage: Y's file is not there for X
    await t.db.execute(sql`update campaigns set stage = 'township_review'`);
    await t.db.execute(sql`update participations set state = 'self_assessed'`);
    await expectError(x.participations.removeEvidence({ id: file!.id }), 'NOT_FOUND');
    expect(await t.db.select().from(evidenceFiles)).toHaveLength(1);
  },
  'titles.list': async (x) => {
    expect((await x.titles.list({})).items.map((r) => r.villageCode)).toEqual([X_VILLAGE]);
  },
  'titles.revocationReasons': async (x) => {
    expect((await x.titles.revocationReasons()).length).toBeGreaterThan(0);
  },
  'titles.recheck': async (x, y) => {
    await expectError(
      x.titles.recheck({ ids: [y.yTitle.id], outcome: 'revoke', reasons: ['other'] }),
      'FORBIDDEN',
    );
  },
  // the list is the deployment's: only the system administrator keeps it
  'titles.saveRevocationReason': async (x) => {
    const input = { code: 'other', nameZh: '越权改名', nameEn: 'Renamed' };
    await expectError(x.titles.saveRevocationReason(input), 'FORBIDDEN', 'ROLE_FORBIDDEN');
    await expectError(
      (await t.as('county')).titles.saveRevocationReason(input),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
    const names = (await x.titles.revocationReasons()).map((r) => r.nameZh);
    expect(names).not.toContain('越权改名');
  },
  'titles.get': async (x, y) => {
    await expectError(x.titles.get({ id: y.yTitle.id }), 'NOT_FOUND');
  },
  'titles.timeline': async (x, y) => {
    await expectError(x.titles.timeline({ id: y.yTitle.id }), 'NOT_FOUND');
  },
  // county units are the county administrators'
  'units.list': async (x) => {
    await expectError(x.units.list({}), 'FORBIDDEN', 'ROLE_FORBIDDEN');
  },
  'units.save': async (x) => {
    // the county is outside the township's scope, and the role may not anyway
    await expectError(x.units.save(sampleInput['units.save'] as never), 'FORBIDDEN');
    expect((await (await t.as('county')).units.list({})).total).toBe(0);
  },
  'participations.setOutcome': async (x, y) => {
    await expectError(
      x.participations.setOutcome({ id: y.yParticipation, version: 1, outcome: 'commended' }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  },
  'titles.recordDecision': async (x) => {
    const input = { ...(sampleInput['titles.recordDecision'] as object), villageCode: Y_VILLAGE };
    await expectError(x.titles.recordDecision(input as never), 'FORBIDDEN');
  },
  'titles.addCheck': async (x, y) => {
    await expectError(
      x.titles.addCheck({
        ...(sampleInput['titles.addCheck'] as object),
        titleId: y.yTitle.id,
      } as never),
      'NOT_FOUND',
    );
  },
  'titles.addComplaint': async (x, y) => {
    await expectError(
      x.titles.addComplaint({
        ...(sampleInput['titles.addComplaint'] as object),
        titleId: y.yTitle.id,
      } as never),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  },
  'titles.answerComplaint': async (x, y) => {
    const { id } = await (
      await t.as('county')
    ).titles.addComplaint({
      titleId: y.yTitle.id,
      receivedOn: '2025-02-01',
      channel: 'phone',
      substance: '内容',
    });
    await expectError(
      x.titles.answerComplaint({ id, version: 1, reply: '答复', repliedOn: '2025-02-02' }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  },
  'titles.issueRectification': async (x, y) => {
    await expectError(
      x.titles.issueRectification({
        ...(sampleInput['titles.issueRectification'] as object),
        titleId: y.yTitle.id,
      } as never),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  },
  'titles.reportRectification': async (x) => {
    await expectError(
      x.titles.reportRectification(sampleInput['titles.reportRectification'] as never),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  },
  'titles.completeRectification': async (x, y) => {
    const { id } = await (
      await t.as('county')
    ).titles.issueRectification({
      titleId: y.yTitle.id,
      issuedOn: '2025-02-01',
      findings: '整改',
      deadline: '2025-03-01',
    });
    await expectError(
      x.titles.completeRectification({ id, version: 1, completedOn: '2025-02-20' }),
      'NOT_FOUND',
    );
  },
  'titles.previewRecheckBatch': async (x) => {
    await expectError(x.titles.previewRecheckBatch({}), 'FORBIDDEN', 'ROLE_FORBIDDEN');
  },
  'titles.openRecheckBatch': async (x) => {
    await expectError(
      x.titles.openRecheckBatch({ expectedTotal: 1 }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  },
  'titles.decideRecheck': async (x, y) => {
    const county = await t.as('county');
    const { batchId } = await county.titles.openRecheckBatch({ level: 'county', expectedTotal: 2 });
    const open = await county.titles.timeline({ id: y.yTitle.id, kind: 'recheck' });
    expect(open.items[0]).toMatchObject({ batchId });
    await expectError(
      x.titles.decideRecheck({ id: open.items[0]!.id, version: 1, outcome: 'keep' }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  },
  // village records: every read and write of township Y's village is refused
  'groups.list': refusedForY('groups.list'),
  'groups.save': refusedForY('groups.save'),
  'groups.import': refusedForY('groups.import'),
  'meetings.list': refusedForY('meetings.list'),
  'meetings.save': refusedForY('meetings.save'),
  'meetings.get': async (x) => {
    const { meeting } = await recordsInY();
    await expectError(x.meetings.get({ id: meeting.id }), 'NOT_FOUND');
  },
  'meetings.remove': async (x) => {
    const { meeting } = await recordsInY();
    await expectError(x.meetings.remove({ id: meeting.id, version: meeting.version }), 'NOT_FOUND');
    expect((await (await t.as('county')).meetings.get({ id: meeting.id })).id).toBe(meeting.id);
  },
  'disclosures.list': refusedForY('disclosures.list'),
  'disclosures.save': refusedForY('disclosures.save'),
  'disclosures.compliance': refusedForY('disclosures.compliance'),
  'disclosures.remove': async (x) => {
    const { disclosure } = await recordsInY();
    await expectError(
      x.disclosures.remove({ id: disclosure.id, version: disclosure.version }),
      'NOT_FOUND',
    );
  },
  'recordFiles.list': async (x) => {
    const { meeting } = await recordsInY();
    await expectError(
      x.recordFiles.list({ recordKind: 'meeting', recordId: meeting.id }),
      'NOT_FOUND',
    );
  },
  'recordFiles.remove': async (x) => {
    const { meeting } = await recordsInY();
    const id = await recordFileOf(meeting.id, Y_VILLAGE);
    await expectError(x.recordFiles.remove({ id }), 'NOT_FOUND');
    expect(await t.db.select().from(recordFiles)).toHaveLength(1);
  },
  'matters.list': refusedForY('matters.list'),
  'matters.save': refusedForY('matters.save'),
  'matters.remove': async (x) => {
    const { matter } = await recordsInY();
    await expectError(x.matters.remove({ id: matter.id, version: matter.version }), 'NOT_FOUND');
    expect(await (await t.as('county')).matters.list({ villageCode: Y_VILLAGE })).toHaveLength(1);
  },
  'villageRules.list': refusedForY('villageRules.list'),
  'villageRules.save': refusedForY('villageRules.save'),
  'villageRules.review': async (x) => {
    const { rules } = await recordsInY();
    await expectError(
      x.villageRules.review({
        ...(sampleInput['villageRules.review'] as object),
        id: rules.id,
        version: rules.version,
      } as never),
      'NOT_FOUND',
    );
  },
  'elections.list': refusedForY('elections.list'),
  'elections.save': refusedForY('elections.save'),
  'elections.remove': async (x) => {
    const { election } = await recordsInY();
    await expectError(
      x.elections.remove({ id: election.id, version: election.version }),
      'NOT_FOUND',
    );
    expect(await (await t.as('county')).elections.list({ villageCode: Y_VILLAGE })).toHaveLength(1);
  },
  'records.metrics': refusedForY('records.metrics'),
  'records.ledger': refusedForY('records.ledger'),
  'records.importLedger': refusedForY('records.importLedger'),
  'records.derivedAnswers': async (x, y) => {
    await recordsInY();
    await expectError(x.records.derivedAnswers({ participationId: y.yParticipation }), 'NOT_FOUND');
  },
  // rule-of-law work registers: nothing of township Y, and the county alone reopens a month
  'mediation.list': async (x) => {
    await expectError(x.mediation.list({ divisionCode: Y_VILLAGE }), 'FORBIDDEN', 'OUT_OF_SCOPE');
    await expectError(x.mediation.list({ divisionCode: COUNTY }), 'FORBIDDEN', 'OUT_OF_SCOPE');
  },
  'mediation.save': async (x) => {
    await expectError(
      x.mediation.save({ ...(sampleInput['mediation.save'] as object), divisionCode: Y } as never),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  'mediation.remove': async (x) => {
    const county = await t.as('county');
    const c = await county.mediation.save({
      ...(sampleInput['mediation.save'] as object),
      divisionCode: Y_VILLAGE,
    } as never);
    await expectError(x.mediation.remove({ id: c.id, version: c.version }), 'NOT_FOUND');
    expect((await county.mediation.list({ divisionCode: Y_VILLAGE })).total).toBe(1);
  },
  'screenings.list': async (x) => {
    await expectError(
      x.screenings.list({
        ...(sampleInput['screenings.list'] as object),
        divisionCode: Y,
      } as never),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  'screenings.save': async (x) => {
    await expectError(
      x.screenings.save({
        ...(sampleInput['screenings.save'] as object),
        villageCode: Y_VILLAGE,
      } as never),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  'screenings.reporting': async (x) => {
    await expectError(
      x.screenings.reporting({
        ...(sampleInput['screenings.reporting'] as object),
        divisionCode: COUNTY,
      } as never),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  'periods.list': async (x) => {
    await expectError(
      x.periods.list({ divisionCode: Y, from: '2026-01', to: '2026-11' }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  'periods.lock': async (x) => {
    await expectError(x.periods.lock({ townshipCode: Y, month: '2026-10' }), 'FORBIDDEN');
  },
  'periods.reopen': async (x) => {
    await (await t.as('county')).periods.lock({ townshipCode: X, month: '2026-10' });
    // not even their own township: reopening is the county's
    await expectError(
      x.periods.reopen({ townshipCode: X, month: '2026-10', reason: '想改' }),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  },
  'statistics.mediation': async (x) => {
    const range = { from: '2026-01-01', to: '2026-12-31' };
    await expectError(
      x.statistics.mediation({ divisionCode: Y, ...range }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
    await expectError(
      x.statistics.mediation({ divisionCode: COUNTY, ...range }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  // legal advisers are kept by the county; a township reads and records only its own
  'advisers.list': divisionOfY('advisers.list'),
  'advisers.save': async (x) => {
    await expectError(x.advisers.save(sampleInput['advisers.save'] as never), 'FORBIDDEN');
  },
  'advisers.saveContract': async (x) => {
    await expectError(
      x.advisers.saveContract(sampleInput['advisers.saveContract'] as never),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  },
  'advisers.removeContract': async (x) => {
    await expectError(
      x.advisers.removeContract(sampleInput['advisers.removeContract'] as never),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  },
  'advisers.dutyDays': divisionOfY('advisers.dutyDays'),
  'advisers.exportDutyDays': divisionOfY('advisers.exportDutyDays'),
  'advisers.importDutyDays': divisionOfY('advisers.importDutyDays'),
  'advisers.removeDutyDay': async (x) => {
    const { duty } = await adviserWorkInY();
    await expectError(
      x.advisers.removeDutyDay({ id: duty.id, version: duty.version }),
      'NOT_FOUND',
    );
    expect(await t.db.select().from(adviserDutyDays)).toHaveLength(1);
  },
  'advisers.exportServices': divisionOfY('advisers.exportServices'),
  'advisers.importServices': divisionOfY('advisers.importServices'),
  'advisers.removeService': async (x) => {
    const { service } = await adviserWorkInY();
    await expectError(
      x.advisers.removeService({ id: service.id, version: service.version }),
      'NOT_FOUND',
    );
    expect(await t.db.select().from(adviserServices)).toHaveLength(1);
  },
  'advisers.saveDutyDay': async (x) => {
    await expectError(
      x.advisers.saveDutyDay({
        ...(sampleInput['advisers.saveDutyDay'] as object),
        townshipCode: Y,
      } as never),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  'advisers.services': divisionOfY('advisers.services'),
  'advisers.saveService': async (x) => {
    await expectError(
      x.advisers.saveService({
        ...(sampleInput['advisers.saveService'] as object),
        divisionCode: Y_VILLAGE,
      } as never),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  'advisers.coverage': divisionOfY('advisers.coverage'),
  'corrections.list': divisionOfY('corrections.list'),
  'corrections.save': async (x) => {
    await expectError(
      x.corrections.save({
        ...(sampleInput['corrections.save'] as object),
        townshipCode: Y,
      } as never),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  'corrections.statistics': divisionOfY('corrections.statistics'),
  // the 普法 register: nothing of township Y, and the county's plan is out of a township's reach
  'pufa.listActivities': divisionOfY('pufa.listActivities'),
  'pufa.saveActivity': divisionOfY('pufa.saveActivity'),
  'pufa.removeActivity': async (x) => {
    const county = await t.as('county');
    const a = await county.pufa.saveActivity({
      ...(sampleInput['pufa.saveActivity'] as object),
      divisionCode: Y_VILLAGE,
    } as never);
    await expectError(x.pufa.removeActivity({ id: a.id, version: a.version }), 'NOT_FOUND');
    expect((await county.pufa.listActivities({ divisionCode: Y_VILLAGE })).total).toBe(1);
  },
  'mediation.export': divisionOfY('mediation.export'),
  'mediation.import': divisionOfY('mediation.import'),
  'mediation.files': async (x) => {
    const { mediationCase } = await caseFileInY();
    await expectError(x.mediation.files({ caseId: mediationCase.id }), 'NOT_FOUND');
  },
  'mediation.removeFile': async (x) => {
    const { fileId } = await caseFileInY();
    await expectError(x.mediation.removeFile({ id: fileId }), 'NOT_FOUND');
    expect(await t.db.select().from(mediationCaseFiles)).toHaveLength(1);
  },
  'pufa.exportActivities': divisionOfY('pufa.exportActivities'),
  'pufa.importActivities': divisionOfY('pufa.importActivities'),
  'pufa.activityPhotos': async (x) => {
    const { activity } = await photoInY();
    await expectError(x.pufa.activityPhotos({ activityId: activity.id }), 'NOT_FOUND');
  },
  'pufa.removeActivityPhoto': async (x) => {
    const { photoId } = await photoInY();
    await expectError(x.pufa.removeActivityPhoto({ id: photoId }), 'NOT_FOUND');
    expect(await t.db.select().from(pufaActivityPhotos)).toHaveLength(1);
  },
  'pufa.listRoster': divisionOfY('pufa.listRoster'),
  'pufa.exportRoster': divisionOfY('pufa.exportRoster'),
  'pufa.importRoster': divisionOfY('pufa.importRoster'),
  'pufa.saveRosterMember': refusedForY('pufa.saveRosterMember'),
  'pufa.removeRosterMember': async (x) => {
    const county = await t.as('county');
    const m = await county.pufa.saveRosterMember({
      ...(sampleInput['pufa.saveRosterMember'] as object),
      villageCode: Y_VILLAGE,
    } as never);
    await expectError(x.pufa.removeRosterMember({ id: m.id, version: m.version }), 'NOT_FOUND');
    expect((await county.pufa.listRoster({ divisionCode: Y_VILLAGE })).total).toBe(1);
  },
  'pufa.listPlan': async (x) => {
    await divisionOfY('pufa.listPlan')(x);
    await expectError(x.pufa.listPlan({ divisionCode: COUNTY, year: 2026 }), 'FORBIDDEN');
  },
  'pufa.savePlanItem': async (x) => {
    await divisionOfY('pufa.savePlanItem')(x);
    await expectError(
      x.pufa.savePlanItem({
        ...(sampleInput['pufa.savePlanItem'] as object),
        divisionCode: COUNTY,
      } as never),
      'FORBIDDEN',
    );
  },
  'pufa.removePlanItem': async (x) => {
    const county = await t.as('county');
    const item = await county.pufa.savePlanItem({
      ...(sampleInput['pufa.savePlanItem'] as object),
      divisionCode: Y,
    } as never);
    await expectError(x.pufa.removePlanItem({ id: item.id, version: item.version }), 'NOT_FOUND');
    expect((await county.pufa.listPlan({ divisionCode: Y, year: 2026 })).total).toBe(1);
  },
  'statistics.pufa': async (x) => {
    await divisionOfY('statistics.pufa')(x);
    await expectError(
      x.statistics.pufa({ divisionCode: COUNTY, from: '2026-01-01', to: '2026-12-31' }),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  'statistics.trend': async (x) => {
    for (const register of ['pufa', 'advisers', 'corrections'] as const) {
      for (const divisionCode of [Y, COUNTY]) {
        await expectError(
          x.statistics.trend({ register, divisionCode, from: '2026-01-01', to: '2026-12-31' }),
          'FORBIDDEN',
          'OUT_OF_SCOPE',
        );
      }
    }
  },
  'statistics.mediationMonthly': async (x) => {
    for (const divisionCode of [Y, COUNTY]) {
      await expectError(
        x.statistics.mediationMonthly({ divisionCode, year: 2026 }),
        'FORBIDDEN',
        'OUT_OF_SCOPE',
      );
    }
  },
  'reports.annual': async (x) => {
    for (const divisionCode of [Y, COUNTY]) {
      await expectError(
        x.reports.annual({ divisionCode, year: 2026 }),
        'FORBIDDEN',
        'OUT_OF_SCOPE',
      );
    }
    // their own township's report answers
    expect((await x.reports.annual({ divisionCode: X, year: 2026 })).division.code).toBe(X);
  },
  'records.compliance': async (x) => {
    await recordsInY();
    await expectError(
      x.records.compliance({ code: Y, from: '2026-01-01', to: '2026-06-30' }),
      'FORBIDDEN',
    );
    const { items: rows } = await x.records.compliance({
      code: X,
      from: '2026-01-01',
      to: '2026-06-30',
      pageSize: 200,
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.villageCode.startsWith('330728101')).toBe(true);
  },
  // township work: township Y's tasks and comments stay out of reach
  'tasks.list': divisionOfY('tasks.list'),
  'tasks.bulletin': divisionOfY('tasks.bulletin'),
  'tasks.bulletinWorkbook': divisionOfY('tasks.bulletinWorkbook'),
  'tasks.ratingMetrics': divisionOfY('tasks.ratingMetrics'),
  'townshipDashboard.summary': divisionOfY('townshipDashboard.summary'),
  'tasks.get': taskOfYNotFound('tasks.get'),
  'tasks.report': taskOfYNotFound('tasks.report'),
  'tasks.close': taskOfYNotFound('tasks.close'),
  'tasks.return': taskOfYNotFound('tasks.return'),
  'tasks.requestExtension': taskOfYNotFound('tasks.requestExtension'),
  'tasks.decideExtension': taskOfYNotFound('tasks.decideExtension'),
  'tasks.save': async (x) => {
    await expectError(
      x.tasks.save({ ...(sampleInput['tasks.save'] as object), ownerCode: Y_VILLAGE } as never),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
    const { task } = await townshipWorkInY();
    await expectError(
      x.tasks.save({ ...(sampleInput['tasks.save'] as object), id: task.id, version: 1 } as never),
      'NOT_FOUND',
    );
  },
  'projects.list': divisionOfY('projects.list'),
  'projects.save': divisionOfY('projects.save'),
  'projects.vote': async (x) => {
    const county = await t.as('county');
    const idea = await county.projects.save({
      ...(sampleInput['projects.save'] as object),
      divisionCode: Y,
      stage: 'shortlisted',
    } as never);
    await expectError(
      x.projects.vote({ ...(sampleInput['projects.vote'] as object), id: idea.id } as never),
      'NOT_FOUND',
    );
  },
  'comments.list': divisionOfY('comments.list'),
  'comments.save': async (x) => {
    await expectError(
      x.comments.save({
        ...(sampleInput['comments.save'] as object),
        divisionCode: Y_VILLAGE,
        ownerCode: Y_VILLAGE,
      } as never),
      'FORBIDDEN',
      'OUT_OF_SCOPE',
    );
  },
  'comments.reply': async (x) => {
    const { comment } = await townshipWorkInY();
    await expectError(
      x.comments.reply({ id: comment.id, version: 1, reply: '越权答复' }),
      'NOT_FOUND',
    );
  },
};
/** A key project of township Y with its first request, entered by the system administrator. */
async function keyProjectInY() {
  const admin = await t.as('admin');
  const project = await admin.budget.save({
    ...(sampleInput['budget.save'] as object),
    divisionCode: Y,
  } as never);
  return admin.budget.addRequest({
    ...(sampleInput['budget.addRequest'] as object),
    id: project.id,
    version: project.version,
  } as never);
}

/** A stage's record added to township Y's key project is not found. */
const keyProjectOfYNotFound =
  (path: string) =>
  async (x: Caller): Promise<void> => {
    const project = await keyProjectInY();
    const input = { ...(sampleInput[path] as object), id: project.id, version: project.version };
    await expectError(call(x, path, input), 'NOT_FOUND');
    expect((await (await t.as('county')).budget.get({ id: project.id })).version).toBe(
      project.version,
    );
  };

Object.assign(outsideChecks, {
  'budget.list': divisionOfY('budget.list'),
  'budget.save': async (x: Caller) => {
    await divisionOfY('budget.save')(x);
    const project = await keyProjectInY();
    await expectError(
      x.budget.save({
        ...(sampleInput['budget.save'] as object),
        id: project.id,
        version: project.version,
      } as never),
      'NOT_FOUND',
    );
  },
  'budget.get': keyProjectOfYNotFound('budget.get'),
  'budget.addRequest': keyProjectOfYNotFound('budget.addRequest'),
  'budget.addMeeting': keyProjectOfYNotFound('budget.addMeeting'),
  'budget.agreePlan': keyProjectOfYNotFound('budget.agreePlan'),
  'budget.recordTender': keyProjectOfYNotFound('budget.recordTender'),
  'budget.addInspection': keyProjectOfYNotFound('budget.addInspection'),
  'budget.recordAppraisal': keyProjectOfYNotFound('budget.recordAppraisal'),
  'budget.markRectified': keyProjectOfYNotFound('budget.markRectified'),
  'budget.updateRecord': async (x: Caller) => {
    const request = (await keyProjectInY()).records[0]!;
    await expectError(
      x.budget.updateRecord({ recordId: request.id, version: request.version, summary: '改' }),
      'NOT_FOUND',
    );
  },
  'budget.removeRecord': async (x: Caller) => {
    const request = (await keyProjectInY()).records[0]!;
    await expectError(
      x.budget.removeRecord({ recordId: request.id, version: request.version }),
      'NOT_FOUND',
    );
    expect(
      (await (await t.as('county')).budget.get({ id: (await keyProjectInY()).id })).records,
    ).toHaveLength(1);
  },
  'budget.removeRecordFile': async (x: Caller) => {
    const request = (await keyProjectInY()).records[0]!;
    const [file] = await t.db
      .insert(townshipFiles)
      .values(townshipFileOf(request.id, { budgetRecordId: request.id }))
      .returning();
    await expectError(x.budget.removeRecordFile({ id: file!.id }), 'NOT_FOUND');
  },
  'tasks.removeReportFile': async (x: Caller) => {
    const { task } = await townshipWorkInY();
    const [report] = await t.db
      .insert(taskReports)
      .values({ taskId: task.id, kind: 'progress', on: '2026-06-01', byName: '村干部' })
      .returning();
    const [file] = await t.db
      .insert(townshipFiles)
      .values(townshipFileOf(task.id, { taskReportId: report!.id }))
      .returning();
    await expectError(x.tasks.removeReportFile({ id: file!.id }), 'NOT_FOUND');
  },
} satisfies Record<string, (x: Caller) => Promise<void>>);

/** A `township_files` row of township Y (the bytes are not needed). */
function townshipFileOf(
  folderId: string,
  owner: { taskReportId: number } | { budgetRecordId: string },
) {
  return {
    countyCode: '330728000000',
    folderId,
    ...owner,
    fileName: '照片.jpg',
    mimeType: 'image/jpeg',
    size: 3,
    sha256: '0'.repeat(64),
    storagePath: `evidence/330728000000/${folderId}/x.jpg`,
  };
}

describe('the authorization tables', () => {
  it('cover every procedure of the router', () => {
    expect(Object.keys(sampleInput).sort()).toEqual(paths);
    expect(Object.keys(outsideChecks).sort()).toEqual(paths);
  });
});

describe('anonymous callers', () => {
  it.each(paths.filter((p) => p !== 'auth.login'))('are refused %s', async (path) => {
    await expectError(call(t.anonymous(), path, sampleInput[path]), 'UNAUTHORIZED');
  });

  it('may call auth.login', async () => {
    await expectError(
      call(t.anonymous(), 'auth.login', sampleInput['auth.login']),
      'UNAUTHORIZED',
      'BAD_CREDENTIALS',
    );
  });
});

describe('a township officer of township X', () => {
  it.each(paths)('gets nothing of township Y through %s', async (path) => {
    const y = await somethingInY();
    await outsideChecks[path]!(await t.as('township'), y);
  });
});

describe('the read-only inspector', () => {
  const mutations = paths.filter(
    (p) =>
      procedures[p] === 'mutation' &&
      !selfOnly.has(p) &&
      !serviceDecides.has(p) &&
      p !== 'auth.login',
  );
  it.each(mutations)('is refused %s', async (path) => {
    await expectError(call(await t.as('inspector'), path, sampleInput[path]), 'FORBIDDEN');
  });

  it('may still read inside the county', async () => {
    const inspector = await t.as('inspector');
    expect((await inspector.dashboard.summary()).villages).toBe(300);
  });
});

describe('user management', () => {
  it('a village clerk cannot create users', async () => {
    await expectError(
      (await t.as('clerk')).users.create(sampleInput['users.create'] as never),
      'FORBIDDEN',
      'ROLE_FORBIDDEN',
    );
  });

  const scopeFor: Record<Role, string> = {
    system_admin: '000000000000',
    county_admin: '330728000000',
    township_officer: X,
    inspector: X,
    unit_officer: '330728000000',
    village_clerk: X_VILLAGE,
  };
  const granters = [
    ['admin', 'system_admin'],
    ['county', 'county_admin'],
    ['township', 'township_officer'],
  ] as const;
  // every role at or above one's own, except that the system administrator grants every role
  const notBelow = granters.flatMap(([username, own]) =>
    roles
      .filter((r) => own !== 'system_admin' && roleRank[r] >= roleRank[own])
      .map((r) => [username, own, r] as const),
  );

  it('the table of refused grants covers peers and higher roles', () => {
    expect(notBelow.map(([, own, role]) => `${own}>${role}`)).toEqual([
      'county_admin>system_admin',
      'county_admin>county_admin',
      'township_officer>system_admin',
      'township_officer>county_admin',
      'township_officer>township_officer',
      'township_officer>inspector',
      'township_officer>unit_officer',
    ]);
  });

  it.each(notBelow)(
    '%s (%s) cannot grant %s, even inside their own scope',
    async (username, own, role) => {
      const caller = await t.as(username);
      await expectError(
        caller.users.create({
          username: `new_${role}`,
          displayName: '越级',
          password: 'Grant2026',
          role,
          scopeCode: scopeFor[own],
        }),
        'BAD_REQUEST',
        'ROLE_NOT_BELOW_OWN',
      );
    },
  );

  it('a township officer cannot raise a clerk above their own role', async () => {
    const township = await t.as('township');
    const { items } = await township.users.list({ role: 'village_clerk' });
    await expectError(
      township.users.update({ id: items[0]!.id, role: 'county_admin', scopeCode: '330728000000' }),
      'FORBIDDEN',
    );
    await expectError(
      township.users.update({ id: items[0]!.id, role: 'county_admin' }),
      'BAD_REQUEST',
      'ROLE_NOT_BELOW_OWN',
    );
  });

  it('a county admin cannot change the system administrator', async () => {
    const admin = await (await t.as('admin')).auth.me();
    await expectError(
      (await t.as('county')).users.update({ id: admin.id, displayName: 'x' }),
      'NOT_FOUND',
    );
  });

  it('within scope, each manager may grant the roles below their own', async () => {
    const township = await t.as('township');
    const created = await township.users.create({
      username: 'clerk2',
      displayName: '二号文书',
      password: 'Clerk2026',
      role: 'village_clerk',
      scopeCode: X_VILLAGE,
    });
    expect(created).toMatchObject({
      role: 'village_clerk',
      scopeCode: X_VILLAGE,
      scopeName: expect.any(String),
    });
    const county = await t.as('county');
    const officer = await county.users.create({
      username: 'officer2',
      displayName: '乡镇干部',
      password: 'Officer2026',
      role: 'township_officer',
      scopeCode: Y,
    });
    expect(officer.role).toBe('township_officer');
  });
});

describe('inspectors and the county column', () => {
  it('an inspector scores only when assigned to the campaign, and only in acceptance', async () => {
    const { campaign, framework, ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const id = ids[X_VILLAGE]!;
    await t.db.execute(sql`update campaigns set stage = 'county_acceptance'`);
    await t.db.execute(sql`update participations set state = 'township_approved'`);
    const inspector = await t.as('inspector');
    const version = (await inspector.participations.get({ id })).participation.version;
    const data = goodSheet(framework.definition);
    await expectError(
      inspector.participations.saveSheet({ id, version, column: 'county', data }),
      'FORBIDDEN',
      'NOT_YOUR_TURN',
    );
    const me = await inspector.auth.me();
    await t.db.execute(
      sql`update campaigns set inspector_ids = ${JSON.stringify([me.id])}::jsonb where id = ${campaign.id}`,
    );
    const saved = await inspector.participations.saveSheet({ id, version, column: 'county', data });
    expect(saved.total).toBe(100);
    // but an inspector never moves the village on
    await expectError(
      inspector.participations.transition({
        id,
        version: saved.version,
        event: { type: 'accept' },
      }),
      'FORBIDDEN',
      'READ_ONLY_ROLE',
    );
  });
});
