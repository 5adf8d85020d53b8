// Builds a campaign of the demo county and moves villages through it, as the users would.
import { eq } from 'drizzle-orm';
import type { Framework } from '@fazhi/domain';
import { frameworks } from '../src/db/schema.js';
import { sampleAnswers } from '../src/demo/sample-answers.js';
import type { TestDb } from './harness.js';

export const X_VILLAGE = '330728101201'; // 白石镇, the clerk's village
export const X_VILLAGE_2 = '330728101202';
export const Y_VILLAGE = '330728102201'; // 青山镇

export async function demoFramework(t: TestDb): Promise<{ id: string; definition: Framework }> {
  const [row] = await t.db.select().from(frameworks).where(eq(frameworks.code, 'demo-county-2026'));
  return { id: row!.id, definition: row!.definition as Framework };
}

export async function createCampaign(t: TestDb, overrides: Record<string, unknown> = {}) {
  const county = await t.as('county');
  const framework = await demoFramework(t);
  const campaign = await county.campaigns.create({
    countyCode: '330728000000',
    name: '2026年度县级民主法治示范村创建',
    year: 2026,
    level: 'county',
    frameworkId: framework.id,
    minSelfScore: 60,
    minAcceptedScore: 60,
    ...overrides,
  });
  return { campaign, framework, county };
}

/** Declares villages and fills their self-assessments with good answers. */
export async function campaignInSelfAssessment(
  t: TestDb,
  villages = [X_VILLAGE, X_VILLAGE_2, Y_VILLAGE],
) {
  const { campaign, framework, county } = await createCampaign(t);
  await county.campaigns.advance({ id: campaign.id });
  const ids: Record<string, string> = {};
  for (const code of villages) {
    ids[code] = (
      await county.participations.declare({ campaignId: campaign.id, villageCode: code })
    ).id;
  }
  await county.campaigns.advance({ id: campaign.id });
  return { campaign, framework, county, ids };
}

export function goodSheet(framework: Framework, seed = 1) {
  return { ...sampleAnswers(framework, 1, seed), comments: {} };
}

/** The version a caller must send with the next change. */
export async function versionOf(t: TestDb, id: string): Promise<number> {
  const county = await t.as('admin');
  return (await county.participations.get({ id })).participation.version;
}

export const X_TOWNSHIP = '330728101000'; // 白石镇, the township officer's scope

/** An annual assessment of the demo county's townships, launched and in self-assessment. */
export async function annualTownshipCampaign(t: TestDb) {
  const { campaign, framework, county } = await createCampaign(t, {
    name: '2026年度依法治镇考核',
    mode: 'annual',
    subjectLevel: 'township',
  });
  await county.campaigns.advance({ id: campaign.id });
  const list = await county.participations.list({ campaignId: campaign.id, pageSize: 100 });
  const id = list.items.find((p) => p.villageCode === X_TOWNSHIP)!.id;
  return { campaign, framework, county, list, id };
}

/** The annual township assessment with 白石镇 self-assessed and accepted by the county. */
export async function annualTownshipAccepted(t: TestDb) {
  const made = await annualTownshipCampaign(t);
  const { county, framework, id, campaign } = made;
  const township = await t.as('township');
  const saved = await township.participations.saveSheet({
    id,
    version: await versionOf(t, id),
    column: 'self',
    data: goodSheet(framework.definition),
  });
  await township.participations.transition({
    id,
    version: saved.version,
    event: { type: 'submit_self_assessment' },
  });
  // the other townships leave the assessment so that it may move on
  const others = made.list.items.filter((p) => p.id !== id);
  for (const p of others) {
    await county.participations.transition({
      id: p.id,
      version: p.version,
      event: { type: 'withdraw', reason: '本年度不参加' },
    });
  }
  await county.campaigns.advance({ id: campaign.id });
  const scored = await county.participations.saveSheet({
    id,
    version: await versionOf(t, id),
    column: 'county',
    data: goodSheet(framework.definition, 2),
  });
  const accepted = await county.participations.transition({
    id,
    version: scored.version,
    event: { type: 'accept' },
  });
  return { ...made, accepted };
}

/** Three county units of the demo county and an officer of the first (司法局). */
export async function countyUnitsWithOfficer(t: TestDb) {
  const county = await t.as('county');
  const units = [];
  for (const name of ['司法局', '公安局', '市场监管局']) {
    units.push(await county.units.save({ countyCode: '330728000000', name, kind: '政府工作部门' }));
  }
  await county.users.create({
    username: 'sfj_officer',
    displayName: '司法局 干部',
    password: 'Unit2026x',
    role: 'unit_officer',
    scopeCode: '330728000000',
    unitId: units[0]!.id,
  });
  return { county, units, officer: await t.as('sfj_officer') };
}
