// `db.execute` answers an array of rows on postgres.js and `{ rows }` on PGlite: one reader.

/** Both drivers' `execute` results, as an array of rows. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
