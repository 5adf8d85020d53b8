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
