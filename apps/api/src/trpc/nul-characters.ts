// PostgreSQL text cannot hold the NUL character (U+0000): a string carrying one would fail in the
// database as a server error. Every procedure's raw input is searched for it first, so the caller
// gets a field error instead.

const MAX_DEPTH = 20;

/** The dotted path of the first string (or key) holding U+0000, or null when there is none. */
export function nulCharacterPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = [...path, key];
    if (key.includes('\u0000')) return at.join('.');
    const found = nulCharacterPath(inner, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
