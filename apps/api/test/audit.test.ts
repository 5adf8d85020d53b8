import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, users } from '../src/db/schema.js';
import { inTransaction, router, writeProcedure } from '../src/trpc/init.js';
import { createContextInner } from '../src/trpc/context.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { countRows, recordingCookies, routerProcedures, useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import {
  annualTownshipAccepted,
  annualTownshipCampaign,
  createCampaign,
  demoFramework,
  goodSheet,
} from './campaign-fixture.js';
import { titles } from '../src/db/schema.js';
import { evidenceFiles, recordFiles, townshipFiles } from '../src/db/schema.js';
import { sampleInput } from './sample-inputs.js';
import {
  activityHeaders,
  activityRow,
  dutyHeaders,
  dutyRow,
  rosterHeaders,
  rosterRow,
  serviceHeaders,
  serviceRow,
  xlsxBase64,
  mediationHeaders,
  mediationRow,
} from './register-workbook-fixture.js';
import { mediationCaseFiles, pufaActivityPhotos } from '../src/db/schema.js';
import { eq } from 'drizzle-orm';
import { describeAuditChanges } from '../src/services/audit-wording.js';
import { redactAuditEvent } from '../src/services/campaigns/objector-identity.js';

const t = useTestDatabase();

async function snapshot() {
  const rows = await t.db.execute(sql`
    select (select count(*) from users)::int as users,
           (select count(*) from divisions)::int as divisions,
           (select count(*) from audit_events)::int as audit,
           (select md5(string_agg(u::text, ',' order by id)) from users u) as users_hash,
           (select md5(string_agg(d::text, ',' order by code)) from divisions d) as divisions_hash,
           (select md5(string_agg(c::text, ',' order by id)) from campaigns c) as campaigns_hash,
           (select md5(string_agg(p::text, ',' order by id)) from participations p) as participations_hash,
           (select md5(string_agg(f::text, ',' order by id)) from frameworks f) as frameworks_hash,
           (select md5(string_agg(x::text, ',' order by id)) from titles x) as titles_hash,
           (select md5(string_agg(r::text, ',' order by code)) from revocation_reasons r) as reasons_hash,
           (select md5(string_agg(g::text, ',' order by id)) from village_groups g) as groups_hash,
           (select md5(string_agg(m::text, ',' order by id)) from village_meetings m) as meetings_hash,
           (select md5(string_agg(r::text, ',' order by id)) from meeting_resolutions r) as resolutions_hash,
           (select md5(string_agg(d::text, ',' order by id)) from village_disclosures d) as disclosures_hash,
           (select md5(string_agg(m::text, ',' order by id)) from village_matters m) as matters_hash,
           (select md5(string_agg(v::text, ',' order by id)) from village_rule_versions v) as rules_hash,
           (select md5(string_agg(e::text, ',' order by id)) from village_elections e) as elections_hash,
           (select md5(string_agg(c::text, ',' order by id)) from mediation_cases c) as mediation_hash,
           (select md5(string_agg(s::text, ',' order by id)) from dispute_screenings s) as screenings_hash,
           (select md5(string_agg(p::text, ',' order by township_code, month)) from register_periods p) as periods_hash,
           (select md5(string_agg(a::text, ',' order by id)) from pufa_activities a) as pufa_activities_hash,
           (select md5(string_agg(r::text, ',' order by id)) from pufa_roster r) as pufa_roster_hash,
           (select md5(string_agg(p::text, ',' order by id)) from pufa_plan_items p) as pufa_plan_hash,
           (select md5(string_agg(p::text, ',' order by id)) from pufa_activity_photos p) as pufa_photos_hash,
           (select md5(string_agg(f::text, ',' order by id)) from mediation_case_files f) as case_files_hash,
           (select md5(string_agg(s::text, ',' order by id)) from supervision_tasks s) as tasks_hash,
           (select md5(string_agg(r::text, ',' order by id)) from task_reports r) as task_reports_hash,
           (select md5(string_agg(c::text, ',' order by id)) from public_comments c) as comments_hash,
           (select md5(string_agg(p::text, ',' order by id)) from villager_projects p) as projects_hash,
           (select md5(string_agg(k::text, ',' order by id)) from key_projects k) as key_projects_hash,
           (select md5(string_agg(r::text, ',' order by id)) from key_project_records r) as key_records_hash,
           (select md5(string_agg(f::text, ',' order by id)) from township_files f) as township_files_hash,
           (select md5(string_agg(a::text, ',' order by id)) from legal_advisers a) as advisers_hash,
           (select md5(string_agg(c::text, ',' order by id)) from adviser_contracts c) as contracts_hash,
           (select md5(string_agg(d::text, ',' order by id)) from adviser_duty_days d) as duty_days_hash,
           (select md5(string_agg(s::text, ',' order by id)) from adviser_services s) as services_hash,
           (select md5(string_agg(f::text, ',' order by id)) from correction_figures f) as corrections_hash`);
  return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows)[0];
}

async function events() {
  return t.db.select().from(auditEvents).orderBy(auditEvents.id);
}

const X_VILLAGE = '330728101201';

/** A task assigned by the township to the clerk's village; with `askClose`, closure requested. */
async function aTask(options: { askClose?: boolean; askExtension?: boolean } = {}) {
  const task = await (await t.as('township')).tasks.save(sampleInput['tasks.save'] as never);
  const clerk = await t.as('clerk');
  let version = task.version;
  if (options.askClose) {
    version = (await clerk.tasks.report({ id: task.id, version, text: '完成', requestClose: true }))
      .version;
  }
  if (options.askExtension) {
    version = (
      await clerk.tasks.requestExtension({ id: task.id, version, to: '2027-06-30', reason: '汛期' })
    ).version;
  }
  await t.db.execute(sql`truncate table audit_events restart identity`);
  return { id: task.id, version };
}

/** An adviser of the county with a 2026 contract of the clerk's village; no audit events left. */
async function anAdviser() {
  const county = await t.as('county');
  const adviser = await county.advisers.save(sampleInput['advisers.save'] as never);
  const contract = await county.advisers.saveContract({
    ...(sampleInput['advisers.saveContract'] as object),
    adviserId: adviser.id,
  } as never);
  await t.db.execute(sql`truncate table audit_events restart identity`);
  return { adviser, contract };
}

const budgetSteps = [
  'budget.addRequest',
  'budget.addMeeting',
  'budget.agreePlan',
  'budget.recordTender',
  'budget.addInspection',
  'budget.recordAppraisal',
] as const;

/**
 * A key project of the township with the records of the steps before `next` (none for
 * `budget.addRequest`); no audit events left. Its id and version.
 */
async function aKeyProject(next: (typeof budgetSteps)[number] | 'all') {
  const caller = await t.as('township');
  let p = await caller.budget.save(sampleInput['budget.save'] as never);
  const upTo = next === 'all' ? budgetSteps.length : budgetSteps.indexOf(next);
  for (const step of budgetSteps.slice(0, upTo)) {
    const name = step.slice('budget.'.length) as 'addRequest';
    p = await caller.budget[name]({
      ...(sampleInput[step] as object),
      id: p.id,
      version: p.version,
    } as never);
  }
  await t.db.execute(sql`truncate table audit_events restart identity`);
  return p;
}

/** A stage's record added by the township, and one refused (the stage before missing, or bad). */
function budgetStep(step: (typeof budgetSteps)[number], bad: Record<string, unknown>) {
  const name = step.slice('budget.'.length) as 'addRequest';
  const add = async (extra: Record<string, unknown>, project: { id: string; version: number }) =>
    (await t.as('township')).budget[name]({
      ...(sampleInput[step] as object),
      ...extra,
      id: project.id,
      version: project.version,
    } as never);
  return {
    ok: async () => add({}, await aKeyProject(step)),
    fails: async () => {
      const p = await aKeyProject(step);
      return () => add(bad, p);
    },
    action: step,
    actor: 'township',
  };
}

/** A row of `township_files` (its bytes are not needed to remove it). */
function townshipFileRow(
  folderId: string,
  owner: { taskReportId: number } | { budgetRecordId: string },
) {
  return t.db
    .insert(townshipFiles)
    .values({
      countyCode: '330728000000',
      folderId,
      ...owner,
      fileName: '现场照片.jpg',
      mimeType: 'image/jpeg',
      size: 3,
      sha256: '0'.repeat(64),
      storagePath: `evidence/330728000000/${folderId}/x.jpg`,
    })
    .returning();
}

/** A file of the clerk's progress report on a task; no audit events left. */
async function aReportFile() {
  const task = await (await t.as('township')).tasks.save(sampleInput['tasks.save'] as never);
  const reported = await (
    await t.as('clerk')
  ).tasks.report({ id: task.id, version: task.version, text: '进行中', percentDone: 30 });
  const [file] = await townshipFileRow(task.id, { taskReportId: reported.reportId });
  await t.db.execute(sql`truncate table audit_events restart identity`);
  return file!.id;
}

