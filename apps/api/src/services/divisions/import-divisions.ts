// Imports a division CSV: all or nothing. A file with any bad line changes nothing and lists
// every bad line; a good file is upserted by code, so importing it again changes nothing.
//
// The file is read line by line and its good rows stream out by COPY (PostgreSQL; batches on
// PGlite); besides the text, memory holds only the codes seen, as numbers, and the first problems
// (see ProblemList). A code repeated and a parent neither in the file nor in the system are found
// on the way. Into an empty division table (the first import) the rows stream straight into
// `divisions`: nothing is left to merge, and a bad file is undone with the savepoint. Otherwise
// they stream into a temporary staging table without indexes, and one statement merges it
// (a single join finds the new and the changed rows; only those are written). An import that wrote
// much of the table gathers its statistics again (ANALYZE).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Scope } from '../../auth/scope.js';
import { fail } from '../../errors/app-error.js';
import { openRowSink } from '../../db/copy-in.js';
import { readDivisionCsv, type LineProblem } from './parse-division-csv.js';
import { rowsOf } from '../../db/rows-of.js';
import { CodeSet } from './code-set.js';

export interface ImportResult {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** At most this many bad lines are returned; `errorCount` tells how many there were. */
export const MAX_REPORTED_LINES = 10_000;
export interface ImportDivisionsOptions {
  db: Db;
  csv: string;
  scope: Scope;
}

/** Problems in line order, at most MAX_REPORTED_LINES of them, and how many there were. */
class ProblemList {
  private kept: LineProblem[] = [];
  count = 0;
  add(problem: LineProblem) {
    this.count += 1;
    this.kept.push(problem);
    // problems of the whole-file checks come after the line checks: keep the first lines only
    if (this.kept.length >= 2 * MAX_REPORTED_LINES) this.kept = this.inLineOrder();
  }
  inLineOrder(): LineProblem[] {
    return this.kept.sort((x, y) => x.line - y.line).slice(0, MAX_REPORTED_LINES);
  }
}

export async function importDivisions(opts: ImportDivisionsOptions): Promise<ImportResult> {
  // a savepoint inside the caller's transaction: the staging table lives until it ends, and the
  // rows of a first import written before a bad line turns up are undone with it
  return opts.db.transaction(async (tx) => {
    // one import at a time: the merge below inserts without ON CONFLICT, and a first import
    // writes straight into the table it found empty
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('divisions.import'))`);
    // the merge hashes the whole table in memory (the default 4 MB spills to disk in batches);
    // compiling it to machine code costs more than it saves. SET LOCAL outlives the savepoint
    // (it lasts to the end of the caller's transaction): what was set is put back at the end.
    const [settings] = rowsOf<{ workMem: string; jit: string }>(
      await tx.execute(sql`select current_setting('work_mem') as "workMem",
                                  current_setting('jit') as jit`),
    );
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`set local jit = off`);
    const restoreSettings = () =>
      tx.execute(sql`select set_config('work_mem', ${settings!.workMem}, true),
                            set_config('jit', ${settings!.jit}, true)`);
    const [first] = rowsOf<{ empty: boolean }>(
      await tx.execute(sql`select not exists (select 1 from divisions) as empty`),
    );
    const straight = first?.empty === true;
    if (!straight) {
      await tx.execute(sql`drop table if exists division_import`);
      await tx.execute(sql`
        create temp table division_import (
          code varchar(12) not null,
          name text not null,
          level text not null,
          parent_code varchar(12),
          county_code varchar(12),
          urban_rural_code varchar(3)
        ) on commit drop`);
    }
    const problems = new ProblemList();
    const sink = await openRowSink(tx, straight ? 'divisions' : 'division_import', [
      'code',
      'name',
      'level',
      'parent_code',
      'county_code',
      'urban_rural_code',
    ]);
    // codes as numbers, to find repeats and parents
    const seen = new CodeSet();
    // rows whose parent had not appeared above them: checked once the whole file is read
    const parentLater: { line: number; parent: number }[] = [];
    // lines repeating a code above them (their first line is looked up at the end)
    const repeats: { line: number; code: string }[] = [];
    let total = 0;
    for (const item of readDivisionCsv(opts.csv)) {
      if ('problems' in item) {
        for (const p of item.problems) problems.add(p);
        continue;
      }
      const { row } = item;
      const code = Number(row.code);
      if (!seen.add(code)) {
        repeats.push({ line: row.line, code: row.code });
        continue;
      }
      if (!opts.scope.includes(row.code)) {
        problems.add({
          line: row.line,
          problem: 'OUT_OF_SCOPE',
          message: {
            zh: `区划代码${row.code}不在您的管辖范围内`,
            en: `The code ${row.code} is outside your scope`,
          },
        });
        continue;
      }
      if (row.parentCode !== null && !seen.has(Number(row.parentCode))) {
        parentLater.push({ line: row.line, parent: Number(row.parentCode) });
      }
      total += 1;
      // a file with a bad line imports nothing: its later rows need checking, not writing
      if (problems.count > 0 || repeats.length > 0) continue;
      const full = sink.write([
        row.code,
        row.name,
        row.level,
        row.parentCode,
        row.countyCode,
        row.urbanRuralCode,
      ]);
      if (full) await full;
    }
    await sink.end();
    const outside = parentLater.filter((r) => !seen.has(r.parent));
    seen.clear();
    for (const problem of repeatedCodes(opts.csv, repeats)) problems.add(problem);
    const known = await existingCodes(tx, [...new Set(outside.map((r) => r.parent))]);
    for (const r of outside) {
      if (known.has(r.parent)) continue;
      const parent = String(r.parent).padStart(12, '0');
      problems.add({
        line: r.line,
        problem: 'UNKNOWN_PARENT',
        message: {
          zh: `上级区划${parent}不存在（既不在文件中，也不在系统中）`,
          en: `The parent ${parent} is neither in the file nor in the system`,
        },
      });
    }
    if (total === 0 && problems.count === 0) {
      problems.add({
        line: 0,
        problem: 'EMPTY_FILE',
        message: { zh: '文件中没有任何数据行', en: 'The file has no data lines' },
      });
    }
    if (problems.count > 0) {
      fail(
        'IMPORT_REJECTED',
        { errorCount: problems.count, errors: problems.inLineOrder() },
        {
          zh: `文件有${problems.count}处错误，未导入任何数据`,
          en: `The file has ${problems.count} errors; nothing was imported`,
        },
      );
    }
    if (straight) {
      await analyzeDivisions(tx);
      await restoreSettings();
      return { total, inserted: total, updated: 0, unchanged: 0 };
    }
    const [merged] = rowsOf<{ inserted: number; updated: number }>(
      await tx.execute(sql`
        with diff as (
          select s.*, d.code is null as is_new
          from division_import s left join divisions d on d.code = s.code
          where d.code is null
            or d.name is distinct from s.name
            or d.urban_rural_code is distinct from s.urban_rural_code
        ), changed as (
          update divisions d
          set name = diff.name, urban_rural_code = diff.urban_rural_code, updated_at = now()
          from diff
          where d.code = diff.code and not diff.is_new
          returning 1
        ), added as (
          insert into divisions (code, name, level, parent_code, county_code, urban_rural_code)
          select code, name, level, parent_code, county_code, urban_rural_code
          from diff
          where is_new
          returning 1
        )
        select (select count(*) from added)::int as inserted,
               (select count(*) from changed)::int as updated`),
    );
    const inserted = Number(merged?.inserted ?? 0);
    const updated = Number(merged?.updated ?? 0);
    if (await muchChanged(tx, inserted + updated)) await analyzeDivisions(tx);
    await restoreSettings();
    return { total, inserted, updated, unchanged: total - inserted - updated };
  });
}

/**
 * Gathers the planner's statistics of the division table after an import wrote much of it: scope
 * filters (`code like '3307%'`) and joins on division codes are planned from them, and a table
 * never analyzed (a first import into PGlite, which runs no autovacuum, or a transaction that has
 * not committed yet) is planned as if it held a few rows, a sequential scan of the whole country.
 */
async function analyzeDivisions(db: Db) {
  await db.execute(sql`analyze divisions`);
}

/**
 * Whether a merge changed a tenth of the table or more, as autovacuum would judge (PGlite runs
 * none); a table never analyzed estimates -1 rows.
 */
async function muchChanged(db: Db, changed: number): Promise<boolean> {
  if (changed === 0) return false;
  const [estimate] = rowsOf<{ rows: number }>(
    await db.execute(
      sql`select reltuples::float8 as rows from pg_class where oid = 'divisions'::regclass`,
    ),
  );
  const rows = Number(estimate?.rows ?? -1);
  return rows < 0 || changed * 10 >= rows;
}

/** The repeated lines, each naming the line its code first appeared on (a second, rare pass). */
function repeatedCodes(csv: string, repeats: { line: number; code: string }[]): LineProblem[] {
  if (repeats.length === 0) return [];
  const first = new Map(repeats.map((r) => [r.code, 0]));
  for (const item of readDivisionCsv(csv)) {
    if ('row' in item && first.get(item.row.code) === 0) first.set(item.row.code, item.row.line);
  }
  return repeats.map((r) => ({
    line: r.line,
    problem: 'DUPLICATE_CODE',
    message: {
      zh: `区划代码${r.code}与第${first.get(r.code)}行重复`,
      en: `The code ${r.code} repeats line ${first.get(r.code)}`,
    },
  }));
}

/** Which of the codes (as numbers) are divisions already. */
async function existingCodes(db: Db, codes: number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (let start = 0; start < codes.length; start += 5_000) {
    const part = codes.slice(start, start + 5_000).map((c) => String(c).padStart(12, '0'));
    const rows = rowsOf<{ code: string }>(
      await db.execute(sql`
        select code from divisions
        where code in (select value from json_array_elements_text(${JSON.stringify(part)}::json))`),
    );
    for (const row of rows) found.add(Number(row.code));
  }
  return found;
}
