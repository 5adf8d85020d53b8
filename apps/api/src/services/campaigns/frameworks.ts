// Indicator frameworks live in the database as validated JSON; the library's built-ins are
// loaded once, and a campaign pins the framework version it was launched with.
import { asc, eq, sql } from 'drizzle-orm';
import { builtinFrameworks, validateFramework, type Framework } from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { frameworks } from '../../db/schema.js';
import { fail, notFound } from '../../trpc/problem-error.js';

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

export async function listFrameworks(db: Db) {
  const rows = await db
    .select({
      id: frameworks.id,
      code: frameworks.code,
      version: frameworks.version,
      name: frameworks.name,
      builtin: frameworks.builtin,
      status: sql<string | null>`${frameworks.definition}->>'status'`,
      totalPoints: sql<number>`(${frameworks.definition}->>'totalPoints')::numeric`,
      itemCount: sql<number>`(select count(*)::int from jsonb_array_elements(${frameworks.definition}->'areas') a, jsonb_array_elements(a->'items'))`,
    })
    .from(frameworks)
    .orderBy(asc(frameworks.code), asc(frameworks.version));
  return rows.map((r) => ({
    ...r,
    totalPoints: Number(r.totalPoints),
    itemCount: Number(r.itemCount),
  }));
}

export async function getFramework(db: Db, id: string) {
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id));
  if (!row) notFound({ zh: '指标体系', en: 'Framework' });
  return { ...row, definition: row.definition as Framework };
}

/** Validates with @fazhi/domain and stores a new framework version; problems become field errors. */
export async function importFramework(db: Db, input: unknown) {
  const result = validateFramework(input);
  if (!result.ok) {
    const fields = result.problems.map((p) => ({ path: p.path || '(root)', message: p.message }));
    fail(
      'BAD_REQUEST',
      'FRAMEWORK_INVALID',
      {
        zh: `指标体系有${result.problems.length}处错误`,
        en: `The framework has ${result.problems.length} problems`,
      },
      fields,
      { problems: result.problems },
    );
  }
  const framework = result.framework;
  const [existing] = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(
      sql`${frameworks.code} = ${framework.code} and ${frameworks.version} = ${framework.version}`,
    );
  if (existing) {
    fail(
      'CONFLICT',
      'FRAMEWORK_VERSION_EXISTS',
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
    })
    .returning({ id: frameworks.id });
  return { id: row!.id, framework };
}
