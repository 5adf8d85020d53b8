import { describe, expect, it } from 'vitest';
import { clone } from '../../test/indicator-fixtures.js';
import { builtinFrameworks } from './builtin-frameworks/index.js';
import { frameworkJsonSchema } from './framework-json-schema.js';

type Schema = Record<string, unknown>;

/**
 * A tiny validator for the subset of JSON Schema 2020-12 the framework schema uses: $ref (to
 * #/$defs/…), type, enum, const, required, properties, additionalProperties: false, items,
 * minItems, oneOf, minimum, maximum, exclusiveMinimum, minLength, pattern. Unknown keywords
 * fail loudly so the schema cannot drift outside what this test checks.
 */
function validate(root: Schema, schema: Schema, value: unknown, path = ''): string[] {
  const errors: string[] = [];
  const known = new Set([
    '$schema',
    '$id',
    'title',
    'description',
    '$defs',
    '$ref',
    'type',
    'enum',
    'const',
    'required',
    'properties',
    'additionalProperties',
    'items',
    'minItems',
    'oneOf',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'minLength',
    'pattern',
  ]);
  for (const key of Object.keys(schema)) {
    if (!known.has(key)) throw new Error(`unsupported keyword ${key}`);
  }
  if (typeof schema['$ref'] === 'string') {
    const name = schema['$ref'].replace('#/$defs/', '');
    const target = (root['$defs'] as Record<string, Schema>)[name];
    if (!target) throw new Error(`unresolved ${schema['$ref']}`);
    errors.push(...validate(root, target, value, path));
  }
  const type = schema['type'];
  if (type !== undefined) {
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    if (actual !== type) return [...errors, `${path}: expected ${String(type)}, got ${actual}`];
  }
  if (schema['enum'] && !(schema['enum'] as unknown[]).includes(value)) {
    errors.push(`${path}: not in enum`);
  }
  if ('const' in schema && schema['const'] !== value)
    errors.push(`${path}: not ${String(schema['const'])}`);
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum'])
      errors.push(`${path}: below minimum`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum'])
      errors.push(`${path}: above maximum`);
    if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) {
      errors.push(`${path}: not above exclusiveMinimum`);
    }
  }
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && [...value].length < schema['minLength']) {
      errors.push(`${path}: too short`);
    }
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) {
      errors.push(`${path}: does not match pattern`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems'])
      errors.push(`${path}: too few items`);
    if (schema['items']) {
      value.forEach((v, i) =>
        errors.push(...validate(root, schema['items'] as Schema, v, `${path}[${i}]`)),
      );
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of (schema['required'] as string[] | undefined) ?? []) {
      if (!(key in record)) errors.push(`${path}.${key}: required`);
    }
    const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
    for (const [key, v] of Object.entries(record)) {
      if (properties[key]) errors.push(...validate(root, properties[key], v, `${path}.${key}`));
      else if (schema['additionalProperties'] === false) errors.push(`${path}.${key}: not allowed`);
      else if (typeof schema['additionalProperties'] === 'object') {
        errors.push(
          ...validate(root, schema['additionalProperties'] as Schema, v, `${path}.${key}`),
        );
      }
    }
  }
  if (schema['oneOf']) {
    const passing = (schema['oneOf'] as Schema[]).filter(
      (s) => validate(root, s, value, path).length === 0,
    );
    if (passing.length !== 1) errors.push(`${path}: matches ${passing.length} of oneOf`);
  }
  return errors;
}

const schema = frameworkJsonSchema as unknown as Schema;
const check = (value: unknown) => validate(schema, schema, value);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const demo = (): Loose =>
  clone(builtinFrameworks.find((f) => f.code === 'demo-county-2026')!) as any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('frameworkJsonSchema', () => {
  it('is a draft 2020-12 schema', () => {
    expect(frameworkJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(builtinFrameworks.map((f) => [f.code, f] as const))(
    'accepts the built-in framework %s',
    (_, framework) => {
      expect(check(clone(framework))).toEqual([]);
    },
  );

  it.each<[string, (f: Loose) => void]>([
    ['a missing areas field', (f) => delete f.areas],
    ['an unknown rule kind', (f) => (f.areas[0].items[0].rule = { kind: 'ratio' })],
    ['a check rule with a perUnit', (f) => (f.areas[0].items[3].rule.perUnit = 1)],
    [
      'a proportional rule without target',
      (f) => (f.areas[3].items[3].rule = { kind: 'proportional' }),
    ],
    ['a zero target', (f) => (f.areas[3].items[3].rule.target = 0)],
    ['negative item points', (f) => (f.areas[0].items[0].points = -1)],
    ['points given as a string', (f) => (f.areas[0].items[0].points = '2')],
    ['an unknown method', (f) => (f.areas[0].items[0].method = 'phone')],
    ['the grade fail listed', (f) => (f.grades[2].grade = 'fail')],
    ['an unknown field', (f) => (f.owner = 'county')],
    ['an empty code', (f) => (f.areas[0].code = '')],
    ['a blank name', (f) => (f.name = '   ')],
    ['empty bands', (f) => (f.areas[1].items[3].rule.bands = [])],
    ['an unknown status', (f) => (f.status = 'active')],
    ['a unit without English', (f) => (f.areas[0].items[7].rule.unit = { zh: '会议记录' })],
    ['an unknown metric', (f) => (f.areas[0].items[0].metric = { key: 'meetings.unknown' })],
    ['a metric with an unknown field', (f) => (f.areas[0].items[0].metric = { source: 'x' })],
    [
      'a checklist metric test without key',
      (f) => (f.areas[0].items[0].metric = { entries: { E1: { atLeast: 1 } } }),
    ],
  ])('rejects a framework with %s', (_, breakIt) => {
    const broken = demo();
    breakIt(broken);
    expect(check(broken)).not.toEqual([]);
  });

  it('documents, but cannot check, the sums: validateFramework does', () => {
    const unbalanced = demo();
    unbalanced.totalPoints = 99;
    expect(check(unbalanced)).toEqual([]);
    expect(frameworkJsonSchema.description).toMatch(/validateFramework/);
  });
});
