// Legal advisers (一村一法律顾问): the advisers and their contracts with villages (kept by the
// county), their market-day duty and service records, and the coverage rolled up live.
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { adviserServiceKinds } from '@fazhi/domain';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { bi } from '../trpc/messages.js';
import { divisionCode, paged, pagination, version } from './schemas.js';
import { isoDate, requiredText, shortText, uuid, warningOutput } from './records-schemas.js';
import {
  adviserKeeperRoles,
  listAdvisers,
  removeContract,
  saveAdviser,
  saveContract,
} from '../services/registers/advisers.js';
import {
  listDutyDays,
  listServices,
  removeDutyDay,
  removeService,
  saveDutyDay,
  saveService,
} from '../services/registers/advisers-activity.js';
import { adviserStatistics } from '../services/registers/advisers-coverage.js';
import {
  exportDutyDays,
  exportServices,
  importDutyDays,
  importServices,
} from '../services/registers/register-workbooks.js';

const contractOutput = z.object({
  id: z.string(),
  adviserId: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  version: z.number(),
});

const adviserOutput = z.object({
  id: z.string(),
  countyCode: z.string(),
  name: z.string(),
  firm: z.string(),
  phone: z.string().nullable(),
  version: z.number(),
});

const dutyOutput = z.object({
  id: z.string(),
  adviserId: z.string(),
  adviserName: z.string(),
  townshipCode: z.string(),
  date: z.string(),
  place: z.string(),
  note: z.string(),
  version: z.number(),
});

const serviceOutput = z.object({
  id: z.string(),
  adviserId: z.string(),
  adviserName: z.string(),
  divisionCode: z.string(),
  date: z.string(),
  kind: z.enum(adviserServiceKinds),
  count: z.number(),
  note: z.string(),
  version: z.number(),
});

const range = { from: isoDate.optional(), to: isoDate.optional() };
const workbookFile = z.object({ fileName: z.string(), base64: z.string() });
const workbook = z.base64({ error: bi('文件内容无效', 'Invalid file content') }).max(1_000_000, {
  error: bi('文件过大', 'The file is too large'),
});
const importResult = z.object({ added: z.number(), updated: z.number() });

const coverageFigures = {
  villages: z.number(),
  covered: z.number(),
  coverage: z.number().nullable(),
  dutyDays: z.number(),
  services: z.object(
    Object.fromEntries(adviserServiceKinds.map((k) => [k, z.number()])) as Record<
      (typeof adviserServiceKinds)[number],
      z.ZodNumber
    >,
  ),
};
const coverageRow = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  ...coverageFigures,
  /** The same figures of the period just before (同比 for a year, 环比 for a month). */
  previousPeriod: z.object({ from: z.string(), to: z.string(), ...coverageFigures }),
  /** The same period a year earlier (同比). */
  yearBefore: z.object({ from: z.string(), to: z.string(), ...coverageFigures }),
});

