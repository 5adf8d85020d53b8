// Times campaigns.ranking for a campaign of 5,000 villages with 40-item sheets, and one
// score-sheet save, on PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import { scoreTotals, type Framework } from '@fazhi/domain';
import type { Database } from '../src/db/client.js';
import { campaigns, frameworks, participations, users } from '../src/db/schema.js';
import { ensureBuiltinFrameworks } from '../src/services/campaigns/frameworks.js';
import { importDivisions } from '../src/services/divisions/import-divisions.js';
import { Scope } from '../src/auth/scope.js';
import { sampleAnswers } from '../src/demo/sample-answers.js';
import { createCaller } from '../src/trpc/root.js';
import { createContextInner } from '../src/trpc/context.js';

const COUNTY = '330799000000';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchCampaigns(database: Database): Promise<void> {
  const { db } = database;
  await ensureBuiltinFrameworks(db);
  const lines = ['330000000000,浙江省', '330700000000,金华市', `${COUNTY},基准县`];
  const villages: string[] = [];
  for (let t = 1; t <= 50; t++) {
    const township = `330799${String(100 + t)}`;
    lines.push(`${township}000,镇${t}`);
    for (let v = 1; v <= 100; v++) {
      const code = `${township}${String(200 + v)}`;
      villages.push(code);
      lines.push(`${code},村${t}-${v}`);
    }
  }
  await db.transaction((tx) =>
    importDivisions({
      db: tx,
      csv: lines.join('\n'),
      scope: new Scope('000000000000', 'system_admin'),
    }),
  );
  const [framework] = await db
    .select()
    .from(frameworks)
    .where(eq(frameworks.code, 'demo-county-2026'));
  const definition = framework!.definition as Framework;
  const [campaign] = await db
    .insert(campaigns)
    .values({
      countyCode: COUNTY,
      name: '基准创建',
      year: 2026,
      level: 'county',
      frameworkId: framework!.id,
      stage: 'county_acceptance',
    })
    .returning();
  const [admin] = await db
    .insert(users)
    .values({
      username: 'bench_county',
      displayName: '基准管理员',
      passwordHash: 'x',
      role: 'county_admin',
      scopeCode: COUNTY,
      countyCode: COUNTY,
    })
    .returning();

  let t = performance.now();
  const rows = villages.map((code, i) => {
    const sheet = {
      self: { ...sampleAnswers(definition, 0.95, i), comments: {} },
      township: { ...sampleAnswers(definition, 0.9, i + 1), comments: {} },
      county: { ...sampleAnswers(definition, 0.85, i + 2), comments: {} },
    };
    const cards = (['self', 'township', 'county'] as const).map((c) => {
      const r = scoreTotals(definition, { items: sheet[c].items, vetoes: sheet[c].vetoes });
      if (!r.ok) throw new Error(`bad sample: ${JSON.stringify(r.problems).slice(0, 300)}`);
      return r.totals;
    });
    return {
      countyCode: COUNTY,
      campaignId: campaign!.id,
      villageCode: code,
      townshipCode: code.slice(0, 9) + '000',
      state: 'township_approved' as const,
      sheet,
      selfTotal: Math.round(cards[0]!.total * 100),
      townshipTotal: Math.round(cards[1]!.total * 100),
      countyTotal: Math.round(cards[2]!.total * 100),
      countyGrade: cards[2]!.grade,
      countyVetoed: cards[2]!.vetoed,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db.insert(participations).values(rows.slice(i, i + 500));
  await db.execute(sql`analyze participations`);
  console.log(
    `set up a campaign of ${rows.length.toLocaleString('en')} villages with 40-item sheets in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const caller = createCaller(
    createContextInner({
      db,
      user: {
        id: admin!.id,
        username: admin!.username,
        displayName: admin!.displayName,
        role: 'county_admin',
        scopeCode: COUNTY,
        sessionId: 'bench',
      },
    }),
  );
  const rankingTimes: number[] = [];
  let ranked = 0;
  for (let i = 0; i < 12; i++) {
    t = performance.now();
    ranked = (await caller.campaigns.ranking({ id: campaign!.id })).total;
    rankingTimes.push(performance.now() - t);
  }
  console.log(
    `campaigns.ranking of ${ranked.toLocaleString('en')} villages: median ${median(rankingTimes.slice(2)).toFixed(0)} ms over 10 runs (target < 300 ms)`,
  );

  const [target] = await db
    .select()
    .from(participations)
    .where(eq(participations.villageCode, villages[0]!));
  let version = target!.version;
  const saveTimes: number[] = [];
  for (let i = 0; i < 22; i++) {
    const data = {
      ...sampleAnswers(definition, 0.9, 1000 + i),
      comments: { [definition.areas[0]!.items[0]!.code]: `第${i}次保存` },
    };
    t = performance.now();
    version = (
      await caller.participations.saveSheet({ id: target!.id, version, column: 'county', data })
    ).version;
    saveTimes.push(performance.now() - t);
  }
  console.log(
    `participations.saveSheet (40 items, audited): median ${median(saveTimes.slice(2)).toFixed(1)} ms over 20 saves (target < 50 ms)`,
  );
}