/** A key project through all five stages with a file on its agreed plan; no audit events left. */
async function aPlanFile() {
  const p = await aKeyProject('all');
  const plan = p.records.find((r) => r.kind === 'plan')!;
  const [file] = await townshipFileRow(plan.id, { budgetRecordId: plan.id });
  await t.db.execute(sql`truncate table audit_events restart identity`);
  return file!.id;
}

/** A 普法 activity of the clerk's village (2026-11-10) with one photo row; no audit events left. */
async function anActivityPhoto() {
  const caller = await t.as('clerk');
  const a = await caller.pufa.saveActivity(sampleInput['pufa.saveActivity'] as never);
  const [photo] = await t.db
    .insert(pufaActivityPhotos)
    .values({
      countyCode: '330728000000',
      divisionCode: X_VILLAGE,
      activityId: a.id,
      fileName: '讲座.jpg',
      mimeType: 'image/jpeg',
      size: 3,
      sha256: '0'.repeat(64),
      storagePath: `evidence/330728000000/${a.id}/x.jpg`,
    })
    .returning();
  await t.db.execute(sql`truncate table audit_events restart identity`);
  return { caller, photoId: photo!.id };
}

/** A case of the clerk's village (2026-11) with one file row; no audit events left. */
async function aCaseFile(extra: Record<string, unknown> = {}) {
  const caller = await t.as('clerk');
  const c = await caller.mediation.save({
    ...(sampleInput['mediation.save'] as object),
    ...extra,
  } as never);
  const [file] = await t.db
    .insert(mediationCaseFiles)
    .values({
      countyCode: '330728000000',
      divisionCode: X_VILLAGE,
      caseId: c.id,
      fileName: '调解协议书.pdf',
      mimeType: 'application/pdf',
      size: 3,
      sha256: '0'.repeat(64),
      storagePath: `evidence/330728000000/${c.id}/x.pdf`,
    })
    .returning();
  await t.db.execute(sql`truncate table audit_events restart identity`);
  return { caller, fileId: file!.id };
}

/** One successful and one failing call of every mutation. */
/** A county title of the clerk's village, named 2024-06-01. */
async function aTitle() {
  await t.db.insert(titles).values({
    countyCode: '330728000000',
    villageCode: X_VILLAGE,
    level: 'county',
    year: 2024,
    namedOn: '2024-06-01',
  });
  const [title] = await t.db.select().from(titles);
  return title!;
}

async function aComplaint() {
  const title = await aTitle();
  return (await t.as('county')).titles.addComplaint({
    titleId: title.id,
    receivedOn: '2025-02-01',
    channel: 'phone',
    substance: '内容',
  });
}

async function aRectification() {
  const title = await aTitle();
  return (await t.as('county')).titles.issueRectification({
    titleId: title.id,
    issuedOn: '2025-02-01',
    findings: '整改',
    deadline: '2025-03-01',
  });
}

/** A re-check opened in a batch, undecided; its id. */
async function anOpenRecheck() {
  const title = await aTitle();
  const county = await t.as('county');
  await county.titles.openRecheckBatch({ level: 'county', year: 2024, expectedTotal: 1 });
  const open = await county.titles.timeline({ id: title.id, kind: 'recheck' });
  return open.items[0]!.id;
}

const mutations: Record<
  string,
  {
    ok: () => Promise<unknown>;
    fails: () => Promise<() => Promise<unknown>>;
    action: string;
    actor: string | null;
  }
> = {
  'auth.login': {
    ok: () => t.anonymous().auth.login({ username: 'county', password: DEMO_PASSWORD }),
    fails: async () => {
      // input refused before any attempt is counted (a wrong password, even for an unknown
      // username, is a security event: see below)
      return () => t.anonymous().auth.login({ username: 'county', password: '' });
    },
    action: 'auth.login',
    actor: 'county',
  },
  'auth.logout': {
    ok: async () => (await t.as('county', recordingCookies())).auth.logout(),
    fails: async () => () => t.anonymous().auth.logout(),
    action: 'auth.logout',
    actor: 'county',
  },
  'auth.changePassword': {
    ok: async () =>
      (await t.as('clerk')).auth.changePassword({
        currentPassword: DEMO_PASSWORD,
        newPassword: 'Next2027x',
      }),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.auth.changePassword({
          currentPassword: DEMO_PASSWORD,
          newPassword: 'weak',
        });
    },
    action: 'auth.change_password',
    actor: 'clerk',
  },
  'divisions.import': {
    ok: async () => (await t.as('county')).divisions.import({ csv: `${X_VILLAGE},杨林新村\n` }),
    fails: async () => {
      const caller = await t.as('county');
      return () => caller.divisions.import({ csv: `${X_VILLAGE},杨林新村\n330728101999,\n` });
    },
    action: 'divisions.import',
    actor: 'county',
  },
  'users.create': {
    ok: async () =>
      (await t.as('township')).users.create({
        username: 'clerk_b',
        displayName: '文书乙',
        password: 'Clerk2026',
        role: 'village_clerk',
        scopeCode: X_VILLAGE,
      }),
    fails: async () => {
      const caller = await t.as('township');
      return () =>
        caller.users.create({
          username: 'clerk', // taken
          displayName: '文书乙',
          password: 'Clerk2026',
          role: 'village_clerk',
          scopeCode: X_VILLAGE,
        });
    },
    action: 'users.create',
    actor: 'township',
  },
  'users.update': {
    ok: async () => {
      const township = await t.as('township');
      const { items } = await township.users.list({ role: 'village_clerk' });
      return township.users.update({ id: items[0]!.id, displayName: '改名文书', disabled: true });
    },
    fails: async () => {
      const township = await t.as('township');
      const { items } = await township.users.list({ role: 'village_clerk' });
      // a valid name change together with an invalid password: neither may land
      return () =>
        township.users.update({
          id: items[0]!.id,
          displayName: '改名文书',
          password: 'short',
        });
    },
    action: 'users.update',
    actor: 'township',
  },
};

/** A campaign in its declare stage, with the clerk's village declared. */
async function declaredCampaign() {
  const { campaign, framework, county } = await createCampaign(t);
  await county.campaigns.advance({ id: campaign.id });
  const p = await county.participations.declare({
    campaignId: campaign.id,
    villageCode: X_VILLAGE,
  });
  await t.db.execute(sql`truncate table audit_events restart identity`);
  return { campaign, framework, county, id: p.id };
}

async function selfAssessing() {
  const d = await declaredCampaign();
  await t.db.execute(sql`update campaigns set stage = 'self_assess'`);
  return d;
}

/** A self-assessing participation with an evidence file of the self column (its row only). */
async function withEvidence() {
  const { framework, id } = await selfAssessing();
  const [file] = await t.db
    .insert(evidenceFiles)
    .values({
      countyCode: '330728000000',
      participationId: id,
      itemCode: framework.definition.areas[0]!.items[0]!.code,
      column: 'self',
      fileName: '会议记录.pdf',
      mimeType: 'application/pdf',
      size: 1,
      sha256: '0'.repeat(64),
      storagePath: 'evidence/none.pdf',
    })
    .returning();
  return file!.id;
}

