// Demo records of the rule-of-law registers: mediation cases of a few villages of 白石镇 and 青山镇
// and of 白石镇's own committee in 2025–2026, monthly dispute screening of 白石镇's first villages
// (some zero reports, some late, a missing month), and 白石镇's first months of 2026 closed. Each
// settled written agreement keeps its 调解协议书 (a one-page PDF; its bytes are written when the
// demo is loaded with a data directory, and named by the start-up sweep).
// Deterministic: the same data every time. No ID numbers; no party names.
import type { Db } from '../db/client.js';
import {
  disputeScreenings,
  mediationCaseFiles,
  mediationCases,
  registerPeriods,
} from '../db/schema.js';
import { demoPdf, writeDemoFile } from './demo-files.js';
import { recountMediationMonthly } from '../services/registers/mediation-counts.js';
import {
  disputeTypes,
  handledOutcomes,
  monthEnd,
  reportDueOn,
  type MediationOutcome,
} from '@fazhi/domain';

const COUNTY = '330728000000';
const committees = [
  '330728101000',
  '330728101201',
  '330728101202',
  '330728101203',
  '330728101204',
  '330728102201',
  '330728102202',
];
const outcomes: MediationOutcome[] = [
  'succeeded',
  'succeeded',
  'succeeded',
  'failed',
  'terminated',
];

export async function seedDemoRegisters(db: Db, dataDir?: string): Promise<void> {
  const cases: (typeof mediationCases.$inferInsert)[] = [];
  let n = 0;
  for (const year of [2025, 2026]) {
    for (let month = 1; month <= (year === 2026 ? 10 : 12); month++) {
      for (const code of committees) {
        n += 1;
        // roughly one case in two villages a month, fewer in 2026 (disputes going down)
        if ((n * 7 + month) % (year === 2026 ? 3 : 2) !== 0) continue;
        const day = 1 + ((n * 5) % 25);
        const receivedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const outcome = outcomes[n % outcomes.length]!;
        const closeDay = Math.min(day + 3 + (n % 6), 28);
        const method = n % 4 === 0 && outcome === 'succeeded' ? 'written' : 'oral';
        cases.push({
          countyCode: COUNTY,
          townshipCode: code.slice(0, 9) + '000',
          divisionCode: code,
          receivedOn,
          type: disputeTypes[n % disputeTypes.length]!,
          parties: 2 + (n % 3),
          mediator: code.endsWith('000') ? '镇调委会 周主任' : '村调委会 调解员',
          method,
          outcome,
          closedOn: handledOutcomes.includes(outcome)
            ? `${receivedOn.slice(0, 8)}${String(closeDay).padStart(2, '0')}`
            : null,
          escalation: n % 41 === 0 ? 'petition' : 'none',
          agreementNo: method === 'written' ? `白石调字〔${year}〕${n}号` : null,
          notes: '',
        });
      }
    }
  }
  // two cases still open in November 2026
  cases.push(
    {
      countyCode: COUNTY,
      townshipCode: '330728101000',
      divisionCode: '330728101201',
      receivedOn: '2026-11-18',
      type: 'land_contract',
      parties: 2,
      mediator: '村调委会 调解员',
      method: 'oral',
      outcome: 'open',
    },
    {
      countyCode: COUNTY,
      townshipCode: '330728102000',
      divisionCode: '330728102201',
      receivedOn: '2026-11-20',
      type: 'neighbour',
      parties: 3,
      mediator: '村调委会 调解员',
      method: 'oral',
      outcome: 'open',
    },
  );
  const stored = await db.insert(mediationCases).values(cases).returning();
  await recountMediationMonthly(db, COUNTY.slice(0, 6));
  const written = stored.filter((c) => c.method === 'written' && c.outcome === 'succeeded');
  const files: (typeof mediationCaseFiles.$inferInsert)[] = [];
  // a file row only with its bytes: without a data directory the written cases keep no file (and
  // the register shows them as missing their agreement)
  for (const c of dataDir ? written : []) {
    files.push({
      ...(await writeDemoFile(dataDir!, COUNTY, c.id, demoPdf)),
      countyCode: COUNTY,
      divisionCode: c.divisionCode,
      caseId: c.id,
      fileName: `${c.agreementNo ?? '调解协议书'}.pdf`,
    });
  }
  if (files.length > 0) await db.insert(mediationCaseFiles).values(files);

  const screenings: (typeof disputeScreenings.$inferInsert)[] = [];
  for (const village of ['330728101201', '330728101202', '330728101203', '330728101204']) {
    for (let month = 1; month <= 10; month++) {
      const m = `2026-${String(month).padStart(2, '0')}`;
      if (village.endsWith('204') && month === 7) continue; // a missing month
      const zero = (month + Number(village.slice(-1))) % 3 === 0;
      const late = village.endsWith('203') && month % 4 === 0;
      screenings.push({
        countyCode: COUNTY,
        townshipCode: '330728101000',
        villageCode: village,
        month: m,
        zeroReport: zero,
        screenedOn: zero ? null : `${m}-20`,
        disputesFound: zero ? 0 : 1 + (month % 3),
        reportedOn: late ? `${reportDueOn(m).slice(0, 8)}12` : zero ? reportDueOn(m) : `${m}-20`,
      });
    }
  }
  await db.insert(disputeScreenings).values(screenings);

  await db.insert(registerPeriods).values(
    ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((month) => ({
      countyCode: COUNTY,
      townshipCode: '330728101000',
      month,
      locked: true,
      lockedAt: new Date(`${monthEnd(month)}T12:00:00+08:00`),
      lockedBy: 'township',
    })),
  );
}
