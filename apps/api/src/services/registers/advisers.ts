// Legal advisers (一村一法律顾问): the county's advisers and the villages each covers under a
// contract. The county (司法局) keeps both; a township sees the advisers of its villages.
import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { checkAdviserContract, parseDivisionCode } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { adviserContracts, divisions, legalAdvisers } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { Role } from '../../auth/roles.js';
import type { AuditInput } from '../audit.js';
import { forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { checkVersion } from '../records/common.js';
import { divisionPrefix, refuseErrors, registerDivision } from './common.js';

type Audit = (event: AuditInput) => Promise<void>;
type AdviserRow = typeof legalAdvisers.$inferSelect;
type ContractRow = typeof adviserContracts.$inferSelect;

const adviserWord = { zh: '法律顾问', en: 'Legal adviser' };
const contractWord = { zh: '法律顾问合同', en: 'Adviser contract' };

/** An adviser of a county the caller may see (the county's own users, or above). */
export async function findAdviser(db: Db, scope: Scope, id: string): Promise<AdviserRow> {
  const [row] = await db
    .select()
    .from(legalAdvisers)
    .where(and(eq(legalAdvisers.id, id), scope.whereCounty(legalAdvisers.countyCode)));
  if (!row) notFound(adviserWord);
  return row;
}

function presentContract(row: ContractRow & { villageName: string }) {
  return {
    id: row.id,
    adviserId: row.adviserId,
    villageCode: row.villageCode,
    villageName: row.villageName,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    version: row.version,
  };
}

/**
 * The advisers of a division, paged by name: a county's all, with their contracts; below the
 * county only the advisers with a contract in the division, with those contracts.
 */
export async function listAdvisers(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  page: number;
  pageSize: number;
}) {
  const { db, scope } = opts;
  if (!scope.includes(opts.divisionCode)) forbidden();
  const prefix = divisionPrefix(opts.divisionCode);
  const c = adviserContracts;
  const inDivision = and(sql`${c.villageCode} like ${prefix + '%'}`, scope.where(c.villageCode));
  const where =
    prefix.length <= 6
      ? sql`${legalAdvisers.countyCode} like ${prefix + '%'}`
      : sql`exists (select 1 from ${c} where ${c.adviserId} = ${legalAdvisers.id} and ${inDivision})`;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(legalAdvisers)
      .where(where)
      .orderBy(asc(legalAdvisers.name), asc(legalAdvisers.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(legalAdvisers).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const contracts =
    ids.length === 0
      ? []
      : await db
          .select({ contract: c, villageName: divisions.name })
          .from(c)
          .innerJoin(divisions, eq(divisions.code, c.villageCode))
          .where(and(inArray(c.adviserId, ids), inDivision))
          .orderBy(asc(c.villageCode), asc(c.startsOn));
  return {
    items: rows.map((r) => ({
      id: r.id,
      countyCode: r.countyCode,
      name: r.name,
      firm: r.firm,
      phone: r.phone,
      version: r.version,
      contracts: contracts
        .filter((x) => x.contract.adviserId === r.id)
        .map((x) => presentContract({ ...x.contract, villageName: x.villageName })),
    })),
    total: total?.n ?? 0,
  };
}

export interface AdviserSave {
  id?: string | undefined;
  version?: number | undefined;
  countyCode: string;
  name: string;
  firm: string;
  phone?: string | undefined;
}

/** Records an adviser of a county, or corrects one (`id` and the `version` read). */
export async function saveAdviser(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  input: AdviserSave;
}) {
  const { db, scope, input } = opts;
  const parsed = parseDivisionCode(input.countyCode);
  if (!parsed.ok || parsed.division.level !== 'county') {
    invalidField('countyCode', { zh: '请选择县（市、区）', en: 'Choose a county' });
  }
  if (!scope.includes(input.countyCode)) forbidden();
  const values = {
    countyCode: input.countyCode,
    name: input.name,
    firm: input.firm,
    phone: input.phone?.trim() || null,
  };
  let before: AdviserRow | null = null;
  let row: AdviserRow;
  if (input.id) {
    before = await findAdviser(db, scope, input.id);
    if (before.countyCode !== input.countyCode) notFound(adviserWord);
    checkVersion(before.version, input.version);
    const [updated] = await db
      .update(legalAdvisers)
      .set({ ...values, version: sql`${legalAdvisers.version} + 1`, updatedAt: new Date() })
      .where(and(eq(legalAdvisers.id, input.id), eq(legalAdvisers.version, before.version)))
      .returning();
    if (!updated) checkVersion(before.version, -1);
    row = updated!;
  } else {
    [row] = (await db.insert(legalAdvisers).values(values).returning()) as [AdviserRow];
  }
  await opts.audit({
    action: input.id ? 'advisers.update' : 'advisers.create',
    entity: 'legal_adviser',
    entityId: row.id,
    divisionCode: row.countyCode,
    before,
    after: row,
  });
  return { ...values, id: row.id, version: row.version };
}

export interface ContractSave {
  id?: string | undefined;
  version?: number | undefined;
  adviserId: string;
  villageCode: string;
  startsOn: string;
  endsOn: string;
}

/**
 * Records a village's contract with an adviser, or corrects one. A contract ending before it
 * starts is refused; one overlapping another contract of the village is saved with a warning.
 */
export async function saveContract(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  input: ContractSave;
}) {
  const { db, scope, input } = opts;
  const village = await registerDivision(db, scope, input.villageCode);
  if (village.level !== 'village') {
    invalidField('villageCode', { zh: '请选择村（社区）', en: 'Choose a village' });
  }
  const adviser = await findAdviser(db, scope, input.adviserId);
  if (adviser.countyCode !== village.countyCode) notFound(adviserWord);
  const others = await db
    .select({ startsOn: adviserContracts.startsOn, endsOn: adviserContracts.endsOn })
    .from(adviserContracts)
    .where(
      and(
        eq(adviserContracts.villageCode, village.code),
        input.id ? ne(adviserContracts.id, input.id) : undefined,
      ),
    );
  const warnings = refuseErrors(
    checkAdviserContract({ startsOn: input.startsOn, endsOn: input.endsOn }, { others }),
  );
  const values = {
    countyCode: village.countyCode,
    townshipCode: village.townshipCode,
    villageCode: village.code,
    adviserId: adviser.id,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
  };
  let before: ContractRow | null = null;
  let row: ContractRow;
  if (input.id) {
    before = await findContract(db, scope, input.id);
    checkVersion(before.version, input.version);
    const [updated] = await db
      .update(adviserContracts)
      .set({ ...values, version: sql`${adviserContracts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(adviserContracts.id, input.id), eq(adviserContracts.version, before.version)))
      .returning();
    if (!updated) checkVersion(before.version, -1);
    row = updated!;
  } else {
    [row] = (await db.insert(adviserContracts).values(values).returning()) as [ContractRow];
  }
  await opts.audit({
    action: input.id ? 'advisers.updateContract' : 'advisers.createContract',
    entity: 'adviser_contract',
    entityId: row.id,
    divisionCode: village.code,
    before,
    after: row,
  });
  return {
    ...presentContract({ ...row, villageName: village.name }),
    warnings: warnings.map((w) => ({ code: w.code, field: w.field, message: w.message })),
  };
}

async function findContract(db: Db, scope: Scope, id: string): Promise<ContractRow> {
  const [row] = await db
    .select()
    .from(adviserContracts)
    .where(and(eq(adviserContracts.id, id), scope.where(adviserContracts.villageCode)));
  if (!row) notFound(contractWord);
  return row;
}

/** Deletes a contract (entered by mistake). */
export async function removeContract(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  id: string;
  version: number;
}) {
  const before = await findContract(opts.db, opts.scope, opts.id);
  checkVersion(before.version, opts.version);
  await opts.db.delete(adviserContracts).where(eq(adviserContracts.id, opts.id));
  await opts.audit({
    action: 'advisers.removeContract',
    entity: 'adviser_contract',
    entityId: opts.id,
    divisionCode: before.villageCode,
    before,
  });
  return { id: opts.id };
}

/** Who keeps the advisers and their contracts: the county (司法局) and the administrator. */
export const adviserKeeperRoles: ReadonlySet<Role> = new Set(['county_admin', 'system_admin']);