Object.assign(mutations, {
  'campaigns.create': {
    ok: () => createCampaign(t),
    fails: async () => () => createCampaign(t, { minSelfScore: 101 }),
    action: 'campaigns.create',
    actor: 'county',
  },
  'campaigns.update': {
    ok: async () => {
      const { campaign } = await createCampaign(t);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return (await t.as('county')).campaigns.update({
        id: campaign.id,
        noticeDays: 10,
        recordPeriod: { from: '2026-07-01', to: '2027-06-30' },
      });
    },
    fails: async () => {
      // a village has declared: the campaign is no longer edited
      const { campaign } = await declaredCampaign();
      const caller = await t.as('county');
      return () => caller.campaigns.update({ id: campaign.id, name: '改名的创建活动' });
    },
    action: 'campaigns.update',
    actor: 'county',
  },
  'campaigns.remove': {
    ok: async () => {
      const { campaign } = await createCampaign(t);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return (await t.as('county')).campaigns.remove({ id: campaign.id });
    },
    fails: async () => {
      const { campaign } = await declaredCampaign();
      const caller = await t.as('county');
      return () => caller.campaigns.remove({ id: campaign.id });
    },
    action: 'campaigns.remove',
    actor: 'county',
  },
  'campaigns.advance': {
    ok: async () => {
      const { campaign } = await declaredCampaign();
      return (await t.as('county')).campaigns.advance({ id: campaign.id });
    },
    fails: async () => {
      const { campaign } = await selfAssessing();
      const caller = await t.as('county');
      return () => caller.campaigns.advance({ id: campaign.id });
    },
    action: 'campaigns.advance',
    actor: 'county',
  },
  'frameworks.import': {
    ok: async () => {
      const { definition } = await demoFramework(t);
      return (await t.as('county')).frameworks.import({
        definition: { ...definition, version: '9.9.9' },
      });
    },
    fails: async () => {
      const { definition } = await demoFramework(t);
      const caller = await t.as('county');
      return () =>
        caller.frameworks.import({
          definition: { ...definition, version: '9.9.9', totalPoints: 99 },
        });
    },
    action: 'frameworks.import',
    actor: 'county',
  },
  'participations.declare': {
    ok: async () => {
      const { campaign } = await createCampaign(t);
      await t.db.execute(sql`update campaigns set stage = 'declare'`);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return (await t.as('clerk')).participations.declare({
        campaignId: campaign.id,
        villageCode: X_VILLAGE,
      });
    },
    fails: async () => {
      const { campaign } = await declaredCampaign();
      const caller = await t.as('clerk');
      return () =>
        caller.participations.declare({ campaignId: campaign.id, villageCode: X_VILLAGE });
    },
    action: 'participations.declare',
    actor: 'clerk',
  },
  'participations.saveSheet': {
    ok: async () => {
      const { framework, id } = await selfAssessing();
      return (await t.as('clerk')).participations.saveSheet({
        id,
        version: 1,
        column: 'self',
        data: goodSheet(framework.definition),
      });
    },
    fails: async () => {
      const { framework, id } = await selfAssessing();
      const data = goodSheet(framework.definition);
      const caller = await t.as('clerk');
      return () =>
        caller.participations.saveSheet({
          id,
          version: 1,
          column: 'self',
          data: { ...data, vetoes: ['NO_SUCH_VETO'] },
        });
    },
    action: 'participations.save_sheet',
    actor: 'clerk',
  },
  'participations.bulkTransition': {
    ok: async () => {
      const { campaign, framework, id } = await selfAssessing();
      await t.db.execute(sql`update participations set state = 'township_approved'`);
      await t.db.execute(sql`update campaigns set stage = 'county_acceptance'`);
      const county = await t.as('county');
      const saved = await county.participations.saveSheet({
        id,
        version: 1,
        column: 'county',
        data: goodSheet(framework.definition),
      });
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return county.participations.bulkTransition({
        campaignId: campaign.id,
        event: 'accept',
        items: [{ id, version: saved.version }],
      });
    },
    fails: async () => {
      // the county column is empty: acceptance is refused
      const { campaign, id } = await selfAssessing();
      await t.db.execute(sql`update participations set state = 'township_approved'`);
      await t.db.execute(sql`update campaigns set stage = 'county_acceptance'`);
      const caller = await t.as('county');
      return () =>
        caller.participations.bulkTransition({
          campaignId: campaign.id,
          event: 'accept',
          items: [{ id, version: 1 }],
        });
    },
    action: 'participations.accept',
    actor: 'county',
  },
  'participations.transition': {
    ok: async () => {
      const { id } = await selfAssessing();
      return (await t.as('clerk')).participations.transition({
        id,
        version: 1,
        event: { type: 'withdraw', reason: '本年度不参加' },
      });
    },
    fails: async () => {
      const { id } = await selfAssessing();
      // the sheet is empty: submitting is refused
      const caller = await t.as('clerk');
      return () =>
        caller.participations.transition({
          id,
          version: 1,
          event: { type: 'submit_self_assessment' },
        });
    },
    action: 'participations.withdraw',
    actor: 'clerk',
  },
  'participations.removeEvidence': {
    ok: async () => {
      const id = await withEvidence();
      return (await t.as('clerk')).participations.removeEvidence({ id });
    },
    fails: async () => {
      const id = await withEvidence();
      // the clerk's column is not the township's to change
      const caller = await t.as('township');
      return () => caller.participations.removeEvidence({ id });
    },
    action: 'participations.remove_evidence',
    actor: 'clerk',
  },
  'titles.recheck': {
    ok: async () => {
      await t.db.insert(titles).values({
        countyCode: '330728000000',
        villageCode: X_VILLAGE,
        level: 'county',
        year: 2024,
        namedOn: '2024-06-01',
      });
      const [title] = await t.db.select().from(titles);
      return (await t.as('county')).titles.recheck({
        ids: [title!.id],
        outcome: 'revoke',
        reasons: ['unlawful_act'],
      });
    },
    fails: async () => {
      await t.db.insert(titles).values({
        countyCode: '330728000000',
        villageCode: X_VILLAGE,
        level: 'county',
        year: 2024,
        namedOn: '2024-06-01',
      });
      const [title] = await t.db.select().from(titles);
      const caller = await t.as('county');
      return () => caller.titles.recheck({ ids: [title!.id], outcome: 'revoke', reasons: [] });
    },
    action: 'titles.recheck',
    actor: 'county',
  },
  'units.save': {
    ok: async () => (await t.as('county')).units.save(sampleInput['units.save'] as never),
    fails: async () => {
      const caller = await t.as('county');
      await caller.units.save(sampleInput['units.save'] as never);
      // the same name twice in one county
      return () => caller.units.save(sampleInput['units.save'] as never);
    },
    action: 'units.create',
    actor: 'county',
  },
  'participations.setOutcome': {
    ok: async () => {
      const { county, id, accepted } = await annualTownshipAccepted(t);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return county.participations.setOutcome({ id, version: accepted.version, outcome: 'none' });
    },
    fails: async () => {
      const { county, id } = await annualTownshipCampaign(t);
      const version = (await county.participations.get({ id })).participation.version;
      // not assessed yet
      return () => county.participations.setOutcome({ id, version, outcome: 'none' });
    },
    action: 'participations.set_outcome',
    actor: 'county',
  },
  'titles.recordDecision': {
    ok: async () =>
      (await t.as('county')).titles.recordDecision(sampleInput['titles.recordDecision'] as never),
    fails: async () => {
      const caller = await t.as('county');
      // a county never records a title of its own level as a higher level's decision
      return () =>
        caller.titles.recordDecision({
          ...(sampleInput['titles.recordDecision'] as object),
          level: 'county',
        } as never);
    },
    action: 'titles.record_decision',
    actor: 'county',
  },
  'titles.addCheck': {
    ok: async () => {
      const title = await aTitle();
      return (await t.as('township')).titles.addCheck({
        ...(sampleInput['titles.addCheck'] as object),
        titleId: title.id,
      } as never);
    },
    fails: async () => {
      const title = await aTitle();
      const caller = await t.as('township');
      // a check before the title was named
      return () =>
        caller.titles.addCheck({
          ...(sampleInput['titles.addCheck'] as object),
          titleId: title.id,
          checkedOn: '2024-05-01',
        } as never);
    },
    action: 'titles.add_check',
    actor: 'township',
  },
  'titles.addComplaint': {
    ok: async () => {
      const title = await aTitle();
      return (await t.as('county')).titles.addComplaint({
        ...(sampleInput['titles.addComplaint'] as object),
        titleId: title.id,
      } as never);
    },
    fails: async () => {
      const title = await aTitle();
      const caller = await t.as('county');
      return () =>
        caller.titles.addComplaint({
          ...(sampleInput['titles.addComplaint'] as object),
          titleId: title.id,
          receivedOn: '2099-01-01',
        } as never);
    },
    action: 'titles.add_complaint',
    actor: 'county',
  },
  'titles.answerComplaint': {
    ok: async () => {
      const { id } = await aComplaint();
      await t.db.execute(sql`truncate table audit_events restart identity`); // the setup's own
      return (await t.as('county')).titles.answerComplaint({
        id,
        version: 1,
        reply: '已答复',
        repliedOn: '2025-02-02',
      });
    },
    fails: async () => {
      const { id } = await aComplaint();
      const caller = await t.as('county');
      // a reply before the complaint was received
      return () =>
        caller.titles.answerComplaint({ id, version: 1, reply: '已答复', repliedOn: '2025-01-01' });
    },
    action: 'titles.answer_complaint',
    actor: 'county',
  },
  'titles.issueRectification': {
    ok: async () => {
      const title = await aTitle();
      return (await t.as('county')).titles.issueRectification({
        ...(sampleInput['titles.issueRectification'] as object),
        titleId: title.id,
      } as never);
    },
    fails: async () => {
      const title = await aTitle();
      const caller = await t.as('county');
      // a deadline before the issue date
      return () =>
        caller.titles.issueRectification({
          ...(sampleInput['titles.issueRectification'] as object),
          titleId: title.id,
          deadline: '2025-01-01',
        } as never);
    },
    action: 'titles.issue_rectification',
    actor: 'county',
  },
  'titles.reportRectification': {
    ok: async () => {
      const { id } = await aRectification();
      await t.db.execute(sql`truncate table audit_events restart identity`); // the setup's own
      return (await t.as('clerk')).titles.reportRectification({ id, version: 1, note: '已完成' });
    },
    fails: async () => {
      const { id } = await aRectification();
      const caller = await t.as('clerk');
      return () => caller.titles.reportRectification({ id, version: 9, note: '已完成' });
    },
    action: 'titles.report_rectification',
    actor: 'clerk',
  },
  'titles.completeRectification': {
    ok: async () => {
      const { id } = await aRectification();
      await t.db.execute(sql`truncate table audit_events restart identity`); // the setup's own
      return (await t.as('township')).titles.completeRectification({
        id,
        version: 1,
        completedOn: '2025-02-20',
      });
    },
    fails: async () => {
      const { id } = await aRectification();
      const caller = await t.as('township');
      return () =>
        caller.titles.completeRectification({ id, version: 9, completedOn: '2025-02-20' });
    },
    action: 'titles.complete_rectification',
    actor: 'township',
  },
  'titles.openRecheckBatch': {
    ok: async () => {
      await aTitle();
      return (await t.as('county')).titles.openRecheckBatch({
        level: 'county',
        year: 2024,
        expectedTotal: 1,
      });
    },
    fails: async () => {
      await aTitle();
      const caller = await t.as('county');
      // the preview is out of date
      return () =>
        caller.titles.openRecheckBatch({ level: 'county', year: 2024, expectedTotal: 2 });
    },
    action: 'titles.open_recheck_batch',
    actor: 'county',
  },
  'titles.decideRecheck': {
    ok: async () => {
      const id = await anOpenRecheck();
      await t.db.execute(sql`truncate table audit_events restart identity`); // the setup's own
      return (await t.as('county')).titles.decideRecheck({ id, version: 1, outcome: 'keep' });
    },
    fails: async () => {
      const id = await anOpenRecheck();
      const caller = await t.as('county');
      return () => caller.titles.decideRecheck({ id, version: 9, outcome: 'keep' });
    },
    action: 'titles.decide_recheck',
    actor: 'county',
  },
  'campaigns.close': {
    ok: async () => {
      const { campaign } = await declaredCampaign();
      return (await t.as('county')).campaigns.close({ id: campaign.id, summary: '总结' });
    },
    fails: async () => {
      const { campaign } = await declaredCampaign();
      const caller = await t.as('county');
      await caller.campaigns.close({ id: campaign.id, summary: '总结' });
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return () => caller.campaigns.close({ id: campaign.id, summary: '再次' });
    },
    action: 'campaigns.close',
    actor: 'county',
  },
  'campaigns.extendDeadline': {
    ok: async () => {
      const { campaign } = await declaredCampaign();
      return (await t.as('county')).campaigns.extendDeadline({
        id: campaign.id,
        stage: 'self_assess',
        to: '2026-05-01',
        reason: '顺延',
      });
    },
    fails: async () => {
      const { campaign } = await declaredCampaign();
      const caller = await t.as('county');
      await caller.campaigns.extendDeadline({
        id: campaign.id,
        stage: 'self_assess',
        to: '2026-05-01',
        reason: '顺延',
      });
      await t.db.execute(sql`truncate table audit_events restart identity`);
      // not later than the deadline now in force
      return () =>
        caller.campaigns.extendDeadline({
          id: campaign.id,
          stage: 'self_assess',
          to: '2026-04-01',
          reason: '提前',
        });
    },
    action: 'campaigns.extendDeadline',
    actor: 'county',
  },
  'campaigns.grantCrossCheck': {
    ok: async () => {
      const { campaign } = await declaredCampaign();
      const officer = await (await t.as('township')).auth.me();
      return (await t.as('county')).campaigns.grantCrossCheck({
        id: campaign.id,
        userId: officer.id,
        townshipCode: '330728102000',
      });
    },
    fails: async () => {
      const { campaign } = await declaredCampaign();
      const officer = await (await t.as('township')).auth.me();
      const caller = await t.as('county');
      // the officer's own township
      return () =>
        caller.campaigns.grantCrossCheck({
          id: campaign.id,
          userId: officer.id,
          townshipCode: '330728101000',
        });
    },
    action: 'campaigns.grantCrossCheck',
    actor: 'county',
  },
  'campaigns.revokeCrossCheck': {
    ok: async () => {
      const { campaign } = await declaredCampaign();
      const officer = await (await t.as('township')).auth.me();
      const county = await t.as('county');
      const grant = await county.campaigns.grantCrossCheck({
        id: campaign.id,
        userId: officer.id,
        townshipCode: '330728102000',
      });
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return county.campaigns.revokeCrossCheck({ id: campaign.id, grantId: grant.id });
    },
    fails: async () => {
      const { campaign } = await declaredCampaign();
      const caller = await t.as('county');
      // no such grant
      return () =>
        caller.campaigns.revokeCrossCheck({
          id: campaign.id,
          grantId: '00000000-0000-4000-8000-000000000000',
        });
    },
    action: 'campaigns.revokeCrossCheck',
    actor: 'county',
  },
  'campaigns.recordPilotMeeting': {
    ok: async () => {
      const { campaign } = await createCampaign(t, { pilotVillageCodes: [X_VILLAGE] });
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return (await t.as('county')).campaigns.recordPilotMeeting({
        ...(sampleInput['campaigns.recordPilotMeeting'] as object),
        id: campaign.id,
      } as never);
    },
    fails: async () => {
      const { campaign } = await createCampaign(t); // no pilot villages
      const caller = await t.as('county');
      return () =>
        caller.campaigns.recordPilotMeeting({
          ...(sampleInput['campaigns.recordPilotMeeting'] as object),
          id: campaign.id,
        } as never);
    },
    action: 'campaigns.recordPilotMeeting',
    actor: 'county',
  },
  'campaigns.rollOut': {
    ok: async () => {
      const { campaign } = await createCampaign(t, { pilotVillageCodes: [X_VILLAGE] });
      const caller = await t.as('county');
      await caller.campaigns.recordPilotMeeting({
        ...(sampleInput['campaigns.recordPilotMeeting'] as object),
        id: campaign.id,
      } as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.campaigns.rollOut({ id: campaign.id });
    },
    fails: async () => {
      const { campaign } = await createCampaign(t, { pilotVillageCodes: [X_VILLAGE] });
      const caller = await t.as('county');
      return () => caller.campaigns.rollOut({ id: campaign.id }); // no meeting yet
    },
    action: 'campaigns.rollOut',
    actor: 'county',
  },
  'campaigns.setNotice': {
    ok: async () => {
      const { campaign } = await declaredCampaign();
      return (await t.as('county')).campaigns.setNotice({
        id: campaign.id,
        issuer: '清和县司法局',
        contact: '0579-0000000',
        issuedOn: '2026-03-01',
      });
    },
    fails: async () => {
      const { campaign } = await declaredCampaign();
      const caller = await t.as('county');
      return () =>
        caller.campaigns.setNotice({
          id: campaign.id,
          issuer: '   ',
          contact: '0579-0000000',
          issuedOn: '2026-03-01',
        });
    },
    action: 'campaigns.setNotice',
    actor: 'county',
  },
  'titles.saveRevocationReason': {
    ok: async () =>
      (await t.as('admin')).titles.saveRevocationReason({
        code: 'land_disputes',
        nameZh: '土地纠纷长期未化解',
        nameEn: 'Long-unresolved land disputes',
      }),
    fails: async () => {
      const caller = await t.as('admin');
      // a name another reason already has
      const [taken] = await caller.titles.revocationReasons();
      return () =>
        caller.titles.saveRevocationReason({
          code: 'land_disputes',
          nameZh: taken!.nameZh,
          nameEn: 'Duplicate',
        });
    },
    action: 'titles.create_revocation_reason',
    actor: 'admin',
  },
  // village records: the clerk's changes; a failure is a bad figure or a stale version
  'groups.save': {
    ok: async () => (await t.as('clerk')).groups.save(sampleInput['groups.save'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      await caller.groups.save(sampleInput['groups.save'] as never);
      return () => caller.groups.save(sampleInput['groups.save'] as never); // the name is taken
    },
    action: 'groups.create',
    actor: 'clerk',
  },
  'groups.import': {
    ok: async () => (await t.as('clerk')).groups.import(sampleInput['groups.import'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.groups.import({ villageCode: X_VILLAGE, csv: '小组名称,户数,选民数\n一组,x,60\n' });
    },
    action: 'groups.import',
    actor: 'clerk',
  },
  'meetings.save': {
    ok: async () => (await t.as('clerk')).meetings.save(sampleInput['meetings.save'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.meetings.save({
          ...(sampleInput['meetings.save'] as object),
          attendees: 101,
        } as never);
    },
    action: 'meetings.create',
    actor: 'clerk',
  },
  'meetings.remove': {
    ok: async () => {
      const caller = await t.as('clerk');
      const m = await caller.meetings.save(sampleInput['meetings.save'] as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.meetings.remove({ id: m.id, version: m.version });
    },
    fails: async () => {
      const caller = await t.as('clerk');
      const m = await caller.meetings.save(sampleInput['meetings.save'] as never);
      return () => caller.meetings.remove({ id: m.id, version: m.version + 1 });
    },
    action: 'meetings.remove',
    actor: 'clerk',
  },
  'disclosures.save': {
    ok: async () =>
      (await t.as('clerk')).disclosures.save(sampleInput['disclosures.save'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.disclosures.save({
          ...(sampleInput['disclosures.save'] as object),
          takenDownOn: '2026-04-01',
        } as never);
    },
    action: 'disclosures.create',
    actor: 'clerk',
  },
  'disclosures.remove': {
    ok: async () => {
      const caller = await t.as('clerk');
      const d = await caller.disclosures.save(sampleInput['disclosures.save'] as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.disclosures.remove({ id: d.id, version: d.version });
    },
    fails: async () => {
      const caller = await t.as('clerk');
      const d = await caller.disclosures.save(sampleInput['disclosures.save'] as never);
      return () => caller.disclosures.remove({ id: d.id, version: d.version + 1 });
    },
    action: 'disclosures.remove',
    actor: 'clerk',
  },
  'recordFiles.remove': {
    ok: async () => {
      const caller = await t.as('clerk');
      const m = await caller.meetings.save(sampleInput['meetings.save'] as never);
      const [row] = await t.db
        .insert(recordFiles)
        .values({
          countyCode: '330728000000',
          villageCode: X_VILLAGE,
          recordKind: 'meeting',
          meetingId: m.id,
          purpose: 'photo',
          fileName: '会场.png',
          mimeType: 'image/png',
          size: 1,
          sha256: '0'.repeat(64),
          storagePath: `evidence/330728000000/${m.id}/x.png`,
        })
        .returning();
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.recordFiles.remove({ id: row!.id });
    },
    fails: async () => {
      const caller = await t.as('clerk');
      return () => caller.recordFiles.remove({ id: '00000000-0000-4000-8000-000000000000' });
    },
    action: 'records.remove_file',
    actor: 'clerk',
  },
  'matters.save': {
    ok: async () => (await t.as('clerk')).matters.save(sampleInput['matters.save'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.matters.save({
          ...(sampleInput['matters.save'] as object),
          steps: [{ step: 'party_branch_proposal', on: '2099-01-01' }],
        } as never);
    },
    action: 'matters.create',
    actor: 'clerk',
  },
  'matters.remove': {
    ok: async () => {
      const caller = await t.as('clerk');
      const m = await caller.matters.save(sampleInput['matters.save'] as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.matters.remove({ id: m.id, version: m.version });
    },
    fails: async () => {
      const caller = await t.as('clerk');
      const m = await caller.matters.save(sampleInput['matters.save'] as never);
      return () => caller.matters.remove({ id: m.id, version: m.version + 1 });
    },
    action: 'matters.remove',
    actor: 'clerk',
  },
  'villageRules.save': {
    ok: async () =>
      (await t.as('clerk')).villageRules.save(sampleInput['villageRules.save'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.villageRules.save({
          ...(sampleInput['villageRules.save'] as object),
          adoptedOn: '2099-01-01',
        } as never);
    },
    action: 'villageRules.create',
    actor: 'clerk',
  },
  'villageRules.review': {
    ok: async () => {
      const rules = await (
        await t.as('clerk')
      ).villageRules.save({
        ...(sampleInput['villageRules.save'] as object),
        filedOn: '2026-02-10',
      } as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return (await t.as('township')).villageRules.review({
        ...(sampleInput['villageRules.review'] as object),
        id: rules.id,
        version: rules.version,
      } as never);
    },
    fails: async () => {
      // not filed yet
      const rules = await (
        await t.as('clerk')
      ).villageRules.save(sampleInput['villageRules.save'] as never);
      const caller = await t.as('township');
      return () =>
        caller.villageRules.review({
          ...(sampleInput['villageRules.review'] as object),
          id: rules.id,
          version: rules.version,
        } as never);
    },
    action: 'villageRules.review',
    actor: 'township',
  },
  'elections.save': {
    ok: async () => (await t.as('clerk')).elections.save(sampleInput['elections.save'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.elections.save({
          ...(sampleInput['elections.save'] as object),
          date: '2099-03-01',
        } as never);
    },
    action: 'elections.create',
    actor: 'clerk',
  },
  'elections.remove': {
    ok: async () => {
      const caller = await t.as('clerk');
      const e = await caller.elections.save(sampleInput['elections.save'] as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.elections.remove({ id: e.id, version: e.version });
    },
    fails: async () => {
      const caller = await t.as('clerk');
      const e = await caller.elections.save(sampleInput['elections.save'] as never);
      return () => caller.elections.remove({ id: e.id, version: e.version + 1 });
    },
    action: 'elections.remove',
    actor: 'clerk',
  },
  'records.importLedger': {
    ok: async () => {
      const caller = await t.as('clerk');
      await caller.disclosures.save(sampleInput['disclosures.save'] as never);
      const { base64 } = await caller.records.ledger({ villageCode: X_VILLAGE, year: 2026 });
      await t.db.execute(
        sql`truncate table village_disclosures, record_files, audit_events restart identity`,
      );
      return caller.records.importLedger({ villageCode: X_VILLAGE, year: 2026, workbook: base64 });
    },
    fails: async () => {
      const caller = await t.as('clerk');
      return () => caller.records.importLedger(sampleInput['records.importLedger'] as never); // not a workbook
    },
    action: 'records.importLedger',
    actor: 'clerk',
  },
  'mediation.save': {
    ok: async () => (await t.as('clerk')).mediation.save(sampleInput['mediation.save'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.mediation.save({
          ...(sampleInput['mediation.save'] as object),
          closedOn: '2026-11-01',
        } as never);
    },
    action: 'mediation.create',
    actor: 'clerk',
  },
  'mediation.remove': {
    ok: async () => {
      const caller = await t.as('clerk');
      const c = await caller.mediation.save(sampleInput['mediation.save'] as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.mediation.remove({ id: c.id, version: c.version });
    },
    fails: async () => {
      const caller = await t.as('clerk');
      const c = await caller.mediation.save(sampleInput['mediation.save'] as never);
      return () => caller.mediation.remove({ id: c.id, version: c.version + 1 });
    },
    action: 'mediation.remove',
    actor: 'clerk',
  },
  'screenings.save': {
    ok: async () => (await t.as('clerk')).screenings.save(sampleInput['screenings.save'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.screenings.save({
          ...(sampleInput['screenings.save'] as object),
          disputesFound: 1,
        } as never);
    },
    action: 'screenings.create',
    actor: 'clerk',
  },
  'periods.lock': {
    ok: async () => (await t.as('township')).periods.lock(sampleInput['periods.lock'] as never),
    fails: async () => {
      const caller = await t.as('township');
      return () => caller.periods.lock({ townshipCode: '330728101000', month: '2099-01' });
    },
    action: 'periods.lock',
    actor: 'township',
  },
  'periods.reopen': {
    ok: async () => {
      await (await t.as('township')).periods.lock(sampleInput['periods.lock'] as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return (await t.as('county')).periods.reopen(sampleInput['periods.reopen'] as never);
    },
    fails: async () => {
      const caller = await t.as('county');
      return () => caller.periods.reopen(sampleInput['periods.reopen'] as never); // not locked
    },
    action: 'periods.reopen',
    actor: 'county',
  },
  'advisers.save': {
    ok: async () => (await t.as('county')).advisers.save(sampleInput['advisers.save'] as never),
    fails: async () => {
      const caller = await t.as('county');
      // a township is not a county
      return () =>
        caller.advisers.save({
          ...(sampleInput['advisers.save'] as object),
          countyCode: '330728101000',
        } as never);
    },
    action: 'advisers.create',
    actor: 'county',
  },
  'advisers.saveContract': {
    ok: async () => {
      const { adviser } = await anAdviser();
      return (await t.as('county')).advisers.saveContract({
        ...(sampleInput['advisers.saveContract'] as object),
        adviserId: adviser.id,
        villageCode: '330728101202',
      } as never);
    },
    fails: async () => {
      const { adviser } = await anAdviser();
      const caller = await t.as('county');
      // ends before it starts
      return () =>
        caller.advisers.saveContract({
          ...(sampleInput['advisers.saveContract'] as object),
          adviserId: adviser.id,
          endsOn: '2025-12-31',
        } as never);
    },
    action: 'advisers.createContract',
    actor: 'county',
  },
  'advisers.removeContract': {
    ok: async () => {
      const { contract } = await anAdviser();
      return (await t.as('county')).advisers.removeContract({
        id: contract.id,
        version: contract.version,
      });
    },
    fails: async () => {
      const { contract } = await anAdviser();
      const caller = await t.as('county');
      return () =>
        caller.advisers.removeContract({ id: contract.id, version: contract.version + 1 });
    },
    action: 'advisers.removeContract',
    actor: 'county',
  },
  'advisers.saveDutyDay': {
    ok: async () => {
      const { adviser } = await anAdviser();
      return (await t.as('township')).advisers.saveDutyDay({
        ...(sampleInput['advisers.saveDutyDay'] as object),
        adviserId: adviser.id,
      } as never);
    },
    fails: async () => {
      const { adviser } = await anAdviser();
      const caller = await t.as('township');
      // the month is locked
      await caller.periods.lock({ townshipCode: '330728101000', month: '2026-11' });
      return () =>
        caller.advisers.saveDutyDay({
          ...(sampleInput['advisers.saveDutyDay'] as object),
          adviserId: adviser.id,
        } as never);
    },
    action: 'advisers.createDuty',
    actor: 'township',
  },
  'advisers.saveService': {
    ok: async () => {
      const { adviser } = await anAdviser();
      return (await t.as('clerk')).advisers.saveService({
        ...(sampleInput['advisers.saveService'] as object),
        adviserId: adviser.id,
      } as never);
    },
    fails: async () => {
      const { adviser } = await anAdviser();
      const caller = await t.as('clerk');
      // no count
      return () =>
        caller.advisers.saveService({
          ...(sampleInput['advisers.saveService'] as object),
          adviserId: adviser.id,
          count: 0,
        } as never);
    },
    action: 'advisers.createService',
    actor: 'clerk',
  },
  'advisers.removeDutyDay': {
    ok: async () => {
      const { adviser } = await anAdviser();
      const caller = await t.as('township');
      const d = await caller.advisers.saveDutyDay({
        ...(sampleInput['advisers.saveDutyDay'] as object),
        adviserId: adviser.id,
      } as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.advisers.removeDutyDay({ id: d.id, version: d.version });
    },
    fails: async () => {
      const { adviser } = await anAdviser();
      const caller = await t.as('township');
      const d = await caller.advisers.saveDutyDay({
        ...(sampleInput['advisers.saveDutyDay'] as object),
        adviserId: adviser.id,
      } as never);
      // the month is locked
      await caller.periods.lock({ townshipCode: '330728101000', month: '2026-11' });
      return () => caller.advisers.removeDutyDay({ id: d.id, version: d.version });
    },
    action: 'advisers.removeDuty',
    actor: 'township',
  },
  'advisers.removeService': {
    ok: async () => {
      const { adviser } = await anAdviser();
      const caller = await t.as('clerk');
      const s = await caller.advisers.saveService({
        ...(sampleInput['advisers.saveService'] as object),
        adviserId: adviser.id,
      } as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.advisers.removeService({ id: s.id, version: s.version });
    },
    fails: async () => {
      const { adviser } = await anAdviser();
      const caller = await t.as('clerk');
      const s = await caller.advisers.saveService({
        ...(sampleInput['advisers.saveService'] as object),
        adviserId: adviser.id,
      } as never);
      return () => caller.advisers.removeService({ id: s.id, version: s.version + 1 });
    },
    action: 'advisers.removeService',
    actor: 'clerk',
  },
  'advisers.importDutyDays': {
    ok: async () => {
      await anAdviser();
      const workbook = await xlsxBase64('法律顾问值班', dutyHeaders, [dutyRow()]);
      return (await t.as('township')).advisers.importDutyDays({
        divisionCode: '330728101000',
        workbook,
      });
    },
    fails: async () => {
      await anAdviser();
      // one good row, one with an adviser the county does not have: nothing lands
      const workbook = await xlsxBase64('法律顾问值班', dutyHeaders, [
        dutyRow(),
        dutyRow({ 法律顾问: '王五' }),
      ]);
      const caller = await t.as('township');
      return () => caller.advisers.importDutyDays({ divisionCode: '330728101000', workbook });
    },
    action: 'advisers.importDutyDays',
    actor: 'township',
  },
  'advisers.importServices': {
    ok: async () => {
      await anAdviser();
      const workbook = await xlsxBase64('法律顾问服务', serviceHeaders, [serviceRow()]);
      return (await t.as('clerk')).advisers.importServices({ divisionCode: X_VILLAGE, workbook });
    },
    fails: async () => {
      await anAdviser();
      const workbook = await xlsxBase64('法律顾问服务', serviceHeaders, [
        serviceRow(),
        serviceRow({ 次数: 0 }),
      ]);
      const caller = await t.as('clerk');
      return () => caller.advisers.importServices({ divisionCode: X_VILLAGE, workbook });
    },
    action: 'advisers.importServices',
    actor: 'clerk',
  },
  'pufa.importActivities': {
    ok: async () => {
      const workbook = await xlsxBase64('普法活动', activityHeaders, [activityRow()]);
      return (await t.as('clerk')).pufa.importActivities({ divisionCode: X_VILLAGE, workbook });
    },
    fails: async () => {
      const workbook = await xlsxBase64('普法活动', activityHeaders, [
        activityRow(),
        activityRow({ 日期: '2099-01-01' }),
      ]);
      const caller = await t.as('clerk');
      return () => caller.pufa.importActivities({ divisionCode: X_VILLAGE, workbook });
    },
    action: 'pufa.importActivities',
    actor: 'clerk',
  },
  'pufa.importRoster': {
    ok: async () => {
      const workbook = await xlsxBase64('普法名册', rosterHeaders, [rosterRow()]);
      return (await t.as('clerk')).pufa.importRoster({ divisionCode: X_VILLAGE, workbook });
    },
    fails: async () => {
      const workbook = await xlsxBase64('普法名册', rosterHeaders, [
        rosterRow(),
        rosterRow({ 培训学时: '十二' }),
      ]);
      const caller = await t.as('clerk');
      return () => caller.pufa.importRoster({ divisionCode: X_VILLAGE, workbook });
    },
    action: 'pufa.importRoster',
    actor: 'clerk',
  },
  'mediation.import': {
    ok: async () => {
      const workbook = await xlsxBase64('人民调解台账', mediationHeaders, [mediationRow()]);
      return (await t.as('clerk')).mediation.import({ divisionCode: X_VILLAGE, workbook });
    },
    fails: async () => {
      const workbook = await xlsxBase64('人民调解台账', mediationHeaders, [
        mediationRow(),
        mediationRow({ 结案日期: '2026-11-01' }),
      ]);
      const caller = await t.as('clerk');
      return () => caller.mediation.import({ divisionCode: X_VILLAGE, workbook });
    },
    action: 'mediation.import',
    actor: 'clerk',
  },
  'mediation.removeFile': {
    ok: async () => {
      const { caller, fileId } = await aCaseFile();
      return caller.mediation.removeFile({ id: fileId });
    },
    fails: async () => {
      // the only file of a settled written agreement stays
      const { caller, fileId } = await aCaseFile({ method: 'written' });
      return () => caller.mediation.removeFile({ id: fileId });
    },
    action: 'mediation.removeFile',
    actor: 'clerk',
  },
  'pufa.removeActivityPhoto': {
    ok: async () => {
      const { caller, photoId } = await anActivityPhoto();
      return caller.pufa.removeActivityPhoto({ id: photoId });
    },
    fails: async () => {
      const { caller, photoId } = await anActivityPhoto();
      // the month is locked
      await (
        await t.as('township')
      ).periods.lock({ townshipCode: '330728101000', month: '2026-11' });
      return () => caller.pufa.removeActivityPhoto({ id: photoId });
    },
    action: 'pufa.removeActivityPhoto',
    actor: 'clerk',
  },
  'corrections.save': {
    ok: async () =>
      (await t.as('township')).corrections.save(sampleInput['corrections.save'] as never),
    fails: async () => {
      const caller = await t.as('township');
      // more helped than released
      return () =>
        caller.corrections.save({
          ...(sampleInput['corrections.save'] as object),
          helped: 9,
        } as never);
    },
    action: 'corrections.create',
    actor: 'township',
  },
  'pufa.saveActivity': {
    ok: async () =>
      (await t.as('clerk')).pufa.saveActivity(sampleInput['pufa.saveActivity'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.pufa.saveActivity({
          ...(sampleInput['pufa.saveActivity'] as object),
          heldOn: '2099-01-01',
        } as never);
    },
    action: 'pufa.createActivity',
    actor: 'clerk',
  },
  'pufa.removeActivity': {
    ok: async () => {
      const caller = await t.as('clerk');
      const a = await caller.pufa.saveActivity(sampleInput['pufa.saveActivity'] as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.pufa.removeActivity({ id: a.id, version: a.version });
    },
    fails: async () => {
      const caller = await t.as('clerk');
      const a = await caller.pufa.saveActivity(sampleInput['pufa.saveActivity'] as never);
      return () => caller.pufa.removeActivity({ id: a.id, version: a.version + 1 });
    },
    action: 'pufa.removeActivity',
    actor: 'clerk',
  },
  'pufa.saveRosterMember': {
    ok: async () =>
      (await t.as('clerk')).pufa.saveRosterMember(sampleInput['pufa.saveRosterMember'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.pufa.saveRosterMember({
          ...(sampleInput['pufa.saveRosterMember'] as object),
          examOn: null,
        } as never);
    },
    action: 'pufa.createRosterMember',
    actor: 'clerk',
  },
  'pufa.removeRosterMember': {
    ok: async () => {
      const caller = await t.as('clerk');
      const m = await caller.pufa.saveRosterMember(sampleInput['pufa.saveRosterMember'] as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.pufa.removeRosterMember({ id: m.id, version: m.version });
    },
    fails: async () => {
      const caller = await t.as('clerk');
      const m = await caller.pufa.saveRosterMember(sampleInput['pufa.saveRosterMember'] as never);
      return () => caller.pufa.removeRosterMember({ id: m.id, version: m.version + 1 });
    },
    action: 'pufa.removeRosterMember',
    actor: 'clerk',
  },
  'pufa.savePlanItem': {
    ok: async () =>
      (await t.as('township')).pufa.savePlanItem(sampleInput['pufa.savePlanItem'] as never),
    fails: async () => {
      const caller = await t.as('township');
      return () =>
        caller.pufa.savePlanItem({
          ...(sampleInput['pufa.savePlanItem'] as object),
          dueOn: '2027-01-10',
        } as never);
    },
    action: 'pufa.createPlanItem',
    actor: 'township',
  },
  'pufa.removePlanItem': {
    ok: async () => {
      const caller = await t.as('township');
      const p = await caller.pufa.savePlanItem(sampleInput['pufa.savePlanItem'] as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.pufa.removePlanItem({ id: p.id, version: p.version });
    },
    fails: async () => {
      const caller = await t.as('township');
      const p = await caller.pufa.savePlanItem(sampleInput['pufa.savePlanItem'] as never);
      return () => caller.pufa.removePlanItem({ id: p.id, version: p.version + 1 });
    },
    action: 'pufa.removePlanItem',
    actor: 'township',
  },
  'tasks.save': {
    ok: async () => (await t.as('township')).tasks.save(sampleInput['tasks.save'] as never),
    fails: async () => {
      const caller = await t.as('township');
      return () =>
        caller.tasks.save({
          ...(sampleInput['tasks.save'] as object),
          deadline: '2026-10-01',
        } as never);
    },
    action: 'tasks.create',
    actor: 'township',
  },
  'tasks.report': {
    ok: async () => {
      const task = await aTask();
      return (await t.as('clerk')).tasks.report({ ...task, text: '已开工', percentDone: 10 });
    },
    fails: async () => {
      const task = await aTask();
      const caller = await t.as('clerk');
      return () => caller.tasks.report({ ...task, version: task.version + 1, text: '过期版本' });
    },
    action: 'tasks.report',
    actor: 'clerk',
  },
  'tasks.close': {
    ok: async () => {
      const task = await aTask({ askClose: true });
      return (await t.as('township')).tasks.close({ ...task, rating: 'satisfied' });
    },
    fails: async () => {
      const task = await aTask(); // closure not requested
      const caller = await t.as('township');
      return () => caller.tasks.close({ ...task, rating: 'satisfied' });
    },
    action: 'tasks.close',
    actor: 'township',
  },
  'tasks.return': {
    ok: async () => {
      const task = await aTask({ askClose: true });
      return (await t.as('township')).tasks.return({ ...task, reason: '资料不全' });
    },
    fails: async () => {
      const task = await aTask();
      const caller = await t.as('township');
      return () => caller.tasks.return({ ...task, reason: '资料不全' });
    },
    action: 'tasks.return',
    actor: 'township',
  },
  'tasks.requestExtension': {
    ok: async () => {
      const task = await aTask();
      return (await t.as('clerk')).tasks.requestExtension({
        ...task,
        to: '2027-06-30',
        reason: '汛期停工',
      });
    },
    fails: async () => {
      const task = await aTask();
      const caller = await t.as('clerk');
      // not later than the deadline
      return () => caller.tasks.requestExtension({ ...task, to: '2027-01-01', reason: '汛期' });
    },
    action: 'tasks.requestExtension',
    actor: 'clerk',
  },
  'tasks.decideExtension': {
    ok: async () => {
      const task = await aTask({ askExtension: true });
      return (await t.as('township')).tasks.decideExtension({ ...task, approve: true });
    },
    fails: async () => {
      const task = await aTask(); // nothing pending
      const caller = await t.as('township');
      return () => caller.tasks.decideExtension({ ...task, approve: true });
    },
    action: 'tasks.decideExtension',
    actor: 'township',
  },
  'budget.save': {
    ok: async () => (await t.as('township')).budget.save(sampleInput['budget.save'] as never),
    fails: async () => {
      const caller = await t.as('township');
      // a villagers' project that was never voted through
      const idea = await caller.projects.save(sampleInput['projects.save'] as never);
      return () =>
        caller.budget.save({
          ...(sampleInput['budget.save'] as object),
          villagerProjectId: idea.id,
        } as never);
    },
    action: 'budget.create',
    actor: 'township',
  },
  // dated in the future
  'budget.addRequest': budgetStep('budget.addRequest', { on: '2099-01-01' }),
  // nobody attending
  'budget.addMeeting': budgetStep('budget.addMeeting', { representatives: 0 }),
  // dated before the meeting
  'budget.agreePlan': budgetStep('budget.agreePlan', { on: '2026-01-20' }),
  'budget.recordTender': budgetStep('budget.recordTender', { representatives: 0 }),
  'budget.addInspection': budgetStep('budget.addInspection', { on: '2026-02-01' }),
  // answers above the participants
  'budget.recordAppraisal': budgetStep('budget.recordAppraisal', { satisfied: 71 }),
  'budget.markRectified': {
    ok: async () => {
      const p = await aKeyProject('all');
      const inspection = p.records.find((r) => r.kind === 'inspection')!;
      return (await t.as('township')).budget.markRectified({
        id: p.id,
        version: p.version,
        recordId: inspection.id,
        doneOn: '2026-04-10',
      });
    },
    fails: async () => {
      const p = await aKeyProject('all');
      const inspection = p.records.find((r) => r.kind === 'inspection')!;
      const caller = await t.as('township');
      // done before it was asked for
      return () =>
        caller.budget.markRectified({
          id: p.id,
          version: p.version,
          recordId: inspection.id,
          doneOn: '2026-03-10',
        });
    },
    action: 'budget.markRectified',
    actor: 'township',
  },
  'budget.updateRecord': {
    ok: async () => {
      const plan = (await aKeyProject('all')).records.find((r) => r.kind === 'plan')!;
      return (await t.as('township')).budget.updateRecord({
        recordId: plan.id,
        version: plan.version,
        plan: '修订后的方案',
      });
    },
    fails: async () => {
      const plan = (await aKeyProject('all')).records.find((r) => r.kind === 'plan')!;
      const caller = await t.as('township');
      // read before someone else changed it
      return () =>
        caller.budget.updateRecord({ recordId: plan.id, version: plan.version + 1, plan: '旧' });
    },
    action: 'budget.updateRecord',
    actor: 'township',
  },
  'budget.removeRecord': {
    ok: async () => {
      const last = (await aKeyProject('all')).records.find((r) => r.kind === 'appraisal')!;
      return (await t.as('township')).budget.removeRecord({
        recordId: last.id,
        version: last.version,
      });
    },
    fails: async () => {
      const plan = (await aKeyProject('all')).records.find((r) => r.kind === 'plan')!;
      const caller = await t.as('township');
      // the tender and later stages depend on it
      return () => caller.budget.removeRecord({ recordId: plan.id, version: plan.version });
    },
    action: 'budget.removeRecord',
    actor: 'township',
  },
  'budget.removeRecordFile': {
    ok: async () => (await t.as('township')).budget.removeRecordFile({ id: await aPlanFile() }),
    fails: async () => {
      await aPlanFile();
      const caller = await t.as('township');
      return () => caller.budget.removeRecordFile({ id: '00000000-0000-4000-8000-000000000000' });
    },
    action: 'budget.removeRecordFile',
    actor: 'township',
  },
  'tasks.removeReportFile': {
    ok: async () => (await t.as('clerk')).tasks.removeReportFile({ id: await aReportFile() }),
    fails: async () => {
      const id = await aReportFile();
      // the assigning office does not change the owner's files
      const caller = await t.as('township');
      return () => caller.tasks.removeReportFile({ id });
    },
    action: 'tasks.removeReportFile',
    actor: 'clerk',
  },
  'projects.save': {
    ok: async () => (await t.as('township')).projects.save(sampleInput['projects.save'] as never),
    fails: async () => {
      const caller = await t.as('township');
      // not taken up without a reason
      return () =>
        caller.projects.save({
          ...(sampleInput['projects.save'] as object),
          stage: 'not_taken',
        } as never);
    },
    action: 'projects.create',
    actor: 'township',
  },
  'projects.vote': {
    ok: async () => {
      const caller = await t.as('township');
      const p = await caller.projects.save({
        ...(sampleInput['projects.save'] as object),
        stage: 'shortlisted',
      } as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.projects.vote({
        ...(sampleInput['projects.vote'] as object),
        id: p.id,
      } as never);
    },
    fails: async () => {
      const caller = await t.as('township');
      const p = await caller.projects.save({
        ...(sampleInput['projects.save'] as object),
        stage: 'shortlisted',
      } as never);
      // more votes than deputies present
      return () =>
        caller.projects.vote({
          ...(sampleInput['projects.vote'] as object),
          id: p.id,
          votesFor: 46,
        } as never);
    },
    action: 'projects.vote',
    actor: 'township',
  },
  'comments.save': {
    ok: async () => (await t.as('clerk')).comments.save(sampleInput['comments.save'] as never),
    fails: async () => {
      const caller = await t.as('clerk');
      return () =>
        caller.comments.save({
          ...(sampleInput['comments.save'] as object),
          receivedOn: '2099-01-01',
        } as never);
    },
    action: 'comments.create',
    actor: 'clerk',
  },
  'comments.reply': {
    ok: async () => {
      const caller = await t.as('clerk');
      const c = await caller.comments.save(sampleInput['comments.save'] as never);
      await t.db.execute(sql`truncate table audit_events restart identity`);
      return caller.comments.reply({ id: c.id, version: c.version, reply: '已处理' });
    },
    fails: async () => {
      const caller = await t.as('clerk');
      const c = await caller.comments.save(sampleInput['comments.save'] as never);
      return () => caller.comments.reply({ id: c.id, version: c.version + 1, reply: '已处理' });
    },
    action: 'comments.reply',
    actor: 'clerk',
  },
});

const mutationPaths = Object.entries(routerProcedures())
  .filter(([, type]) => type === 'mutation')
  .map(([path]) => path)
  .sort();

describe('audit events', () => {
  it('this table covers every mutation of the router', () => {
    expect(Object.keys(mutations).sort()).toEqual(mutationPaths);
  });

  it.each(mutationPaths)('%s leaves exactly one audit event', async (path) => {
    const m = mutations[path]!;
    await m.ok();
    const recorded = await events();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ action: m.action, actorUsername: m.actor });
    expect(recorded[0]!.requestId).toBeTruthy();
    expect(recorded[0]!.at).toBeInstanceOf(Date);
  });

  it.each(mutationPaths)('a failed %s leaves none and changes nothing', async (path) => {
    const attempt = await mutations[path]!.fails();
    await t.db.execute(sql`truncate table audit_events restart identity`);
    const before = await snapshot();
    await expect(attempt()).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    expect(await countRows(t.db, 'audit_events')).toBe(0);
  });

  it('records before and after of a user change, never the password hash', async () => {
    await mutations['users.update']!.ok();
    const [event] = await events();
    expect(event!.before).toMatchObject({ displayName: '村文书 张敏', disabled: false });
    expect(event!.after).toMatchObject({ displayName: '改名文书', disabled: true });
    expect(JSON.stringify(event)).not.toContain('argon2');
    expect(event!.divisionCode).toBe(X_VILLAGE);
    expect(event!.countyCode).toBe('330728000000');
  });

  it.each(['county', 'nobody'])(
    'a failed login of %s is recorded as a security event, known user or not',
    async (username) => {
      await expectError(
        t.anonymous().auth.login({ username, password: 'wrong-12' }),
        'UNAUTHORIZED',
      );
      const recorded = await events();
      expect(recorded.map((e) => e.action)).toEqual(['auth.login_failed']);
    },
  );

  it('no procedure changes or deletes audit events, and the database refuses to', async () => {
    const auditProcedures = Object.entries(routerProcedures()).filter(([path]) =>
      path.startsWith('audit.'),
    );
    expect(auditProcedures.length).toBeGreaterThan(0);
    for (const [, type] of auditProcedures) expect(type).toBe('query');
    await mutations['users.create']!.ok();
    await expect(t.db.update(auditEvents).set({ action: 'forged' })).rejects.toThrow();
    await expect(t.db.delete(auditEvents)).rejects.toThrow();
    expect(await countRows(t.db, 'audit_events')).toBe(1);
  });

  it('a mutation that forgets its audit event fails and rolls back its change', async () => {
    const careless = router({
      rename: writeProcedure.use(inTransaction).mutation(async ({ ctx }) => {
        await ctx.db.update(users).set({ displayName: '未审计' });
        return 'done';
      }),
    });
    const user = await t.sessionUser('county');
    const caller = careless.createCaller(createContextInner({ db: t.db, user }));
    await expectError(caller.rename(), 'INTERNAL_SERVER_ERROR');
    const names = await t.db.select({ n: users.displayName }).from(users);
    expect(names.map((r) => r.n)).not.toContain('未审计');
  });
});

describe('audit.list', () => {
  it('filters by action and actor and pages', async () => {
    await mutations['users.create']!.ok();
    await mutations['divisions.import']!.ok();
    const county = await t.as('county');
    expect((await county.audit.list({ action: 'users.create' })).items).toHaveLength(1);
    expect((await county.audit.list({ actor: 'coun' })).items.map((e) => e.action)).toEqual([
      'divisions.import',
    ]);
    const page = await county.audit.list({ page: 1, pageSize: 1 });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.action).toBe('divisions.import'); // newest first
    expect((await county.audit.actions()).map((a) => a.action)).toEqual([
      'divisions.import',
      'users.create',
    ]);
    // a division filter keeps the events of that division and below, by its significant digits
    const actionsIn = async (divisionCode: string) =>
      (await county.audit.list({ divisionCode })).items.map((e) => e.action);
    expect(await actionsIn('330728000000')).toEqual(['divisions.import', 'users.create']);
    expect(await actionsIn('330728101000')).toEqual(['users.create']);
    expect(await actionsIn('330728101201')).toEqual(['users.create']);
    // 330728101210 is a village of its own: the events of its neighbour 330728101211 are not its
    await county.users.create({
      username: 'clerk_211',
      displayName: '文书丙',
      password: 'Clerk2026',
      role: 'village_clerk',
      scopeCode: '330728101211',
    });
    expect(await actionsIn('330728101210')).toEqual([]);
    expect(await actionsIn('330728101211')).toEqual(['users.create']);
  });
});

describe('audit.list in words', () => {
  const uuidText = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
  /** A code a reader should never see: `county_accepted`, `self_assess`, `villagers_meeting`… */
  const codeText = /^[a-z]+(?:_[a-z0-9]+)+$|^[a-z]+[A-Z][A-Za-z]*$/;
  const cjk = /[\u4e00-\u9fff]/;

  it.each(mutationPaths)(
    '%s reads in words: the person, the action, the object and each change, no ids or codes',
    async (path) => {
      await mutations[path]!.ok();
      const [raw] = await events();
      const admin = await t.as('admin');
      const [item] = (await admin.audit.list({})).items;
      expect(item).toBeDefined();
      expect(item!.action).toBe(raw!.action);
      // every field of the recorded change has a word (none left out for want of one)
      expect(describeAuditChanges(redactAuditEvent(raw!, true)).unnamed).toEqual([]);
      expect(item!.actionName.zh).not.toBe('其他操作');
      expect(item!.entityName.zh).not.toBe('其他对象');
      expect(item!.actionName.zh).toMatch(cjk);
      expect(item!.entityName.zh).toMatch(cjk);
      if (raw!.actorId) {
        const [user] = await t.db.select().from(users).where(eq(users.id, raw!.actorId));
        expect(item!.actorName).toBe(user!.displayName);
      }
      for (const change of item!.changes) {
        expect(change.field.zh).toMatch(cjk);
        expect(change.field.zh).not.toMatch(/[A-Za-z“]/);
        for (const value of [change.before, change.after]) {
          if (!value) continue;
          for (const text of [value.zh, value.en]) {
            expect(text).not.toMatch(uuidText);
            expect(text).not.toMatch(/[{}[\]"]/);
            expect(text).not.toMatch(codeText);
          }
        }
      }
    },
  );

  it('shows a state change as its names, the person by name and the place by name', async () => {
    await mutations['participations.bulkTransition']!.ok();
    const [item] = (await (await t.as('county')).audit.list({})).items;
    const state = item!.changes.find((c) => c.field.zh === '状态');
    expect(state).toMatchObject({
      before: { zh: '乡镇初审通过' },
      after: { zh: '县级验收通过' },
    });
    expect(item!.actorName).toBe('县司法局 王科长');
    expect(item!.divisionName).toMatch(cjk);
    expect(JSON.stringify(item!.changes)).not.toContain('county_accepted');
  });

  it('the demo data’s own event reads in words too', () => {
    const { changes, unnamed } = describeAuditChanges({
      entity: 'deployment',
      before: null,
      after: { divisions: 300, users: ['admin', 'county'] },
    });
    expect(unnamed).toEqual([]);
    expect(changes.map((c) => c.field.zh)).toEqual(['区划条数', '账号']);
  });

  it('names the actions of the filter list', async () => {
    await mutations['users.create']!.ok();
    expect(await (await t.as('county')).audit.actions()).toEqual([
      { action: 'users.create', name: { zh: '新建用户', en: 'Created a user' } },
    ]);
  });
});
