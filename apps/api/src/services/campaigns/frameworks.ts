// Indicator frameworks live in the database as validated JSON; the library's built-ins are
// loaded once, and a campaign pins the framework version it was launched with. The built-ins and
// the frameworks the system administrator imports are shared; a framework a county imports is
// that county's alone (seen, and usable for campaigns, only there).
import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { builtinFrameworks, validateFramework, type Framework } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { frameworks } from '../../db/schema.js';
import { Scope } from '../../auth/scope.js';
import { fail, notFound } from '../../errors/app-error.js';

/** The frameworks a user sees: the shared ones and their own county's (everything for the system administrator). */
function visibleTo(scope: Scope): SQL {
  return or(isNull(frameworks.ownerCountyCode), scope.whereCounty(frameworks.ownerCountyCode))!;
}

/** The frameworks a campaign of `countyCode` may use: the shared ones and that county's own. */
export function usableIn(countyCode: string): SQL {
  return or(isNull(frameworks.ownerCountyCode), eq(frameworks.ownerCountyCode, countyCode))!;
}

/** Inserts the built-in frameworks that are not stored yet (by code and version). */
export async function ensureBuiltinFrameworks(db: Db): Promise<void> {
  for (const framework of builtinFrameworks) {
    await db
      .insert(frameworks)
      .values({
        code: framework.code,
        version: framework.version,
        name: framework.name,
        definition: framework,
        builtin: true,
      })
      .onConflictDoNothing();
  }
}

export async function listFrameworks(db: Db, scope: Scope) {
  const rows = await db
    .select({
      id: frameworks.id,
      code: frameworks.code,
      version: frameworks.version,
      name: frameworks.name,
      builtin: frameworks.builtin,
      ownerCountyCode: frameworks.ownerCountyCode,
      status: sql<string | null>`${frameworks.definition}->>'status'`,
      totalPoints: sql<number>`(${frameworks.definition}->>'totalPoints')::numeric`,
      itemCount: sql<number>`(select count(*)::int from jsonb_array_elements(${frameworks.definition}->'areas') a, jsonb_array_elements(a->'items'))`,
    })
    .from(frameworks)
    .where(visibleTo(scope))
    .orderBy(asc(frameworks.code), asc(frameworks.version), asc(frameworks.ownerCountyCode));
  return rows.map((r) => ({
    ...r,
    totalPoints: Number(r.totalPoints),
    itemCount: Number(r.itemCount),
  }));
}

/**
 * A framework by id: one the user sees (`scope`), or one a campaign of the county may use
 * (`usableIn`); without a condition, any framework (a campaign's own, pinned framework).
 */
export async function getFramework(db: Db, id: string, visible?: Scope | SQL) {
  const condition = visible instanceof Scope ? visibleTo(visible) : visible;
  const [row] = await db
    .select()
    .from(frameworks)
    .where(and(eq(frameworks.id, id), condition));
  if (!row) notFound({ zh: '指标体系', en: 'Framework' });
  return { ...row, definition: row.definition as Framework };
}

/** Definitions by framework id; a stored framework is never changed (a new version is a new row). */
const definitions = new Map<string, Framework>();
const DEFINITIONS_KEPT = 200;

/**
 * A campaign's pinned framework definition, read and validated once per process: a stored
 * framework is never updated, so the score-sheet save (the most frequent write) neither fetches
 * nor validates it again.
 */
export async function pinnedDefinition(db: Db, id: string): Promise<Framework> {
  const kept = definitions.get(id);
  if (kept) return kept;
  const [row] = await db
    .select({ definition: frameworks.definition })
    .from(frameworks)
    .where(eq(frameworks.id, id));
  if (!row) notFound({ zh: '指标体系', en: 'Framework' });
  // Kept as the domain's validated framework: the domain compiles a framework once per object
  // it validated, so every later score of this one is a lookup instead of a validation.
  const checked = validateFramework(row.definition);
  const definition = checked.ok ? checked.framework : (row.definition as Framework);
  if (definitions.size >= DEFINITIONS_KEPT) definitions.delete(definitions.keys().next().value!);
  definitions.set(id, definition);
  return definition;
}

/**
 * Validates with @fazhi/domain and stores a new framework version, owned by `ownerCountyCode`
 * (null: shared, as the system administrator imports); problems become field errors. A version
 * must be new among the frameworks the owner sees.
 */
export async function importFramework(db: Db, input: unknown, ownerCountyCode: string | null) {
  const result = validateFramework(input);
  if (!result.ok) {
    const fields = result.problems.map((p) => ({ path: p.path || '(root)', message: p.message }));
    fail(
      'FRAMEWORK_INVALID',
      { problems: result.problems },
      {
        zh: `指标体系有${result.problems.length}处错误`,
        en: `The framework has ${result.problems.length} problems`,
      },
      fields,
    );
  }
  const framework = result.framework;
  const [existing] = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(
      and(
        eq(frameworks.code, framework.code),
        eq(frameworks.version, framework.version),
        ownerCountyCode === null ? isNull(frameworks.ownerCountyCode) : usableIn(ownerCountyCode),
      ),
    );
  if (existing) {
    fail(
      'FRAMEWORK_VERSION_EXISTS',
      undefined,
      {
        zh: `指标体系${framework.code}的${framework.version}版已存在，请修改版本号`,
        en: `Version ${framework.version} of ${framework.code} exists; change the version`,
      },
      [{ path: 'version', message: { zh: '版本已存在', en: 'This version exists' } }],
    );
  }
  const [row] = await db
    .insert(frameworks)
    .values({
      code: framework.code,
      version: framework.version,
      name: framework.name,
      definition: framework,
      ownerCountyCode,
    })
    .returning({ id: frameworks.id });
  return { id: row!.id, framework };
}
