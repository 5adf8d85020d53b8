// 公共法律服务: 一村一法律顾问 coverage at the year's end with the duty days and services of the
// year (advisers.coverage), and the 社区矫正 / 安置帮教 monthly figures of the townships
// (corrections.statistics): month counts added over the year, month-end counts of each township's
// last month reported in the year (named in the prose). Counts only: no adviser's or person's
// name reaches the report.
import {
  adviserServiceKinds,
  adviserServiceLabels,
  describeChange,
  formatRate,
} from '@fazhi/domain';
import { adviserStatistics } from '../../registers/advisers-coverage.js';
import { correctionStatistics } from '../../registers/corrections.js';
import {
  count,
  rate,
  yearRange,
  type ReportContext,
  type SectionProvider,
} from '../report-types.js';

const ADVISERS = '法律顾问台账';
const CORRECTIONS = '社区矫正、安置帮教月报';

export const legalAdvisers: SectionProvider = async (ctx) => {
  const statsOf = (year: number) =>
    adviserStatistics({
      db: ctx.db,
      scope: ctx.scope,
      divisionCode: ctx.division.code,
      ...yearRange(year),
    });
  const [now, then] = await Promise.all([statsOf(ctx.year), statsOf(ctx.year - 1)]);
  const services = (s: typeof now) => adviserServiceKinds.reduce((n, k) => n + s.services[k], 0);
  if (now.covered + now.dutyDays + services(now) + then.covered === 0) {
    return { figures: [], sentences: [] };
  }
  const figures = [
    count('advisers.villages', '村（社区）', '个', now.villages, then.villages, ADVISERS),
    count(
      'advisers.covered',
      '聘有法律顾问的村（社区）',
      '个',
      now.covered,
      then.covered,
      ADVISERS,
    ),
    rate('advisers.coverage', '法律顾问覆盖率', now.coverage, then.coverage, ADVISERS),
    count('advisers.dutyDays', '圩日值班', '次', now.dutyDays, then.dutyDays, ADVISERS),
    ...adviserServiceKinds.map((k) =>
      count(
        `advisers.service.${k}`,
        adviserServiceLabels[k].zh,
        '件',
        now.services[k],
        then.services[k],
        ADVISERS,
      ),
    ),
  ];
  const done = adviserServiceKinds
    .filter((k) => now.services[k] > 0)
    .map((k) => `${adviserServiceLabels[k].zh}${now.services[k]}件`)
    .join('、');
  const sentences = [
    `年末${now.villages}个村（社区）中${now.covered}个聘有法律顾问，覆盖率${formatRate(now.coverage)}` +
      `（上年${formatRate(then.coverage)}）；法律顾问圩日值班${now.dutyDays}次` +
      (done ? `，提供${done}` : '') +
      '。',
  ];
  const tables =
    ctx.division.level === 'county' && now.children.length > 0
      ? [
          {
            key: 'advisers.byTownship',
            title: '各乡镇法律顾问覆盖情况',
            source: ADVISERS,
            columns: [
              { label: '村（社区）（个）', kind: 'count' as const },
              { label: '聘有顾问（个）', kind: 'count' as const },
              { label: '覆盖率', kind: 'rate' as const },
              { label: '值班（次）', kind: 'count' as const },
            ],
            rows: now.children.map((c) => ({
              code: c.code,
              name: c.name,
              values: [c.villages, c.covered, c.coverage, c.dutyDays],
            })),
          },
        ]
      : [];
  return { figures, tables, sentences };
};

/**
 * The figures of a year (null when nothing was reported): the month-end counts are those of each
 * township's last month reported in the year (`asOfMonth`), so a year not yet over reads them.
 */
async function correctionYear(ctx: ReportContext, year: number) {
  const stats = await correctionStatistics({
    db: ctx.db,
    scope: ctx.scope,
    divisionCode: ctx.division.code,
    from: `${year}-01`,
    to: `${year}-12`,
  });
  return stats.reported > 0 ? stats : null;
}

export const communityCorrection: SectionProvider = async (ctx) => {
  const [now, then] = await Promise.all([
    correctionYear(ctx, ctx.year),
    correctionYear(ctx, ctx.year - 1),
  ]);
  if (!now) return { figures: [], sentences: [] };
  const prev = (k: 'newlyReceived' | 'filesOpened' | 'underCorrection' | 'released' | 'helped') =>
    then ? then[k] : 0;
  const figures = [
    count(
      'corrections.newlyReceived',
      '新接收社区矫正对象',
      '人',
      now.newlyReceived,
      prev('newlyReceived'),
      CORRECTIONS,
    ),
    count(
      'corrections.underCorrection',
      '在册社区矫正对象（期末）',
      '人',
      now.underCorrection,
      prev('underCorrection'),
      CORRECTIONS,
    ),
    count(
      'corrections.released',
      '在册刑满释放人员（期末）',
      '人',
      now.released,
      prev('released'),
      CORRECTIONS,
    ),
    count('corrections.helped', '其中已安置帮教', '人', now.helped, prev('helped'), CORRECTIONS),
    rate(
      'corrections.placementRate',
      '安置帮教率',
      now.placementRate,
      then?.placementRate ?? null,
      CORRECTIONS,
    ),
    count(
      'corrections.filesOpened',
      '新建矫正档案',
      '份',
      now.filesOpened,
      prev('filesOpened'),
      CORRECTIONS,
    ),
    rate('corrections.filingRate', '建档率', now.filingRate, then?.filingRate ?? null, CORRECTIONS),
  ];
  const sentences = [
    `全年新接收社区矫正对象${now.newlyReceived}人，${describeChange(now.newlyReceived, prev('newlyReceived')).zh}，` +
      `新建档案${now.filesOpened}份（建档率${formatRate(now.filingRate)}）；截至${now.asOfMonth}，在册社区矫正对象` +
      `${now.underCorrection}人，刑满释放人员${now.released}人，已安置帮教${now.helped}人，安置帮教率` +
      `${formatRate(now.placementRate)}。`,
  ];
  return { figures, sentences };
};

export const legalServiceProviders = [legalAdvisers, communityCorrection];
