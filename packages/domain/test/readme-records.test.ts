/**
 * The README's examples for record metrics, derived answers, the village-rules screen, roles and
 * scope, and points run as tests: each `// →` comment shows part of the result, matched with
 * `toMatchObject`.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, readmeExamples } from './readme-examples.js';

describe.each([
  ['records', ['recordMetrics', 'deriveAnswers', 'validateFramework']],
  ['screening', ['screenVillageRules']],
  ['access', ['canGrant', 'grantableRoles', 'roleScopeLevels', 'inScope']],
  ['points', ['toHundredths', 'fromHundredths', 'isWholeHundredths', 'formatPoints']],
] as const)('README %s examples', (section, functions) => {
  const { blocks, examples } = readmeExamples(section);

  it('has examples of every function, each block fully checked', () => {
    expect(blocks).toBeGreaterThanOrEqual(1);
    for (const name of functions) {
      expect(examples.some((e) => e.code.trimStart().startsWith(name))).toBe(true);
    }
  });

  it.each(examples.map((e) => [e.line, e.code.split('\n')[0], e] as const))(
    'README line %i: %s',
    (_line, _first, example) => {
      const actual = evaluate(example.code);
      const expected = evaluate(example.expected);
      if (expected !== null && typeof expected === 'object') {
        expect(actual).toMatchObject(expected);
      } else {
        expect(actual).toEqual(expected);
      }
    },
  );
});
