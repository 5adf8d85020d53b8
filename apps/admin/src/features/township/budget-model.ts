// What the participatory budget pages know: the row types, who may write, and whether a stage's
// record may be added now — the domain's `checkBudgetRecord` over the project's records.
import {
  checkBudgetRecord,
  emptyBudgetTally,
  type BudgetRecordKind,
  type BudgetRecordRefusal,
} from '@fazhi/domain';
import type { Me, RouterOutputs } from '../../types';

export type KeyProjectRow = RouterOutputs['budget']['list']['items'][number];
export type KeyProject = RouterOutputs['budget']['get'];
export type KeyProjectRecord = KeyProject['records'][number];

/** Whether the user writes key projects: a township officer (or the system administrator). */
export function mayWriteBudget(me: Me): boolean {
  return me.role === 'township_officer' || me.role === 'system_admin';
}

/** How many records of each kind, and the latest date of each. */
export function tallyOf(records: readonly KeyProjectRecord[]) {
  const tally = emptyBudgetTally();
  for (const r of records) {
    const k = tally[r.kind];
    tally[r.kind] = {
      count: k.count + 1,
      latest: k.latest === null || r.on > k.latest ? r.on : k.latest,
    };
  }
  return tally;
}

/** Why a record of `kind` cannot be added today (the stage before missing, or done once). */
export function refusalToday(
  kind: BudgetRecordKind,
  records: readonly KeyProjectRecord[],
  today: string,
): BudgetRecordRefusal | null {
  const refusal = checkBudgetRecord(kind, today, tallyOf(records), today);
  return refusal && refusal.field === 'stage' ? refusal : null;
}
