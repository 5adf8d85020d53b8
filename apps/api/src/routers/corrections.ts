// Community correction and assistance (社区矫正, 安置帮教): a township's monthly figures, counts
// only, and their rollup from township to county.
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, writeProcedure } from '../trpc/init.js';
import { divisionCode, paged, pagination, version } from './schemas.js';
import { headCount, uuid, warningOutput } from './records-schemas.js';
import { month } from './registers.js';
import {
  correctionStatistics,
  listCorrections,
  saveCorrections,
} from '../services/registers/corrections.js';

const figures = {
  underCorrection: z.number(),
  newlyReceived: z.number(),
  released: z.number(),
  helped: z.number(),
  filesOpened: z.number(),
  placementRate: z.number().nullable(),
  filingRate: z.number().nullable(),
};

const figuresOutput = z.object({
  id: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  month: z.string(),
  ...figures,
  reportedOn: z.string(),
  version: z.number(),
  warnings: z.array(warningOutput),
});

const comparedFigures = { ...figures, reported: z.number(), asOfMonth: z.string().nullable() };

const statisticsRow = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  ...figures,
  reported: z.number(),
  /** The month whose month-end counts are shown: the last reported in the period, or null. */
  asOfMonth: z.string().nullable(),
  /** The same figures of as many months just before (环比; for a whole year, the year before). */
  previousPeriod: z.object({ from: z.string(), to: z.string(), ...comparedFigures }),
  /** The same figures of the same months a year earlier (同比). */
  yearBefore: z.object({ from: z.string(), to: z.string(), ...comparedFigures }),
});

export const correctionsRouter = {
  /** The monthly figures of the townships in a division, newest month first, paged. */
  list: authedProcedure
    .input(z.object({ divisionCode, from: month, to: month, ...pagination }))
    .output(paged(figuresOutput))
    .query(({ ctx, input }) => listCorrections({ db: ctx.db, scope: ctx.scope, ...input })),

  /** Records a township's figures of an ended month (one report a month), or corrects them. */
  save: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        townshipCode: divisionCode,
        month,
        underCorrection: headCount,
        newlyReceived: headCount,
        released: headCount,
        helped: headCount,
        filesOpened: headCount,
      }),
    )
    .use(inTransaction)
    .output(figuresOutput)
    .mutation(({ ctx, input }) =>
      saveCorrections({
        db: ctx.db,
        scope: ctx.scope,
        role: ctx.user.role,
        audit: ctx.audit,
        input,
      }),
    ),

  /**
   * The figures of a division and of each township for a range of months: the months' counts
   * added up, the counts at the month's end those of the last month, with the rates.
   */
  statistics: authedProcedure
    .input(z.object({ divisionCode, from: month, to: month }))
    .output(
      statisticsRow.extend({
        from: z.string(),
        to: z.string(),
        months: z.number(),
        children: z.array(statisticsRow),
      }),
    )
    .query(({ ctx, input }) => correctionStatistics({ db: ctx.db, scope: ctx.scope, ...input })),
} satisfies TRPCRouterRecord;
