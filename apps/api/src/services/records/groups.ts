// 村民小组: households, registered voters (18+) and representatives per group; the village's
// totals are the sums. Imported from CSV or Excel all-or-nothing, every bad cell listed.
import { and, asc, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { csvSyntaxText } from '../csv-syntax.js';
import type { Db } from '../../db/client.js';
import { villageGroups } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { AuditInput } from '../audit.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import { checkVersion, recordVillage } from './common.js';
import { readWorkbookRows, type BadCell } from './workbook.js';

export interface GroupSave {
  id?: string | undefined;
  version?: number | undefined;
  villageCode: string;
  name: string;
  sortOrder?: number | undefined;
  households: number;
  voters: number;
  representatives?: number | undefined;
}

type Row = typeof villageGroups.$inferSelect;
const present = (r: Row) => ({
  id: r.id,
  villageCode: r.villageCode,
  name: r.name,
  sortOrder: r.sortOrder,
  households: r.households,
  voters: r.voters,
  representatives: r.representatives,
  version: r.version,
});

export async function listGroups(opts: { db: Db; scope: Scope; villageCode: string }) {
  await recordVillage(opts.db, opts.scope, opts.villageCode);
  const rows = await opts.db
    .select()
    .from(villageGroups)
    .where(eq(villageGroups.villageCode, opts.villageCode))
    .orderBy(asc(villageGroups.sortOrder), asc(villageGroups.name));
  const items = rows.map(present);
  const sum = (k: 'households' | 'voters' | 'representatives') =>
    items.reduce((n, g) => n + g[k], 0);
  return {
    items,
    totals: {
      households: sum('households'),
      voters: sum('voters'),
      representatives: sum('representatives'),
    },
  };
}

function duplicateName(): never {
  fail(
    'GROUP_NAME_TAKEN',
    undefined,
    { zh: '本村已有同名村民小组', en: 'The village already has a group of that name' },
    [
      {
        path: 'name',
        message: { zh: '本村已有同名村民小组', en: 'The village already has a group of that name' },
      },
    ],
  );
}

export async function saveGroup(opts: {
  db: Db;
  scope: Scope;
  audit: (event: AuditInput) => Promise<void>;
  input: GroupSave;
}) {
  const { db, scope, input } = opts;
  const village = await recordVillage(db, scope, input.villageCode);
  const [same] = await db
    .select({ id: villageGroups.id })
    .from(villageGroups)
    .where(and(eq(villageGroups.villageCode, village.code), eq(villageGroups.name, input.name)));
  if (same && same.id !== input.id) duplicateName();
  const values = {
    name: input.name,
    sortOrder: input.sortOrder ?? 0,
    households: input.households,
    voters: input.voters,
    representatives: input.representatives ?? 0,
  };
  let before: ReturnType<typeof present> | null = null;
  let row: Row | undefined;
  if (input.id) {
    const [found] = await db
      .select()
      .from(villageGroups)
      .where(and(eq(villageGroups.id, input.id), eq(villageGroups.villageCode, village.code)));
    if (!found) notFound({ zh: '村民小组', en: 'Villager group' });
    before = present(found);
    checkVersion(found.version, input.version);
    [row] = await db
      .update(villageGroups)
      .set({ ...values, version: found.version + 1, updatedAt: new Date() })
      .where(and(eq(villageGroups.id, input.id), eq(villageGroups.version, found.version)))
      .returning();
    if (!row) checkVersion(found.version, -1);
  } else {
    [row] = await db
      .insert(villageGroups)
      .values({ ...values, countyCode: village.countyCode, villageCode: village.code })
      .returning();
  }
  const saved = present(row!);
  await opts.audit({
    action: input.id ? 'groups.update' : 'groups.create',
    entity: 'village_group',
    entityId: saved.id,
    divisionCode: village.code,
    before,
    after: saved,
  });
  return saved;
}

const headers = {
  name: ['小组名称', '名称', 'name'],
  sortOrder: ['序号', '顺序', 'order'],
  households: ['户数', 'households'],
  voters: ['选民数', '18周岁以上村民', '登记选民', 'voters'],
  representatives: ['村民代表', '代表数', 'representatives'],
} as const;

/** Parses a groups table (header row, then one group per row); every bad cell is listed. */
export function parseGroupRows(rows: string[][]): {
  groups: Omit<GroupSave, 'villageCode'>[];
  bad: BadCell[];
} {
  const bad: BadCell[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = {
    name: col(headers.name),
    sortOrder: col(headers.sortOrder),
    households: col(headers.households),
    voters: col(headers.voters),
    representatives: col(headers.representatives),
  };
  for (const key of ['name', 'households', 'voters'] as const) {
    if (at[key] < 0) {
      bad.push({
        row: 1,
        column: headers[key][0],
        message: {
          zh: `缺少“${headers[key][0]}”列`,
          en: `The column “${headers[key][0]}” is missing`,
        },
      });
    }
  }
  if (bad.length > 0) return { groups: [], bad };
  const groups: Omit<GroupSave, 'villageCode'>[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const name = (cells[at.name] ?? '').trim();
    if (!name || name.length > 50) {
      bad.push({
        row: rowNo,
        column: '小组名称',
        message: {
          zh: '小组名称不能为空且最多50字',
          en: 'The name is required (at most 50 characters)',
        },
      });
    } else if (seen.has(name)) {
      bad.push({
        row: rowNo,
        column: '小组名称',
        message: { zh: `小组名称“${name}”重复`, en: `The name “${name}” appears twice` },
      });
    }
    seen.add(name);
    const count = (index: number, column: string, required: boolean): number | undefined => {
      const raw = (cells[index] ?? '').trim();
      if (index < 0 || raw === '') {
        if (required)
          bad.push({
            row: rowNo,
            column,
            message: { zh: `“${column}”不能为空`, en: `“${column}” is required` },
          });
        return undefined;
      }
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || n > 1_000_000) {
        bad.push({
          row: rowNo,
          column,
          message: {
            zh: `“${column}”应为非负整数，而不是“${raw}”`,
            en: `“${column}” must be a whole number, not “${raw}”`,
          },
        });
        return undefined;
      }
      return n;
    };
    const households = count(at.households, '户数', true);
    const voters = count(at.voters, '选民数', true);
    const representatives = count(at.representatives, '村民代表', false);
    const sortOrder = count(at.sortOrder, '序号', false);
    if (households !== undefined && voters !== undefined && name) {
      groups.push({
        name,
        households,
        voters,
        representatives: representatives ?? 0,
        sortOrder: sortOrder ?? rowNo - 1,
      });
    }
  });
  if (groups.length === 0 && bad.length === 0) {
    bad.push({
      row: 2,
      column: '小组名称',
      message: { zh: '文件中没有村民小组', en: 'The file holds no group' },
    });
  }
  return { groups, bad };
}

