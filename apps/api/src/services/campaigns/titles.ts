// Named titles and their re-check (复核): keep, revoke (with reasons) or cancel (merger, split).
import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { campaignLevels } from '../../db/schema.js';
import { divisions, revocationReasons, titles } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail, invalidField } from '../../errors/app-error.js';

export async function listTitles(opts: {
  db: Db;
  scope: Scope;
  level?: (typeof campaignLevels)[number] | undefined;
  year?: number | undefined;
  status?: 'active' | 'revoked' | 'cancelled' | undefined;
  page: number;
  pageSize: number;
}) {
  const where = and(
    opts.scope.where(titles.villageCode),
    opts.level ? eq(titles.level, opts.level) : undefined,
    opts.year ? eq(titles.year, opts.year) : undefined,
    opts.status ? eq(titles.status, opts.status) : undefined,
  );
  const [items, [total]] = await Promise.all([
    opts.db
      .select({
        id: titles.id,
        villageCode: titles.villageCode,
        villageName: divisions.name,
        level: titles.level,
        year: titles.year,
        namedOn: titles.namedOn,
        status: titles.status,
        recheckedOn: titles.recheckedOn,
        recheckOutcome: titles.recheckOutcome,
        recheckReasons: titles.recheckReasons,
        recheckNote: titles.recheckNote,
      })
      .from(titles)
      .innerJoin(divisions, eq(divisions.code, titles.villageCode))
      .where(where)
      .orderBy(asc(titles.villageCode), asc(titles.year))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    opts.db.select({ n: count() }).from(titles).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** The reasons a re-check may give for a revocation, in display order (active ones by default). */
export async function listRevocationReasons(db: Db, opts: { includeInactive?: boolean } = {}) {
  return db
    .select()
    .from(revocationReasons)
    .where(opts.includeInactive ? undefined : eq(revocationReasons.active, true))
    .orderBy(asc(revocationReasons.sortOrder), asc(revocationReasons.code));
}

export interface RevocationReasonInput {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  sortOrder: number;
}

/**
 * Adds a revocation reason or changes one, by code. Reasons are never deleted: titles revoked
 * for a reason keep its code, so a reason no longer in use is deactivated instead.
 */
export async function saveRevocationReason(db: Db, input: RevocationReasonInput) {
  const [before] = await db
    .select()
    .from(revocationReasons)
    .where(eq(revocationReasons.code, input.code))
    .for('update');
  const clash = await db
    .select({ code: revocationReasons.code })
    .from(revocationReasons)
    .where(
      and(
        eq(revocationReasons.nameZh, input.nameZh),
        before ? ne(revocationReasons.code, input.code) : undefined,
      ),
    )
    .limit(1);
  if (clash.length > 0) {
    invalidField('nameZh', {
      zh: `已有同名的撤销理由（${clash[0]!.code}）`,
      en: `Another reason has this name (${clash[0]!.code})`,
    });
  }
  const [after] = before
    ? await db
        .update(revocationReasons)
        .set(input)
        .where(eq(revocationReasons.code, input.code))
        .returning()
    : await db.insert(revocationReasons).values(input).returning();
  return { before: before ?? null, after: after!, created: !before };
}

export async function recheckTitles(opts: {
  db: Db;
  scope: Scope;
  ids: string[];
  outcome: 'keep' | 'revoke' | 'cancel';
  reasons: string[];
  note?: string | undefined;
  today: string;
}) {
  if (opts.outcome === 'revoke') {
    if (opts.reasons.length === 0) {
      invalidField('reasons', { zh: '撤销须选择理由', en: 'A revocation needs reasons' });
    }
    const known = new Set((await listRevocationReasons(opts.db)).map((r) => r.code));
    opts.reasons.forEach((code, i) => {
      if (!known.has(code))
        invalidField(`reasons.${i}`, { zh: `未知的撤销理由${code}`, en: `Unknown reason ${code}` });
    });
  }
  if (opts.outcome === 'cancel' && !opts.note?.trim()) {
    invalidField('note', {
      zh: '注销须说明合并、拆分或搬迁情况',
      en: 'A cancellation needs a note on the merger, split or relocation',
    });
  }
  const found = await opts.db
    .select()
    .from(titles)
    .where(and(inArray(titles.id, opts.ids), opts.scope.where(titles.villageCode)));
  if (found.length !== new Set(opts.ids).size) {
    fail('NOT_FOUND', undefined, {
      zh: '部分称号不存在或不在您的管辖范围内',
      en: 'Some titles do not exist or are outside your scope',
    });
  }
  const notActive = found.filter((t) => t.status !== 'active');
  if (notActive.length > 0) {
    fail('TITLE_NOT_ACTIVE', undefined, {
      zh: `${notActive.length}个称号已被撤销或注销，不能再复核`,
      en: `${notActive.length} titles are already revoked or cancelled`,
    });
  }
  const status = { keep: 'active', revoke: 'revoked', cancel: 'cancelled' } as const;
  const after = await opts.db
    .update(titles)
    .set({
      status: status[opts.outcome],
      recheckedOn: opts.today,
      recheckOutcome: opts.outcome,
      recheckReasons: opts.outcome === 'revoke' ? opts.reasons : null,
      recheckNote: opts.note?.trim() || null,
      updatedAt: new Date(),
    })
    .where(inArray(titles.id, opts.ids))
    .returning();
  return { before: found, after };
}
