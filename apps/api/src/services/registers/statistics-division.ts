// The division and period a register's statistics are asked for: in scope, a valid period, and
// how many digits of a record's division code name the child division it rolls up into.
import { eq } from 'drizzle-orm';
import { parseDivisionCode } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { EARLIEST_RECORD_DATE } from '../records/common.js';
import { childPrefixLength } from './common.js';

/** Checks the division and the period `from`–`to` (both included) of a statistics request. */
export async function registerStatisticsDivision(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}) {
  const { db, scope, divisionCode, from, to } = opts;
  if (!scope.includes(divisionCode)) forbidden();
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value < EARLIEST_RECORD_DATE || value > '2100-12-31') {
      invalidField(field, {
        zh: `日期应在 ${EARLIEST_RECORD_DATE} 至 2100-12-31 之间`,
        en: `The date must lie between ${EARLIEST_RECORD_DATE} and 2100-12-31`,
      });
    }
  }
  if (from > to) {
    invalidField('to', {
      zh: '结束日期不能早于开始日期',
      en: 'The end cannot be before the start',
    });
  }
  const parsed = parseDivisionCode(divisionCode);
  if (!parsed.ok)
    invalidField('divisionCode', { zh: '区划代码无效', en: 'Not a valid division code' });
  const [division] = await db
    .select({ code: divisions.code, name: divisions.name, level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, divisionCode));
  if (!division) notFound({ zh: '行政区划', en: 'Division' });
  return {
    division,
    parsed: parsed.division,
    prefix: parsed.division.prefix,
    keyLength: childPrefixLength(divisionCode) ?? 12,
  };
}
