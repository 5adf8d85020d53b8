// 三务公开 postings and their schedule compliance (`checkDisclosures`).
import { and, count, desc, eq, inArray, lte } from 'drizzle-orm';
import { checkDisclosures, type DisclosurePosting, type DisclosuresResult } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import type { disclosureCategories, disclosureChannels } from '../../db/schema.js';
import { meetingResolutions, villageDisclosures, villageMeetings } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { AuditInput } from '../audit.js';
import { invalidField, notFound } from '../../errors/app-error.js';
import {
  checkRecordDate,
  checkVersion,
  dateRange,
  periodSubmitted,
  recordVillage,
  refuseDeleteIfSubmitted,
} from './common.js';

export interface DisclosureSave {
  id?: string | undefined;
  version?: number | undefined;
  villageCode: string;
  category: (typeof disclosureCategories)[number];
  period: string;
  postedOn: string;
  takenDownOn?: string | null | undefined;
  channel: (typeof disclosureChannels)[number];
  summary: string;
  resolutionId?: string | null | undefined;
}

type Row = typeof villageDisclosures.$inferSelect;

function present(row: Row) {
  return {
    id: row.id,
    villageCode: row.villageCode,
    category: row.category,
    period: row.period,
    postedOn: row.postedOn,
    takenDownOn: row.takenDownOn,
    channel: row.channel,
    summary: row.summary,
    resolutionId: row.resolutionId,
    correctedAfterSubmission: row.correctedAfterSubmission,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}
export type DisclosureRecord = ReturnType<typeof present>;

/** A major matter's resolution as a posting shows it: its title and its meeting's date. */
export interface LinkedResolution {
  id: string;
  title: string;
  meetingId: string;
  meetingDate: string;
}

/** The postings with the resolution each links to (null when none, or no longer there). */
async function withResolutions<T extends DisclosureRecord>(
  db: Db,
  records: T[],
): Promise<(T & { resolution: LinkedResolution | null })[]> {
  const ids = [...new Set(records.flatMap((r) => (r.resolutionId ? [r.resolutionId] : [])))];
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            id: meetingResolutions.id,
            title: meetingResolutions.title,
            meetingId: meetingResolutions.meetingId,
            meetingDate: villageMeetings.date,
          })
          .from(meetingResolutions)
          .innerJoin(villageMeetings, eq(villageMeetings.id, meetingResolutions.meetingId))
          .where(inArray(meetingResolutions.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return records.map((r) => ({
    ...r,
    resolution: (r.resolutionId && byId.get(r.resolutionId)) || null,
  }));
}

async function getDisclosure(db: Db, scope: Scope, id: string): Promise<DisclosureRecord> {
  const [row] = await db
    .select()
    .from(villageDisclosures)
    .where(and(eq(villageDisclosures.id, id), scope.where(villageDisclosures.villageCode)));
  if (!row) notFound({ zh: '公开记录', en: 'Disclosure' });
  return present(row);
}

export async function listDisclosures(opts: {
  db: Db;
  scope: Scope;
  villageCode: string;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}) {
  await recordVillage(opts.db, opts.scope, opts.villageCode);
  const where = and(
    eq(villageDisclosures.villageCode, opts.villageCode),
    dateRange(villageDisclosures.postedOn, opts.from, opts.to),
  );
  const [rows, [total]] = await Promise.all([
    opts.db
      .select()
      .from(villageDisclosures)
      .where(where)
      .orderBy(desc(villageDisclosures.postedOn), desc(villageDisclosures.createdAt))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(villageDisclosures).where(where),
  ]);
  return { items: await withResolutions(opts.db, rows.map(present)), total: total?.n ?? 0 };
}

/** Field errors for a posting's dates and its linked resolution (nothing is saved). */
export async function validateDisclosure(db: Db, input: DisclosureSave): Promise<void> {
  checkRecordDate('postedOn', input.postedOn);
  if (input.takenDownOn) {
    checkRecordDate('takenDownOn', input.takenDownOn);
    if (input.takenDownOn < input.postedOn) {
      invalidField('takenDownOn', {
        zh: '撤下日期不能早于张贴日期',
        en: 'The day taken down cannot be before the day posted',
      });
    }
  }
  if (input.resolutionId) {
    const [r] = await db
      .select({ villageCode: meetingResolutions.villageCode })
      .from(meetingResolutions)
      .where(eq(meetingResolutions.id, input.resolutionId));
    if (!r || r.villageCode !== input.villageCode) {
      invalidField('resolutionId', {
        zh: '该决议不属于本村',
        en: 'The resolution does not belong to this village',
      });
    }
  }
}

export async function saveDisclosure(opts: {
  db: Db;
  scope: Scope;
  audit: (event: AuditInput) => Promise<void>;
  input: DisclosureSave;
}): Promise<DisclosureRecord & { resolution: LinkedResolution | null }> {
  const { db, scope, input } = opts;
  const village = await recordVillage(db, scope, input.villageCode);
  await validateDisclosure(db, input);
  const values = {
    countyCode: village.countyCode,
    villageCode: village.code,
    category: input.category,
    period: input.period,
    postedOn: input.postedOn,
    takenDownOn: input.takenDownOn ?? null,
    channel: input.channel,
    summary: input.summary,
    resolutionId: input.resolutionId ?? null,
  };
  let before: DisclosureRecord | null = null;
  let id: string;
  if (input.id) {
    before = await getDisclosure(db, scope, input.id);
    if (before.villageCode !== village.code) notFound({ zh: '公开记录', en: 'Disclosure' });
    checkVersion(before.version, input.version);
    const corrected =
      before.correctedAfterSubmission ||
      (await periodSubmitted(db, village.code, before.postedOn)) ||
      (await periodSubmitted(db, village.code, input.postedOn));
    const [updated] = await db
      .update(villageDisclosures)
      .set({
        ...values,
        correctedAfterSubmission: corrected,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(
        and(eq(villageDisclosures.id, input.id), eq(villageDisclosures.version, before.version)),
      )
      .returning({ id: villageDisclosures.id });
    if (!updated) checkVersion(before.version, -1);
    id = input.id;
  } else {
    const [created] = await db
      .insert(villageDisclosures)
      .values(values)
      .returning({ id: villageDisclosures.id });
    id = created!.id;
  }
  const saved = await getDisclosure(db, scope, id);
  await opts.audit({
    action: input.id ? 'disclosures.update' : 'disclosures.create',
    entity: 'disclosure',
    entityId: id,
    divisionCode: village.code,
    before,
    after: saved,
  });
  const [linked] = await withResolutions(db, [saved]);
  return linked!;
}

export async function removeDisclosure(opts: {
  db: Db;
  scope: Scope;
  audit: (event: AuditInput) => Promise<void>;
  id: string;
  version: number;
}): Promise<{ id: string }> {
  const before = await getDisclosure(opts.db, opts.scope, opts.id);
  checkVersion(before.version, opts.version);
  await refuseDeleteIfSubmitted(opts.db, before.villageCode, before.postedOn);
  await opts.db.delete(villageDisclosures).where(eq(villageDisclosures.id, opts.id));
  await opts.audit({
    action: 'disclosures.remove',
    entity: 'disclosure',
    entityId: opts.id,
    divisionCode: before.villageCode,
    before,
  });
  return { id: opts.id };
}

/** The postings of some villages up to `asOf`, as `checkDisclosures` reads them, per village. */
export async function postingsByVillage(
  db: Db,
  villageCodes: string[],
  asOf: string,
): Promise<Map<string, DisclosurePosting[]>> {
  const out = new Map<string, DisclosurePosting[]>();
  if (villageCodes.length === 0) return out;
  const rows = await db
    .select({
      villageCode: villageDisclosures.villageCode,
      category: villageDisclosures.category,
      postedOn: villageDisclosures.postedOn,
      takenDownOn: villageDisclosures.takenDownOn,
      resolutionId: villageDisclosures.resolutionId,
      decidedOn: villageMeetings.date,
    })
    .from(villageDisclosures)
    .leftJoin(meetingResolutions, eq(meetingResolutions.id, villageDisclosures.resolutionId))
    .leftJoin(villageMeetings, eq(villageMeetings.id, meetingResolutions.meetingId))
    .where(
      and(
        inArray(villageDisclosures.villageCode, villageCodes),
        lte(villageDisclosures.postedOn, asOf),
      ),
    );
  for (const r of rows) {
    const list = out.get(r.villageCode) ?? [];
    list.push({
      category: r.category,
      postedOn: r.postedOn,
      ...(r.takenDownOn ? { removedOn: r.takenDownOn } : {}),
      ...(r.category === 'major' && r.decidedOn ? { decidedOn: r.decidedOn } : {}),
      ...(r.category === 'major' && r.resolutionId ? { matterId: r.resolutionId } : {}),
    });
    out.set(r.villageCode, list);
  }
  return out;
}

/** What `checkDisclosures` returns for the village's postings from `from` to `asOf`. */
export async function disclosureCompliance(opts: {
  db: Db;
  scope: Scope;
  villageCode: string;
  from: string;
  asOf: string;
  frequentFinance?: boolean | undefined;
}): Promise<DisclosuresResult> {
  await recordVillage(opts.db, opts.scope, opts.villageCode);
  if (opts.asOf < opts.from) {
    invalidField('asOf', { zh: '截止日期不能早于开始日期', en: 'asOf cannot be before from' });
  }
  const postings = (await postingsByVillage(opts.db, [opts.villageCode], opts.asOf)).get(
    opts.villageCode,
  );
  return checkDisclosures({
    from: opts.from,
    asOf: opts.asOf,
    frequentFinance: opts.frequentFinance ?? false,
    postings: postings ?? [],
  });
}
