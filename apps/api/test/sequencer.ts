// The order the API test files start in. vitest runs one project (driver) after the other, since
// a worker keeps its imported modules only from one file to the next of the same project, and
// within a project by the timings it cached on an earlier run or, on a clean checkout, by file
// size: there the slow command-line and fuzz files, which are small, would start last and finish
// alone. Here the slowest files known start first in their project's run.
import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The slowest files, slowest first (measured on both drivers; see README's timing paragraph). */
const slowest = [
  'bad-input.test.ts',
  'create-admin.test.ts',
  'backup.test.ts',
  'authorization.test.ts',
  'audit.test.ts',
  'two-processes.test.ts',
  'transitions.test.ts',
  'database-outage.test.ts',
  'excel.test.ts',
  'framework-workbook.test.ts',
  'mediation-monthly.test.ts',
  'login-throttle.test.ts',
];

const rank = (spec: TestSpecification) => {
  const at = slowest.indexOf(basename(spec.moduleId));
  return at === -1 ? slowest.length : at;
};

export class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const runs = new Map<string, TestSpecification[]>();
    for (const spec of await super.sort(files)) {
      const run = runs.get(spec.project.name) ?? [];
      run.push(spec);
      runs.set(spec.project.name, run);
    }
    // stable: the files not named keep vitest's order
    return [...runs.values()].flatMap((run) =>
      run
        .map((spec, at) => ({ spec, at }))
        .sort((a, b) => rank(a.spec) - rank(b.spec) || a.at - b.at)
        .map(({ spec }) => spec),
    );
  }
}
