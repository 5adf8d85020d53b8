// Demo records of the legal advisers and of community correction: ten advisers of 清和县's law
// firms covering the villages in 2026 (a few villages without one, so coverage is not 100%),
// their market-day duty in the townships on the 10th of each month, services in 白石镇's first
// villages, and every township's monthly 社区矫正 / 安置帮教 figures from January 2025 to October
// 2026. Deterministic: the same data every time. Counts only, no person of the correction.
import type { Db } from '../db/client.js';
import {
  adviserContracts,
  adviserDutyDays,
  adviserServices,
  correctionFigures,
  legalAdvisers,
} from '../db/schema.js';
import { adviserServiceKinds, addMonths } from '@fazhi/domain';
import { DEMO_COUNTY_CODE, demoDivisions } from './demo-county.js';

const advisers = [
  ['陈志远', '清和正言律师事务所'],
  ['林晓梅', '清和正言律师事务所'],
  ['吴国平', '金华明理律师事务所清和分所'],
  ['郑丽华', '金华明理律师事务所清和分所'],
  ['周建军', '清和县法律援助中心'],
  ['黄思雨', '清和县法律援助中心'],
  ['徐海涛', '浙江溪山律师事务所'],
  ['何文静', '浙江溪山律师事务所'],
  ['沈立新', '清和县城东法律服务所'],
  ['朱佳琪', '清和县城东法律服务所'],
] as const;

/** The demo's villages without an adviser in 2026 (every 23rd). */
const UNCOVERED_EVERY = 23;

export const DEMO_ADVISER_COUNT = advisers.length;

export async function seedDemoAdvisers(db: Db): Promise<void> {
  const rows = await db
    .insert(legalAdvisers)
    .values(
      advisers.map(([name, firm], i) => ({
        countyCode: DEMO_COUNTY_CODE,
        name,
        firm,
        phone: i % 3 === 0 ? null : `0579-8${String(6100000 + i * 137).slice(0, 7)}`,
      })),
    )
    .returning({ id: legalAdvisers.id });
  const ids = rows.map((r) => r.id);
  const all = demoDivisions().map((d) => d.code);
  const townships = all.filter(
    (c) => c.startsWith('330728') && c.endsWith('000') && c !== DEMO_COUNTY_CODE,
  );
  const villages = all.filter((c) => c.startsWith('330728') && !c.endsWith('000'));
  const townshipOf = (code: string) => code.slice(0, 9) + '000';
  // one adviser per township (two townships and a half each), a village of two advisers' in 白石镇
  const adviserOf = (code: string) => ids[townships.indexOf(townshipOf(code)) % ids.length]!;
  const contracts: (typeof adviserContracts.$inferInsert)[] = [];
  villages.forEach((code, i) => {
    if (i % UNCOVERED_EVERY === UNCOVERED_EVERY - 1) return;
    const base = {
      countyCode: DEMO_COUNTY_CODE,
      townshipCode: townshipOf(code),
      villageCode: code,
      adviserId: adviserOf(code),
    };
    contracts.push({ ...base, startsOn: '2025-01-01', endsOn: '2025-12-31' });
    contracts.push({ ...base, startsOn: '2026-01-01', endsOn: '2026-12-31' });
  });
  await db.insert(adviserContracts).values(contracts);

  const duty: (typeof adviserDutyDays.$inferInsert)[] = [];
  townships.forEach((code, t) => {
    // the market towns (镇, 乡) hold 圩日; the urban subdistricts do not
    if (code.slice(6, 9) < '100') return;
    for (let m = 1; m <= 11; m++) {
      duty.push({
        countyCode: DEMO_COUNTY_CODE,
        townshipCode: code,
        adviserId: ids[t % ids.length]!,
        date: `2026-${String(m).padStart(2, '0')}-10`,
        place: '集市法律服务点',
        note: '',
      });
    }
  });
  await db.insert(adviserDutyDays).values(duty);

  const services: (typeof adviserServices.$inferInsert)[] = [];
  const served = villages.filter((c) => c.startsWith('330728101')).slice(0, 6);
  let n = 0;
  for (let m = 1; m <= 11; m++) {
    for (const code of served) {
      n += 1;
      if (n % 3 === 0) continue;
      services.push({
        countyCode: DEMO_COUNTY_CODE,
        townshipCode: townshipOf(code),
        divisionCode: code,
        adviserId: adviserOf(code),
        date: `2026-${String(m).padStart(2, '0')}-${String(3 + (n % 20)).padStart(2, '0')}`,
        kind: adviserServiceKinds[n % adviserServiceKinds.length]!,
        count: 1 + (n % 3),
        note: '',
      });
    }
  }
  await db.insert(adviserServices).values(services);

  const figures: (typeof correctionFigures.$inferInsert)[] = [];
  townships.forEach((code, t) => {
    for (let month = '2025-01', k = 0; month <= '2026-10'; month = addMonths(month, 1), k++) {
      const newlyReceived = (t + k) % 3;
      const released = 6 + ((t * 5 + k) % 6);
      figures.push({
        countyCode: DEMO_COUNTY_CODE,
        townshipCode: code,
        month,
        underCorrection: 4 + ((t * 3 + k) % 7) + newlyReceived,
        newlyReceived,
        released,
        helped: released - ((t + k) % 5 === 0 ? 1 : 0),
        // one file late now and then: a warning for the reviewer
        filesOpened: newlyReceived - ((t + k) % 11 === 0 && newlyReceived > 0 ? 1 : 0),
        reportedOn: `${addMonths(month, 1)}-0${1 + ((t + k) % 8)}`,
      });
    }
  });
  await db.insert(correctionFigures).values(figures);
}