/** Imports a village's groups (CSV text or an .xlsx workbook, base64): all or nothing. */
/** A village has a few dozen groups; a longer file is not a groups list. */
const MAX_GROUP_ROWS = 300;

export async function importGroups(opts: {
  db: Db;
  scope: Scope;
  audit: (event: AuditInput) => Promise<void>;
  villageCode: string;
  csv?: string | undefined;
  workbook?: string | undefined;
}) {
  const village = await recordVillage(opts.db, opts.scope, opts.villageCode);
  let rows: string[][];
  if (opts.workbook !== undefined) {
    rows = (await readWorkbookRows(Buffer.from(opts.workbook, 'base64')))[0]?.rows ?? [];
  } else {
    try {
      rows = parse((opts.csv ?? '').replace(/^\uFEFF/, ''), {
        relax_column_count: true,
        skip_empty_lines: true,
      }) as string[][];
    } catch (error) {
      // a quote out of place and the like: the parser's own words are English and technical
      const at = (error as { lines?: unknown }).lines;
      invalidField('csv', csvSyntaxText(error, typeof at === 'number' ? at : undefined));
    }
  }
  if (rows.length > MAX_GROUP_ROWS) {
    invalidField(opts.workbook !== undefined ? 'workbook' : 'csv', {
      zh: `行数过多（最多${MAX_GROUP_ROWS}行），请检查文件是否为村民小组名册`,
      en: `Too many lines (at most ${MAX_GROUP_ROWS}); is this the villager groups list?`,
    });
  }
  const { groups, bad } = parseGroupRows(rows);
  if (bad.length > 0) badCells(bad);
  const existing = await opts.db
    .select()
    .from(villageGroups)
    .where(eq(villageGroups.villageCode, village.code));
  const byName = new Map(existing.map((g) => [g.name, g]));
  for (const g of groups) {
    const found = byName.get(g.name);
    const values = {
      households: g.households,
      voters: g.voters,
      representatives: g.representatives ?? 0,
      sortOrder: g.sortOrder ?? 0,
    };
    if (found) {
      await opts.db
        .update(villageGroups)
        .set({ ...values, version: found.version + 1, updatedAt: new Date() })
        .where(eq(villageGroups.id, found.id));
    } else {
      await opts.db.insert(villageGroups).values({
        ...values,
        name: g.name,
        countyCode: village.countyCode,
        villageCode: village.code,
      });
    }
  }
  await opts.audit({
    action: 'groups.import',
    entity: 'village_group',
    divisionCode: village.code,
    after: { groups: groups.length },
  });
  return { imported: groups.length };
}

/** Refuses an import with the list of every bad cell (in `details.cells`). */
export function badCells(bad: BadCell[]): never {
  const first = bad
    .slice(0, 5)
    .map((b) => `${b.sheet ? `${b.sheet} ` : ''}第${b.row}行“${b.column}”：${b.message.zh}`)
    .join('；');
  fail(
    'IMPORT_BAD_CELLS',
    { cells: bad },
    {
      zh: `文件有 ${bad.length} 处错误，未导入任何数据：${first}${bad.length > 5 ? '……' : ''}`,
      en: `The file has ${bad.length} bad cells; nothing was imported`,
    },
  );
}
