// Times statistics.mediation for a county of 300 villages with ten years of cases (about 200,000),
// on PostgreSQL: the county's year (15 townships), a township's year (20 villages and its own
// committee) and the county's ten years. Limit: 200 ms (issue #11).
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { importDivisions } from '../src/services/divisions/import-divisions.js';
import { Scope } from '../src/auth/scope.js';
import { createCaller } from '../src/trpc/root.js';
import { createContextInner } from '../src/trpc/context.js';

const COUNTY = '330798000000';
const LIMIT_MS = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchMediation(database: Database): Promise<void> {
  const { db } = database;
  const lines = ['330000000000,浙江省', '330700000000,金华市', `${COUNTY},调解基准县`];
  for (let t = 1; t <= 15; t++) {
    const township = `330798${String(100 + t)}`;
    lines.push(`${township}000,镇${t}`);
    for (let v = 1; v <= 20; v++) lines.push(`${township}${String(200 + v)},村${t}-${v}`);
  }
  await db.transaction((tx) =>
    importDivisions({
      db: tx,
      csv: lines.join('\n'),
      scope: new Scope('000000000000', 'system_admin'),
    }),
  );
  const started = performance.now();
  // 200,000 cases from 2017-01-01 to 2026-12-31, spread over 300 villages and 15 townships
  await db.execute(sql`
    insert into mediation_cases (county_code, township_code, division_code, received_on, type,
      parties, method, outcome, closed_on, escalation, agreement_no)
    select ${COUNTY},
           '330798' || (101 + (i % 15))::text || '000',
           '330798' || (101 + (i % 15))::text || case when i % 16 = 0 then '000'
             else (201 + (i / 15) % 20)::text end,
           date '2017-01-01' + (i % 3652),
           (array['marriage_family','neighbour','land_contract','forest_water','land_requisition',
                  'labour','damages','other'])[1 + i % 8],
           2 + i % 3,
           case when i % 5 = 0 then 'written' else 'oral' end,
           (array['succeeded','succeeded','succeeded','failed','terminated','to_court','open'])[1 + i % 7],
           case when i % 7 = 6 then null else date '2017-01-01' + (i % 3652) + (i % 20) end,
           case when i % 97 = 0 then 'petition' when i % 401 = 0 then 'criminal' else 'none' end,
           case when i % 5 = 0 then 'A' || i end
    from generate_series(1, 200000) as i`);
  await db.execute(sql`analyze mediation_cases`);
  console.log(
    `mediation: 200,000 cases generated in ${Math.round(performance.now() - started)} ms`,
  );

  const caller = createCaller(
    createContextInner({
      db,
      user: {
        id: '00000000-0000-4000-8000-000000000001',
        username: 'bench',
        displayName: 'bench',
        role: 'county_admin',
        scopeCode: COUNTY,
        sessionId: 'bench',
      },
    }),
  );
  const cases: [string, { divisionCode: string; from: string; to: string }][] = [
    ['county, one year', { divisionCode: COUNTY, from: '2026-01-01', to: '2026-12-31' }],
    ['township, one year', { divisionCode: '330798101000', from: '2026-01-01', to: '2026-12-31' }],
    ['county, ten years', { divisionCode: COUNTY, from: '2017-01-01', to: '2026-12-31' }],
  ];
  for (const [label, input] of cases) {
    const times: number[] = [];
    let received = 0;
    for (let run = 0; run < 15; run++) {
      const t0 = performance.now();
      const stats = await caller.statistics.mediation(input);
      times.push(performance.now() - t0);
      received = stats.received;
    }
    const ms = median(times);
    // the limit is for a period's statistics (a year); ten years at once is printed for information
    const limit = input.from.startsWith('2017') ? 'no limit set' : `limit ${LIMIT_MS} ms`;
    const verdict = input.from.startsWith('2017') ? '' : ms <= LIMIT_MS ? ' OK' : ' OVER LIMIT';
    console.log(
      `statistics.mediation (${label}, ${received} cases): median ${ms.toFixed(1)} ms (${limit})${verdict}`,
    );
  }
}
