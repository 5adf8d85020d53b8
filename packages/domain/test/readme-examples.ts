/**
 * Reads the examples of a README section for the examples-as-tests files: every fenced `js`
 * block between `<!-- NAME:begin -->` and `<!-- NAME:end -->` is split into examples (code lines
 * followed by a `// →` comment whose following `//` lines continue the expected value). The same
 * format as the governance section (test/readme-governance.test.ts).
 */
import { readFileSync } from 'node:fs';
import * as domain from '../src/index.js';

export interface ReadmeExample {
  readonly code: string;
  readonly expected: string;
  /** The README line of the example's first code line. */
  readonly line: number;
}

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The examples of the section `name` and the number of `js` blocks in it. */
export function readmeExamples(name: string): { blocks: number; examples: ReadmeExample[] } {
  const begin = readme.indexOf(`<!-- ${name}:begin -->`);
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  if (begin < 0 || end < begin) throw new Error(`README has no section ${name}`);
  const sectionStart = readme.slice(0, begin).split('\n').length;
  const lines = readme.slice(begin, end).split('\n');
  const examples: ReadmeExample[] = [];
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

const names = Object.keys(domain);
const values = Object.values(domain);

/** Evaluates one expression with every export of the library in scope. */
export function evaluate(expression: string): unknown {
  const body = `return (${expression.trim().replace(/;$/, '')});`;
  return new Function(...names, body)(...values) as unknown;
}
