// Imports a division CSV: all or nothing. A file with any bad line changes nothing and lists
// every bad line; a good file is upserted by code, so importing it again changes nothing.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Scope } from '../../auth/scope.js';
import { fail } from '../../trpc/problem-error.js';
import { parseDivisionCsv, type DivisionRow, type LineProblem } from './parse-division-csv.js';

export interface ImportResult {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** At most this many bad lines are returned; `errorCount` tells how many there were. */
export const MAX_REPORTED_LINES = 10_000;
const CHUNK = 5_000;

export interface ImportDivisionsOptions {
  db: Db;
  csv: string;
  scope: Scope;
  onProgress?: (done: number, total: number) => void;
}

export async function importDivisions(opts: ImportDivisionsOptions): Promise<ImportResult> {
  const { rows, problems } = parseDivisionCsv(opts.csv);
  for (const row of rows) {
    if (!opts.scope.includes(row.code)) {
      problems.push({
        line: row.line,
        problem: 'OUT_OF_SCOPE',
        message: {
          zh: `区划代码${row.code}不在您的管辖范围内`,
          en: `The code ${row.code} is outside your scope`,
        },
      });
    }
  }
  problems.push(...(await unknownParents(opts.db, rows)));
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    const lines = problems.slice(0, MAX_REPORTED_LINES);
    fail(
      'BAD_REQUEST',
      'IMPORT_REJECTED',
      {
        zh: `文件有${problems.length}处错误，未导入任何数据`,
        en: `The file has ${problems.length} errors; nothing was imported`,
      },
      [],
      { errorCount: problems.length, errors: lines },
    );
  }
  let inserted = 0;
  let updated = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      parent_code: r.parentCode,
      county_code: r.countyCode,
      urban_rural_code: r.urbanRuralCode,
    }));
    const result = await opts.db.execute<{ inserted: number; updated: number }>(sql`
      with upserted as (
        insert into divisions (code, name, level, parent_code, county_code, urban_rural_code)
        select code, name, level, parent_code, county_code, urban_rural_code
        from json_to_recordset(${JSON.stringify(chunk)}::json)
          as x(code varchar, name text, level text, parent_code varchar, county_code varchar,
               urban_rural_code varchar)
        on conflict (code) do update
          set name = excluded.name, urban_rural_code = excluded.urban_rural_code, updated_at = now()
          where divisions.name is distinct from excluded.name
             or divisions.urban_rural_code is distinct from excluded.urban_rural_code
        returning (xmax = 0) as is_new
      )
      select count(*) filter (where is_new)::int as inserted,
             count(*) filter (where not is_new)::int as updated
      from upserted`);
    const counts = rowsOf<{ inserted: number; updated: number }>(result)[0];
    inserted += Number(counts?.inserted ?? 0);
    updated += Number(counts?.updated ?? 0);
    opts.onProgress?.(Math.min(start + CHUNK, rows.length), rows.length);
  }
  return { total: rows.length, inserted, updated, unchanged: rows.length - inserted - updated };
}

/** Both drivers' `execute` results, as an array of rows. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

async function unknownParents(db: Db, rows: DivisionRow[]): Promise<LineProblem[]> {
  const inFile = new Set(rows.map((r) => r.code));
  const wanted = new Set<string>();
  for (const r of rows) if (r.parentCode && !inFile.has(r.parentCode)) wanted.add(r.parentCode);
  const existing = new Set<string>();
  const list = [...wanted];
  for (let start = 0; start < list.length; start += CHUNK) {
    const part = list.slice(start, start + CHUNK);
    const found = await db.execute<{ code: string }>(sql`
      select code from divisions
      where code in (select value from json_array_elements_text(${JSON.stringify(part)}::json))`);
    for (const row of rowsOf<{ code: string }>(found)) existing.add(row.code);
  }
  const problems: LineProblem[] = [];
  for (const r of rows) {
    if (r.parentCode && !inFile.has(r.parentCode) && !existing.has(r.parentCode)) {
      problems.push({
        line: r.line,
        problem: 'UNKNOWN_PARENT',
        message: {
          zh: `上级区划${r.parentCode}不存在（既不在文件中，也不在系统中）`,
          en: `The parent ${r.parentCode} is neither in the file nor in the system`,
        },
      });
    }
  }
  return problems;
}
