// Every change runs in one transaction with its audit record, and that transaction begins only once
// the input has been read and the caller's role checked: input or a caller that is refused never
// takes a connection into a transaction (and never rolls one back). Signing in and changing one's
// password keep their own transactions (a wrong password must stay counted).
import { describe, expect, it } from 'vitest';
import { createContextInner } from '../src/trpc/context.js';
import { inTransaction } from '../src/trpc/init.js';
import { appRouter, createCaller } from '../src/trpc/root.js';
import type { Db } from '../src/db/client.js';
import { routerProcedures, useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();
const unit = { countyCode: '330728000000', name: '审计局', kind: '政府工作部门' };

const ownTransactions = new Set(['auth.login', 'auth.changePassword']);

interface Step {
  _type?: string;
}
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string; middlewares: Step[] } }
>;
const transaction = inTransaction._middlewares[0] as Step;
const mutations = Object.keys(routerProcedures())
  .filter((path) => procedures[path]!._def.type === 'mutation' && !ownTransactions.has(path))
  .sort();

describe('every change opens its transaction after its input and role checks', () => {
  it('covers the mutations of the router', () => {
    expect(mutations.length).toBeGreaterThan(80);
    expect(mutations).toContain('participations.saveSheet');
    expect(mutations).toContain('auth.logout');
  });

  it.each(mutations)('%s', (path) => {
    const steps = procedures[path]!._def.middlewares;
    expect(steps.filter((step) => step === transaction)).toHaveLength(1);
    const lastInput = steps.findLastIndex((step) => step._type === 'input');
    expect(steps.indexOf(transaction)).toBeGreaterThan(lastInput);
  });
});

describe('a refused call opens no transaction', () => {
  /** A caller whose database counts the transactions it opens. */
  async function countingCaller(username: string) {
    const db = t.db;
    const opened = { count: 0 };
    const counting = Object.create(db, {
      transaction: {
        value: (...args: Parameters<Db['transaction']>) => {
          opened.count += 1;
          return db.transaction(...args);
        },
      },
    }) as Db;
    const caller = createCaller(
      createContextInner({ db: counting, user: await t.sessionUser(username) }),
    );
    return { caller, opened };
  }

  it('bad input, a read-only role and a role without the right open none; a good change one', async () => {
    const county = await countingCaller('county');
    const error = await expectError(county.caller.units.save({ ...unit, name: '' }), 'BAD_REQUEST');
    expect(error.fieldErrors.map((f) => f.path)).toEqual(['name']);
    expect(county.opened.count).toBe(0);

    const inspector = await countingCaller('inspector');
    await expectError(inspector.caller.units.save(unit), 'FORBIDDEN');
    expect(inspector.opened.count).toBe(0);

    const clerk = await countingCaller('clerk');
    await expectError(clerk.caller.units.save(unit), 'FORBIDDEN');
    expect(clerk.opened.count).toBe(0);

    const saved = await county.caller.units.save(unit);
    expect(saved.name).toBe('审计局');
    expect(county.opened.count).toBe(1);
  });
});
