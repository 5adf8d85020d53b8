// The ranking and the distribution are computed by PostgreSQL; `rankScorecards` and
// `summarizeScorecards` of @fazhi/domain stay their definition. Generated campaigns (many ties,
// vetoed villages, a few villages without a county score) must get the same answer both ways,
// page by page.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { rankScorecards, summarizeScorecards, type Grade } from '@fazhi/domain';
import { useTestDatabase } from './harness.js';
import { rowsOf } from '../src/db/rows-of.js';
import { DEMO_CLERK_VILLAGE } from '../src/demo/demo-rounds.js';
import { DEMO_COUNTY_CODE } from '../src/demo/demo-county.js';

const t = useTestDatabase({ campaign: true });

const grades: Grade[] = ['excellent', 'good', 'pass', 'fail'];

async function noticeCampaign() {
  const county = await t.as('county');
  const { items } = await county.campaigns.list({});
  return items.find((c) => c.stage === 'public_notice')!.id;
}

interface Generated {
  code: string;
  /** null: no county score yet */
  total: number | null;
  grade: Grade;
  vetoed: boolean;
}

/** Gives the campaign's villages the generated county scores. */
async function apply(campaignId: string, scores: Generated[]) {
  for (const s of scores)
    await t.db.execute(
      sql`update participations set county_total = ${s.total}, county_grade = ${s.total === null ? null : s.grade},
          county_vetoed = ${s.vetoed} where campaign_id = ${campaignId} and village_code = ${s.code}`,
    );
}

async function villagesOf(campaignId: string): Promise<string[]> {
  const rows = rowsOf<{ village_code: string }>(
    await t.db.execute(
      sql`select village_code from participations where campaign_id = ${campaignId} order by village_code`,
    ),
  );
  return rows.map((r) => r.village_code);
}

const scoreOf = fc.record({
  // few distinct totals, so that ties are common; some villages not scored
  total: fc.option(fc.constantFrom(0, 5999, 6000, 7550, 8000, 8000, 9000, 10000), {
    freq: 8,
  }),
  grade: fc.constantFrom(...grades),
  vetoed: fc.boolean(),
});

describe('the ranking in SQL', () => {
  it('agrees with rankScorecards and summarizeScorecards on generated campaigns, page by page', async () => {
    const campaignId = await noticeCampaign();
    const codes = await villagesOf(campaignId);
    expect(codes.length).toBeGreaterThan(20);
    const county = await t.as('county');
    await fc.assert(
      fc.asyncProperty(
        fc.array(scoreOf, { minLength: codes.length, maxLength: codes.length }),
        fc.integer({ min: 1, max: 12 }),
        async (generated, pageSize) => {
          const scores = generated.map((g, i) => ({ ...g, code: codes[i]! }));
          await apply(campaignId, scores);
          const scored = scores.filter((s) => s.total !== null);
          const expected = rankScorecards(
            scored.map((s) => ({
              id: s.code,
              scorecard: { total: s.total! / 100, grade: s.grade, vetoed: s.vetoed },
            })),
          );
          const pages = [];
          let total: number | undefined;
          for (let page = 1; ; page++) {
            const answer = await county.campaigns.ranking({ id: campaignId, page, pageSize });
            total = answer.total;
            expect(answer.items.length).toBeLessThanOrEqual(pageSize);
            pages.push(...answer.items);
            if (answer.items.length < pageSize) break;
          }
          expect(total).toBe(scored.length);
          expect(
            pages.map(({ villageCode, rank, total, grade, vetoed }) => ({
              id: villageCode,
              rank,
              total,
              grade,
              vetoed,
            })),
          ).toEqual(expected);

          const results = await county.campaigns.results({ id: campaignId });
          expect(results.summary).toEqual(
            summarizeScorecards(
              scored.map((s) => ({ total: s.total! / 100, grade: s.grade, vetoed: s.vetoed })),
            ),
          );
          expect(results.histogram.reduce((n, b) => n + b.count, 0)).toBe(scored.length);
          expect(results.progress.reduce((n, p) => n + p.scored, 0)).toBe(scored.length);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('narrows by township, grade and state without changing the ranks, and pages at the boundary', async () => {
    const campaignId = await noticeCampaign();
    const county = await t.as('county');
    const all = await county.campaigns.ranking({ id: campaignId, pageSize: 200 });
    const township = all.items[0]!.townshipCode;
    const inTownship = await county.campaigns.ranking({
      id: campaignId,
      townshipCode: township,
      pageSize: 200,
    });
    expect(inTownship.items.length).toBeGreaterThan(0);
    expect(inTownship.total).toBe(inTownship.items.length);
    expect(inTownship.items).toEqual(all.items.filter((r) => r.townshipCode === township));

    const excellent = await county.campaigns.ranking({
      id: campaignId,
      grade: 'excellent',
      pageSize: 200,
    });
    expect(excellent.items).toEqual(all.items.filter((r) => r.grade === 'excellent'));
    const named = await county.campaigns.ranking({ id: campaignId, state: 'named', pageSize: 200 });
    expect(named.items).toEqual(all.items.filter((r) => r.state === 'named'));

    // the last page holds the rest; a page past the end is empty with the same total
    const size = 7;
    const lastPage = Math.ceil(all.total / size);
    const last = await county.campaigns.ranking({ id: campaignId, page: lastPage, pageSize: size });
    expect(last.items).toEqual(all.items.slice((lastPage - 1) * size));
    expect(last.total).toBe(all.total);
    const past = await county.campaigns.ranking({
      id: campaignId,
      page: lastPage + 1,
      pageSize: size,
    });
    expect(past).toMatchObject({ items: [], total: all.total });
  });

  it('tells a village clerk where their village stands among the whole campaign', async () => {
    const campaignId = await noticeCampaign();
    const codes = await villagesOf(campaignId);
    // the clerk's village and three others: 90, 95, 90 (the clerk's), 80 vetoed
    const others = codes.filter((c) => c !== DEMO_CLERK_VILLAGE).slice(0, 3);
    await t.db.execute(
      sql`update participations set county_total = null where campaign_id = ${campaignId}`,
    );
    await apply(campaignId, [
      { code: others[0]!, total: 9000, grade: 'excellent', vetoed: false },
      { code: others[1]!, total: 9500, grade: 'excellent', vetoed: false },
      { code: others[2]!, total: 8000, grade: 'good', vetoed: true },
    ]);
    await t.db.execute(
      sql`insert into participations (county_code, campaign_id, village_code, township_code, state, county_total, county_grade)
          values (${DEMO_COUNTY_CODE}, ${campaignId}, ${DEMO_CLERK_VILLAGE}, '330728101000', 'county_accepted', 9000, 'excellent')
          on conflict (county_code, campaign_id, village_code, unit_id)
          do update set county_total = 9000, county_grade = 'excellent', county_vetoed = false`,
    );
    const clerk = await t.as('clerk');
    const mine = await clerk.campaigns.ranking({ id: campaignId });
    // the clerk sees only their own row, and their place among all four
    expect(mine.items.map((r) => r.villageCode)).toEqual([DEMO_CLERK_VILLAGE]);
    expect(mine.own).toEqual({ villageCode: DEMO_CLERK_VILLAGE, rank: 2, of: 4 });
    const county = await t.as('county');
    expect((await county.campaigns.ranking({ id: campaignId })).own).toBeNull();
  });
});
