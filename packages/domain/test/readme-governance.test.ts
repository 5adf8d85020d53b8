/**
 * The README's governance examples run as tests: every fenced `js` block between
 * `<!-- governance:begin -->` and `<!-- governance:end -->` is split into examples (code lines
 * followed by a `// →` comment); each example is evaluated against the library and its result
 * must match the comment's value (`toMatchObject`: the comment shows part of the result).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as domain from '../src/index.js';

interface Example {
  readonly code: string;
  readonly expected: string;
  readonly line: number;
}

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(
  readme.indexOf('<!-- governance:begin -->'),
  readme.indexOf('<!-- governance:end -->'),
);
const sectionStart = readme
  .slice(0, readme.indexOf('<!-- governance:begin -->'))
  .split('\n').length;

function examplesOf(text: string): { blocks: number; examples: Example[] } {
  const lines = text.split('\n');
  const examples: Example[] = [];
  let blocks = 0;
  let inBlock = false;
  let code: string[] = [];
  let codeLine = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (!inBlock) {
      if (line.trim() === '```js') {
        inBlock = true;
        blocks += 1;
        code = [];
      }
      continue;
    }
    if (line.trim() === '```') {
      if (code.some((l) => l.trim() !== '')) {
        throw new Error(`README line ${sectionStart + codeLine}: an example without "// →"`);
      }
      inBlock = false;
      continue;
    }
    if (line.startsWith('// →')) {
      const expected = [line.slice('// →'.length)];
      while ((lines[i + 1] ?? '').startsWith('//') && !(lines[i + 1] ?? '').startsWith('// →')) {
        i += 1;
        expected.push((lines[i] ?? '').slice(2));
      }
      examples.push({ code: code.join('\n'), expected: expected.join('\n'), line: codeLine });
      code = [];
      continue;
    }
    if (code.length === 0 && line.trim() === '') continue;
    if (code.length === 0) codeLine = sectionStart + i;
    code.push(line);
  }
  return { blocks, examples };
}

const { blocks, examples } = examplesOf(section);
const names = Object.keys(domain);
const values = Object.values(domain);

function evaluate(expression: string): unknown {
  const body = `return (${expression.trim().replace(/;$/, '')});`;
  return new Function(...names, body)(...values) as unknown;
}

describe('README governance examples', () => {
  it('has examples for every governance check, each block fully checked', () => {
    expect(blocks).toBeGreaterThanOrEqual(12);
    for (const check of [
      'checkResolution',
      'checkRecall',
      'checkRepresentatives',
      'checkDisclosures',
      'checkVillageRules',
      'checkMajorDecision',
      'checkFourDeliberations',
      'checkElection',
      'checkProxy',
      'checkAppraisals',
      'describeCitation',
    ]) {
      expect(examples.some((e) => e.code.trimStart().startsWith(`${check}(`))).toBe(true);
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
