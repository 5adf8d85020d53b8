// The county re-checks titles in batches (批量复核): active titles filtered by level and year
// named, optionally a random sample (n titles or p%, reproducible by its seed). The batch is
// previewed, then opened as one re-check record per title; each record is decided later through
// the titles' re-check (保留 / 撤销 / 注销), which keeps its rules.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { divisions, titleRechecks, titles, type CampaignLevel } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail, notFound } from '../../errors/app-error.js';
import { recheckTitles } from '../campaigns/titles.js';
import { drawSample, newSeed, type SampleSize } from './sample.js';

export interface BatchFilter {
  level?: CampaignLevel | undefined;
  year?: number | undefined;
  sample?: SampleSize | undefined;
  seed?: number | undefined;
}

/** The titles a batch would hold: active, in scope, filtered, without an open re-check. */
async function batchTitles(db: Db, scope: Scope, filter: BatchFilter) {
  const candidates = await db
    .select({
      id: titles.id,
      countyCode: titles.countyCode,
      villageCode: titles.villageCode,
      villageName: divisions.name,
      level: titles.level,
      year: titles.year,
      namedOn: titles.namedOn,
    })
    .from(titles)
    .innerJoin(divisions, eq(divisions.code, titles.villageCode))
    .where(
      and(
        scope.where(titles.villageCode),
        eq(titles.status, 'active'),
        filter.level ? eq(titles.level, filter.level) : undefined,
        filter.year ? eq(titles.year, filter.year) : undefined,
        notExists(
          db
            .select({ one: sql`1` })
            .from(titleRechecks)
            .where(
              and(
                eq(titleRechecks.countyCode, titles.countyCode),
                eq(titleRechecks.titleId, titles.id),
                isNull(titleRechecks.decidedOn),
              ),
            ),
        ),
      ),
    )
    // a stable order, so that a seed always draws the same sample from the same titles
    .orderBy(asc(titles.villageCode), asc(titles.level), asc(titles.year), asc(titles.id));
  const seed = filter.sample ? (filter.seed ?? newSeed()) : null;
  const chosen =
    filter.sample && seed !== null ? drawSample(candidates, filter.sample, seed) : candidates;
  return { candidates: candidates.length, chosen, seed };
}

/** What a batch would hold, one page at a time, with the seed that drew it. */
export async function previewBatch(opts: {
  db: Db;
  scope: Scope;
  filter: BatchFilter;
  page: number;
  pageSize: number;
}) {
  const { candidates, chosen, seed } = await batchTitles(opts.db, opts.scope, opts.filter);
  const start = (opts.page - 1) * opts.pageSize;
  return {
    items: chosen.slice(start, start + opts.pageSize).map(({ countyCode: _, ...t }) => t),
    total: chosen.length,
    candidates,
    seed,
  };
}

/**
 * Opens one re-check record per title of the batch. `expectedTotal` is the size the user saw in
 * the preview: if titles changed since, the batch is refused rather than opened differently.
 */
export async function openBatch(opts: {
  db: Db;
  scope: Scope;
  filter: BatchFilter;
  expectedTotal: number;
  today: string;
}) {
  if (opts.filter.sample && opts.filter.seed === undefined) {
    fail(
      'SEED_REQUIRED',
      undefined,
      {
        zh: '抽样复核须提供预览时的随机种子',
        en: 'A sampled batch needs the seed shown in the preview',
      },
      [{ path: 'seed', message: { zh: '请填写随机种子', en: 'Enter the seed' } }],
    );
  }
  // lock the candidate titles' rows so that two batches cannot open the same title
  await opts.db
    .select({ id: titles.id })
    .from(titles)
    .where(and(opts.scope.where(titles.villageCode), eq(titles.status, 'active')))
    .orderBy(asc(titles.countyCode), asc(titles.id))
    .for('update');
  const { candidates, chosen, seed } = await batchTitles(opts.db, opts.scope, opts.filter);
  if (chosen.length === 0) {
    fail('BATCH_EMPTY', undefined, {
      zh: '没有符合条件的称号可复核',
      en: 'No titles match for a re-check',
    });
  }
  if (chosen.length !== opts.expectedTotal) {
    fail(
      'BATCH_CHANGED',
      { total: chosen.length },
      {
        zh: `预览后称号已有变化（现为${chosen.length}个），请重新预览`,
        en: `The titles changed since the preview (now ${chosen.length}); preview again`,
      },
    );
  }
  const batchId = randomUUID();
  const rows = await opts.db
    .insert(titleRechecks)
    .values(
      chosen.map((t) => ({
        countyCode: t.countyCode,
        titleId: t.id,
        villageCode: t.villageCode,
        batchId,
        openedOn: opts.today,
      })),
    )
    .returning();
  return { batchId, seed, candidates, records: rows, titles: chosen };
}

/** Decides one open re-check record through the titles' re-check, and closes the record. */
export async function decideRecheck(opts: {
  db: Db;
  scope: Scope;
  id: string;
  version: number;
  outcome: 'keep' | 'revoke' | 'cancel';
  reasons: string[];
  note?: string | undefined;
  today: string;
}) {
  const [before] = await opts.db
    .select()
    .from(titleRechecks)
    .where(and(eq(titleRechecks.id, opts.id), opts.scope.where(titleRechecks.villageCode)))
    .for('update');
  if (!before) notFound({ zh: '复核记录', en: 'Re-check record' });
  if (before.decidedOn) {
    fail('RECHECK_DECIDED', undefined, {
      zh: `该复核已于${before.decidedOn}作出结论`,
      en: `This re-check was decided on ${before.decidedOn}`,
    });
  }
  if (before.version !== opts.version) {
    fail(
      'RECORD_CONFLICT',
      { version: before.version },
      {
        zh: '复核记录已被他人修改，请刷新后再试',
        en: 'Someone else changed this re-check; reload and try again',
      },
    );
  }
  const recheck = await recheckTitles({
    db: opts.db,
    scope: opts.scope,
    ids: [before.titleId],
    outcome: opts.outcome,
    reasons: opts.reasons,
    note: opts.note,
    today: opts.today,
  });
  const [after] = await opts.db
    .update(titleRechecks)
    .set({
      decidedOn: opts.today,
      outcome: opts.outcome,
      reasons: opts.outcome === 'revoke' ? opts.reasons : null,
      note: opts.note?.trim() || null,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(titleRechecks.countyCode, before.countyCode), eq(titleRechecks.id, before.id)))
    .returning();
  return { before, after: after!, title: recheck.after[0]! };
}
