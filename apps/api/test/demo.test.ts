import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { participationStates } from '../src/db/schema.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { useTestDatabase } from './harness.js';

const t = useTestDatabase({ campaign: true });

describe('the demo county', () => {
  it('has 15 townships, 300 villages and one account per role', async () => {
    const admin = await t.as('admin');
    expect(await admin.dashboard.summary()).toEqual({ townships: 15, villages: 300, users: 5 });
    const roles = (await admin.users.list({})).items.map((u) => u.role).sort();
    expect(roles).toEqual([
      'county_admin',
      'inspector',
      'system_admin',
      'township_officer',
      'village_clerk',
    ]);
  });

  it('has a living campaign with villages in every state, scored by the domain library', async () => {
    const county = await t.as('county');
    const { items } = await county.campaigns.list({});
    expect(items).toHaveLength(1);
    const campaign = await county.campaigns.get({ id: items[0]!.id });
    expect(Object.keys(campaign.counts).sort()).toEqual([...participationStates].sort());
    const ranking = await county.campaigns.ranking({ id: campaign.id });
    expect(ranking.length).toBeGreaterThan(20);
    expect(ranking[0]!.rank).toBe(1);
    for (const entry of ranking) {
      expect(entry.total).toBeGreaterThanOrEqual(0);
      expect(entry.total).toBeLessThanOrEqual(100);
    }
    const named = await county.titles.list({ status: 'active', pageSize: 100 });
    expect(named.total).toBeGreaterThanOrEqual(10);
  });

  it('is the same every time', async () => {
    const county = await t.as('county');
    const first = await county.campaigns.list({});
    const before = await county.campaigns.ranking({ id: first.items[0]!.id });
    await t.db.execute(
      sql`truncate table evidence_files, objections, titles, participations, campaigns, sessions, users, divisions, audit_events restart identity cascade`,
    );
    await seedDemo(t.db);
    const again = await t.as('county');
    const second = await again.campaigns.list({});
    const after = await again.campaigns.ranking({ id: second.items[0]!.id });
    expect(after).toEqual(before);
  });
});
