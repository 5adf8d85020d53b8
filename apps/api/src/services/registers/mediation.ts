// The mediation register (人民调解台账): cases of village and township mediation committees.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import {
  checkMediationCase,
  monthOf,
  type DisputeType,
  type MediationEscalation,
  type MediationMethod,
  type MediationOutcome,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { mediationCases } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import type { AuditInput } from '../audit.js';
import { forbidden, notFound } from '../../errors/app-error.js';
import { todayIso } from '../campaigns/participations.js';
import { moveMediationCount } from './mediation-counts.js';
import { caseFileCounts } from './mediation-files.js';
import { checkVersion, dateRange } from '../records/common.js';
import {
  checkWriteLevel,
  divisionPrefix,
  refuseErrors,
  refuseIfLocked,
  registerDivision,
} from './common.js';

export interface MediationSave {
  id?: string | undefined;
  version?: number | undefined;
  divisionCode: string;
  receivedOn: string;
  type: DisputeType;
  parties: number;
  partyNames?: string | undefined;
  mediator?: string | undefined;
  method: MediationMethod;
  outcome: MediationOutcome;
  closedOn?: string | null | undefined;
  escalation?: MediationEscalation | undefined;
  agreementNo?: string | undefined;
  notes?: string | undefined;
}

type CaseRow = typeof mediationCases.$inferSelect;

/** Party names (and roster names) are shown only to users of the township or below, never above. */
export function seesPartyNames(scope: Scope): boolean {
  return scope.prefix.length >= 9;
}

function present(row: CaseRow, scope: Scope, files: number, today = todayIso()) {
  const warnings = checkMediationCase(row, { today }).filter((p) => p.severity === 'warning');
  return {
    id: row.id,
    divisionCode: row.divisionCode,
    townshipCode: row.townshipCode,
    receivedOn: row.receivedOn,
    type: row.type,
    parties: row.parties,
    partyNames: seesPartyNames(scope) ? row.partyNames : null,
    mediator: row.mediator,
    method: row.method,
    outcome: row.outcome,
    closedOn: row.closedOn,
    escalation: row.escalation,
    agreementNo: row.agreementNo,
    notes: row.notes,
    files,
    version: row.version,
    updatedAt: row.updatedAt,
    warnings: warnings.map((w) => ({ code: w.code, field: w.field, message: w.message })),
  };
}
export type MediationCase = ReturnType<typeof present>;

async function getCase(db: Db, scope: Scope, id: string): Promise<CaseRow> {
  const [row] = await db
    .select()
    .from(mediationCases)
    .where(and(eq(mediationCases.id, id), scope.where(mediationCases.divisionCode)));
  if (!row) notFound({ zh: '调解案件', en: 'Mediation case' });
  return row;
}

/**
 * The cases of a division in scope and period, newest first: a village's own, a township's own
 * and its villages', a county's all.
 */
export async function listMediation(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from?: string | undefined;
  to?: string | undefined;
  ownOnly?: boolean | undefined;
  page: number;
  pageSize: number;
}) {
  const { db, scope } = opts;
  if (!scope.includes(opts.divisionCode)) forbidden();
  const prefix = divisionPrefix(opts.divisionCode);
  const where = and(
    opts.ownOnly
      ? eq(mediationCases.divisionCode, opts.divisionCode)
      : sql`${mediationCases.divisionCode} like ${prefix + '%'}`,
    scope.where(mediationCases.divisionCode),
    dateRange(mediationCases.receivedOn, opts.from, opts.to),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(mediationCases)
      .where(where)
      .orderBy(desc(mediationCases.receivedOn), desc(mediationCases.createdAt))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(mediationCases).where(where),
  ]);
  const today = todayIso();
  const files = await caseFileCounts(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => present(r, scope, files.get(r.id) ?? 0, today)),
    total: total?.n ?? 0,
  };
}

/** Creates a case, or corrects one (`id` and the `version` read). */
export async function saveMediation(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  input: MediationSave;
}): Promise<MediationCase> {
  const { db, scope, input } = opts;
  const division = await registerDivision(db, scope, input.divisionCode);
  checkWriteLevel(opts.role, division);
  const closedOn = input.closedOn ?? null;
  const agreementNo = input.agreementNo?.trim() || null;
  // a stored case's files are read by the rules; a new case gets its files once it exists
  const files = input.id ? ((await caseFileCounts(db, [input.id])).get(input.id) ?? 0) : undefined;
  refuseErrors(
    checkMediationCase(
      {
        receivedOn: input.receivedOn,
        closedOn,
        parties: input.parties,
        method: input.method,
        outcome: input.outcome,
        files,
      },
      { today: todayIso() },
    ),
  );
  const values = {
    countyCode: division.countyCode,
    townshipCode: division.townshipCode,
    divisionCode: division.code,
    receivedOn: input.receivedOn,
    type: input.type,
    parties: input.parties,
    partyNames: input.partyNames?.trim() || null,
    mediator: input.mediator ?? '',
    method: input.method,
    outcome: input.outcome,
    closedOn,
    escalation: input.escalation ?? 'none',
    agreementNo,
    notes: input.notes ?? '',
  };
  let before: CaseRow | null = null;
  let row: CaseRow;
  const touched = [monthOf(input.receivedOn), closedOn && monthOf(closedOn)];
  if (input.id) {
    before = await getCase(db, scope, input.id);
    if (before.divisionCode !== division.code) notFound({ zh: '调解案件', en: 'Mediation case' });
    checkVersion(before.version, input.version);
    touched.push(monthOf(before.receivedOn), before.closedOn && monthOf(before.closedOn));
    await refuseIfLocked(db, division.townshipCode, touched);
    const [updated] = await db
      .update(mediationCases)
      .set({ ...values, version: sql`${mediationCases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(mediationCases.id, input.id), eq(mediationCases.version, before.version)))
      .returning();
    if (!updated) checkVersion(before.version, -1);
    row = updated!;
  } else {
    await refuseIfLocked(db, division.townshipCode, touched);
    const [created] = await db.insert(mediationCases).values(values).returning();
    row = created!;
  }
  // the monthly counts move with the case, in the same transaction
  await moveMediationCount(db, before, row);
  await opts.audit({
    action: input.id ? 'mediation.update' : 'mediation.create',
    entity: 'mediation_case',
    entityId: row.id,
    divisionCode: division.code,
    before,
    after: row,
  });
  return present(row, scope, files ?? 0);
}

/** Deletes a case of an open month. */
export async function removeMediation(opts: {
  db: Db;
  scope: Scope;
  role: Role;
  audit: (event: AuditInput) => Promise<void>;
  id: string;
  version: number;
}): Promise<{ id: string }> {
  const before = await getCase(opts.db, opts.scope, opts.id);
  checkWriteLevel(opts.role, await registerDivision(opts.db, opts.scope, before.divisionCode));
  checkVersion(before.version, opts.version);
  await refuseIfLocked(opts.db, before.townshipCode, [
    monthOf(before.receivedOn),
    before.closedOn && monthOf(before.closedOn),
  ]);
  const [removed] = await opts.db
    .delete(mediationCases)
    .where(and(eq(mediationCases.id, opts.id), eq(mediationCases.version, before.version)))
    .returning();
  if (!removed) checkVersion(before.version, -1);
  await moveMediationCount(opts.db, removed!, null);
  await opts.audit({
    action: 'mediation.remove',
    entity: 'mediation_case',
    entityId: opts.id,
    divisionCode: before.divisionCode,
    before,
  });
  return { id: opts.id };
}
