// The order the API test files start in. vitest orders by the timings it cached on an earlier run,
// or by file size on a clean checkout, and runs one project (driver) after the other: the slow
// command-line and fuzz files, which are small, would start last and finish alone, and at the
// end both workers would wait on the PostgreSQL server together. Here the slowest files known
// start first, and PGlite and PostgreSQL files alternate, so that a file computing in its
// worker's PGlite runs beside one waiting on the server.
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
    const byProject = new Map<string, TestSpecification[]>();
    for (const spec of await super.sort(files)) {
      const queue = byProject.get(spec.project.name) ?? [];
      queue.push(spec);
      byProject.set(spec.project.name, queue);
    }
    // stable: the files not named keep vitest's order (cached timings, else size)
    const queues = [...byProject.values()].map((queue) =>
      queue
        .map((spec, at) => ({ spec, at }))
        .sort((a, b) => rank(a.spec) - rank(b.spec) || a.at - b.at),
    );
    const order: TestSpecification[] = [];
    for (let i = 0; queues.some((queue) => i < queue.length); i++) {
      for (const queue of queues) if (i < queue.length) order.push(queue[i]!.spec);
    }
    return order;
  }
}
