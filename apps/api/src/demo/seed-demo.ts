import { count } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import { Scope } from '../auth/scope.js';
import { hashPassword } from '../auth/password.js';
import { importDivisions } from '../services/divisions/import-divisions.js';
import { writeAudit } from '../services/audit.js';
import { DEMO_PASSWORD, demoDivisionsCsv, demoUsers } from './demo-county.js';
import { parseDivisionCode } from '@fazhi/domain';
import { ensureBuiltinFrameworks } from '../services/campaigns/frameworks.js';
import { seedDemoCampaign } from './demo-campaign.js';
import { seedDemoProjects, seedDemoTownship } from './demo-township.js';
import { seedDemoBudget } from './demo-budget.js';
import { seedDemoRounds } from './demo-rounds.js';
import { seedDemoRecords } from './demo-records.js';
import { seedDemoRegisters } from './demo-registers.js';
import { seedDemoAdvisers } from './demo-advisers.js';
import { seedDemoPufa } from './demo-pufa.js';
import { seedDemoUnits } from './demo-units.js';

/** Whether the database has no users yet (a fresh installation). */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) === 0;
}

/**
 * Loads the demo county and one account per role, in one transaction with its audit event.
 * `passwordHash` lets tests reuse one precomputed hash of the demo password; `campaign: false`
 * leaves out the demo campaigns (the one at 公示, and the rounds at 自评 and 乡镇初审), the county
 * units with their officer (`unit`), the annual township assessment at 自评 and the township
 * work (supervision tasks and comments). With `dataDir`, the demo's files are written there too.
 */
export async function seedDemo(
  db: Db,
  options: { passwordHash?: string; campaign?: boolean; dataDir?: string } = {},
): Promise<void> {
  const hashes = await Promise.all(
    demoUsers.map(() => options.passwordHash ?? hashPassword(DEMO_PASSWORD)),
  );
  await db.transaction(async (tx) => {
    const result = await importDivisions({
      db: tx,
      csv: demoDivisionsCsv(),
      scope: new Scope('000000000000', 'system_admin'),
    });
    await tx.insert(users).values(
      demoUsers.map((u, i) => {
        const parsed = parseDivisionCode(u.scopeCode);
        return {
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          scopeCode: u.scopeCode,
          countyCode: parsed.ok ? parsed.division.countyCode : null,
          passwordHash: hashes[i]!,
        };
      }),
    );
    await ensureBuiltinFrameworks(tx);
    if (options.campaign !== false) {
      await seedDemoCampaign(tx, options.dataDir);
      await seedDemoRounds(tx);
      await seedDemoRecords(tx);
      await seedDemoRegisters(tx, options.dataDir);
      await seedDemoAdvisers(tx);
      await seedDemoPufa(tx, options.dataDir);
      await seedDemoTownship(tx, options.dataDir);
      await seedDemoProjects(tx);
      await seedDemoBudget(tx, options.dataDir);
      await seedDemoUnits(tx, hashes[0]!);
    }
    await writeAudit(tx, { id: null, username: 'system' }, 'demo-seed', {
      action: 'demo.seed',
      entity: 'deployment',
      after: { divisions: result.total, users: demoUsers.map((u) => u.username) },
    });
  });
}
