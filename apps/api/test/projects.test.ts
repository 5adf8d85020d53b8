// 实事工程百姓点单 (issue #13): an idea is screened, voted by the township congress (checked by
// the domain: a tally above the deputies present is refused with the article), built with
// milestones, and shown on the public page without anything personal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { villagerProjects } from '../src/db/schema.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();
const TOWNSHIP = '330728101000';
const Y = '330728102000';
let app: Awaited<ReturnType<typeof createServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-projects-'));

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const idea = {
  divisionCode: TOWNSHIP,
  year: 2026,
  title: '镇区老旧小区加装路灯',
  sourceKind: 'village' as const,
  source: '杨林村',
  raisedBy: 37,
};
const vote = { date: '2026-03-01', deputies: 60, present: 45 };

async function shortlisted() {
  const township = await t.as('township');
  const saved = await township.projects.save(idea);
  return township.projects.save({
    ...idea,
    id: saved.id,
    version: 1,
    stage: 'shortlisted',
    budgetYuan: 800_000,
  });
}

describe('projects', () => {
  it('an idea becomes a voted project with a milestone on the public page', async () => {
    const township = await t.as('township');
    const p = await shortlisted();
    const voted = await township.projects.vote({
      id: p.id,
      version: p.version,
      ...vote,
      votesFor: 40,
      votesAgainst: 3,
      abstentions: 2,
    });
    expect(voted.stage).toBe('voted_through');
    expect(voted.vote!.check).toMatchObject({ quorumMet: true, passed: true, votesNeeded: 31 });
    const built = await township.projects.save({
      ...idea,
      id: p.id,
      version: voted.version,
      percentDone: 40,
      spentYuan: 300_000,
      milestones: [{ title: '完成招标', due: '2026-05-01', done: true }],
    });
    expect(built).toMatchObject({ percentDone: 40, spentYuan: 300_000 });
    const res = await app.inject({ url: `/public/projects/${TOWNSHIP}/2026` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('镇区老旧小区加装路灯');
    expect(res.body).toContain('完成招标');
    expect(res.body).toContain('赞成 40');
    expect(res.body).toContain('800,000 元');
    expect(res.body).not.toContain('<script');
  });

  it('a majority of those present but not of all deputies is voted down', async () => {
    const township = await t.as('township');
    const p = await shortlisted();
    const voted = await township.projects.vote({
      id: p.id,
      version: p.version,
      ...vote,
      votesFor: 30,
      votesAgainst: 10,
      abstentions: 5,
    });
    expect(voted.stage).toBe('voted_down');
    expect(voted.vote!.check.problems[0]).toMatchObject({ code: 'MAJORITY_NOT_MET' });
  });

  it('a tally above the deputies present is refused with the article and changes nothing', async () => {
    const township = await t.as('township');
    const p = await shortlisted();
    const data = await expectError(
      township.projects.vote({
        id: p.id,
        version: p.version,
        ...vote,
        votesFor: 40,
        votesAgainst: 6,
        abstentions: 0,
      }),
      'BAD_REQUEST',
      'TALLY_EXCEEDS_PRESENT',
    );
    expect(data.fieldErrors[0]!.path).toBe('votesFor');
    expect(data.fieldErrors[0]!.message.zh).toContain(
      '地方各级人民代表大会和地方各级人民政府组织法',
    );
    expect(data.fieldErrors[0]!.message.en).toContain('Organic Law of Local People');
    const [row] = await t.db.select().from(villagerProjects);
    expect(row).toMatchObject({ stage: 'shortlisted', vote: null });
  });

  it('an idea not taken up needs its reason; only the vote sets the result; progress waits for it', async () => {
    const township = await t.as('township');
    const saved = await township.projects.save(idea);
    const at = { ...idea, id: saved.id, version: 1 };
    await expectError(
      township.projects.save({ ...at, stage: 'not_taken' }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    await expectError(
      township.projects.save({ ...at, stage: 'voted_through' }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    await expectError(
      township.projects.save({ ...at, percentDone: 10 }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    const refused = await township.projects.save({
      ...at,
      stage: 'not_taken',
      screeningReason: '已列入县级交通项目',
    });
    expect(refused.screeningReason).toBe('已列入县级交通项目');
    await expectError(
      township.projects.vote({
        id: refused.id,
        version: refused.version,
        ...vote,
        votesFor: 40,
        votesAgainst: 0,
        abstentions: 0,
      }),
      'CONFLICT',
      'PROJECT_NOT_SHORTLISTED',
    );
  });

  it('lists a township’s year in pages and keeps other townships out', async () => {
    const township = await t.as('township');
    await township.projects.save(idea);
    await township.projects.save({ ...idea, title: '村级文化礼堂', raisedBy: 80 });
    const page = await township.projects.list({ divisionCode: TOWNSHIP, year: 2026, pageSize: 1 });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    await expectError(township.projects.list({ divisionCode: Y, year: 2026 }), 'FORBIDDEN');
    await expectError(township.projects.save({ ...idea, divisionCode: Y }), 'FORBIDDEN');
    await expectError((await t.as('clerk')).projects.save(idea), 'FORBIDDEN');
  });
});