export const advisersRouter = {
  /** The advisers of a division (a county's all; below, those with a contract there), paged. */
  list: authedProcedure
    .input(z.object({ divisionCode, ...pagination }))
    .output(paged(adviserOutput.extend({ contracts: z.array(contractOutput) })))
    .query(({ ctx, input }) => listAdvisers({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Records an adviser of the county, or corrects one (`id` and the `version` read). */
  save: writeProcedure
    .use(requireRole(adviserKeeperRoles))
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        countyCode: divisionCode,
        name: requiredText(50),
        firm: requiredText(100),
        phone: shortText(30).optional(),
      }),
    )
    .use(inTransaction)
    .output(adviserOutput)
    .mutation(({ ctx, input }) =>
      saveAdviser({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  /** Records a village's contract with an adviser; overlapping contracts come back as warnings. */
  saveContract: writeProcedure
    .use(requireRole(adviserKeeperRoles))
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        adviserId: uuid,
        villageCode: divisionCode,
        startsOn: isoDate,
        endsOn: isoDate,
      }),
    )
    .use(inTransaction)
    .output(contractOutput.extend({ warnings: z.array(warningOutput) }))
    .mutation(({ ctx, input }) =>
      saveContract({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  /** Deletes a contract entered by mistake. */
  removeContract: writeProcedure
    .use(requireRole(adviserKeeperRoles))
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      removeContract({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),

  /** The market-day duty of the townships in a division, newest first, paged. */
  dutyDays: authedProcedure
    .input(z.object({ divisionCode, ...range, ...pagination }))
    .output(paged(dutyOutput))
    .query(({ ctx, input }) => listDutyDays({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Records an adviser's market-day duty in a township, or corrects one. */
  saveDutyDay: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        adviserId: uuid,
        townshipCode: divisionCode,
        date: isoDate,
        place: requiredText(100),
        note: shortText(500).optional(),
      }),
    )
    .use(inTransaction)
    .output(dutyOutput)
    .mutation(({ ctx, input }) =>
      saveDutyDay({ db: ctx.db, scope: ctx.scope, role: ctx.user.role, audit: ctx.audit, input }),
    ),

  /** The duty days as listed (not paged) as an .xlsx workbook (base64). */
  exportDutyDays: authedProcedure
    .input(z.object({ divisionCode, ...range }))
    .output(workbookFile)
    .query(({ ctx, input }) => exportDutyDays({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Imports duty days from the exported workbook (base64): every row or none. */
  importDutyDays: writeProcedure
    .input(z.object({ divisionCode, workbook }))
    .use(inTransaction)
    .output(importResult)
    .mutation(({ ctx, input }) =>
      importDutyDays({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      }),
    ),

  /** Deletes a duty day entered by mistake, unless its month is locked. */
  removeDutyDay: writeProcedure
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      removeDutyDay({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      }),
    ),

  /** The service records of a division and the divisions below, newest first, paged. */
  services: authedProcedure
    .input(z.object({ divisionCode, ...range, ...pagination }))
    .output(paged(serviceOutput))
    .query(({ ctx, input }) => listServices({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Records what an adviser did for a village (or the township) on a day, or corrects it. */
  saveService: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        adviserId: uuid,
        divisionCode,
        date: isoDate,
        kind: z.enum(adviserServiceKinds, { error: bi('服务类型无效', 'Unknown kind of service') }),
        count: z
          .number()
          .int({ error: bi('次数应为整数', 'A count is a whole number') })
          .min(0, { error: bi('次数不能为负数', 'A count cannot be negative') })
          .max(10_000, { error: bi('次数不能超过10000', 'At most 10,000') }),
        note: shortText(500).optional(),
      }),
    )
    .use(inTransaction)
    .output(serviceOutput)
    .mutation(({ ctx, input }) =>
      saveService({ db: ctx.db, scope: ctx.scope, role: ctx.user.role, audit: ctx.audit, input }),
    ),

  /** The service records as listed (not paged) as an .xlsx workbook (base64). */
  exportServices: authedProcedure
    .input(z.object({ divisionCode, ...range }))
    .output(workbookFile)
    .query(({ ctx, input }) => exportServices({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Imports service records from the exported workbook (base64): every row or none. */
  importServices: writeProcedure
    .input(z.object({ divisionCode, workbook }))
    .use(inTransaction)
    .output(importResult)
    .mutation(({ ctx, input }) =>
      importServices({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      }),
    ),

  /** Deletes a service record entered by mistake, unless its month is locked. */
  removeService: writeProcedure
    .input(z.object({ id: uuid, version }))
    .use(inTransaction)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      removeService({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        ...input,
      }),
    ),

  /** Coverage on the period's last day, duty days and services, for a division and its children. */
  coverage: authedProcedure
    .input(z.object({ divisionCode, from: isoDate, to: isoDate }))
    .output(
      coverageRow.extend({ from: z.string(), to: z.string(), children: z.array(coverageRow) }),
    )
    .query(({ ctx, input }) => adviserStatistics({ db: ctx.db, scope: ctx.scope, ...input })),
} satisfies TRPCRouterRecord;
