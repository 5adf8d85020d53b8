// The assigning office's ratings of a division's closed tasks as record metrics (督查督办评价 feed
// the annual assessment): `tasks.*` of @fazhi/domain's catalogue, for one division and period.
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { taskRatingMetrics } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { supervisionTasks } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { invalidField } from '../../errors/app-error.js';
import { divisionInScope } from './common.js';

/** Tasks owned by `divisionCode`, closed from `from` to `to` (both included), by rating. */
export async function taskRatingCounts(db: Db, divisionCode: string, from: string, to: string) {
  const t = supervisionTasks;
  const n = (rating: string) => sql<number>`count(*) filter (where ${t.rating} = ${rating})::int`;
  const [row] = await db
    .select({
      satisfied: n('satisfied'),
      basicallySatisfied: n('basically_satisfied'),
      dissatisfied: n('dissatisfied'),
    })
    .from(t)
    .where(
      and(
        eq(t.ownerCode, divisionCode),
        eq(t.state, 'closed'),
        gte(t.closedOn, from),
        lte(t.closedOn, to),
      ),
    );
  return {
    satisfied: Number(row?.satisfied ?? 0),
    basicallySatisfied: Number(row?.basicallySatisfied ?? 0),
    dissatisfied: Number(row?.dissatisfied ?? 0),
  };
}

/** The task-rating metrics of a division in scope for a period. */
export async function taskRatingMetricsOf(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from: string;
  to: string;
}) {
  if (opts.to < opts.from) {
    invalidField('to', { zh: '结束日期不能早于开始日期', en: 'The end is before the start' });
  }
  await divisionInScope(opts.db, opts.scope, opts.divisionCode, 'divisionCode');
  const counts = await taskRatingCounts(opts.db, opts.divisionCode, opts.from, opts.to);
  return {
    divisionCode: opts.divisionCode,
    period: { from: opts.from, to: opts.to },
    values: taskRatingMetrics(counts),
  };
}
