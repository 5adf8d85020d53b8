// 试点 and 现场会: campaigns.recordPilotMeeting, campaigns.pilotMeetings, campaigns.rollOut.
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { present } from '../services/campaigns/campaigns.js';
import { listPilotMeetings, recordPilotMeeting, rollOut } from '../services/campaigns/pilots.js';
import { bi } from '../trpc/messages.js';
import { calendarDate, text } from './title-life-schemas.js';
import { campaignOutput, paged, pagination } from './schemas.js';

const countyAdmins = requireRole(['system_admin', 'county_admin']);
const campaignId = z.uuid({ error: bi('编号无效', 'Invalid id') });

const meeting = z.object({
  id: z.string(),
  heldOn: z.string(),
  place: z.string(),
  attendees: z.number().int(),
  summary: z.string(),
  fileNames: z.array(z.string()),
  createdAt: z.date(),
});

/** A meeting with its uploaded files (downloaded at `/api/pilot-meeting-files/:id`). */
const listedMeeting = meeting.extend({
  files: z.array(
    z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number() }),
  ),
});

export const campaignPilotProcedures = {
  recordPilotMeeting: writeProcedure
    .use(countyAdmins)
    .input(
      z.object({
        id: campaignId,
        heldOn: calendarDate,
        place: text(200, { zh: '地点', en: 'place' }),
        attendees: z
          .number({ error: bi('请填写参会人数', 'Enter the number of attendees') })
          .int({ error: bi('参会人数应为整数', 'A whole number of attendees') })
          .min(1, { error: bi('参会人数至少为1', 'At least one attendee') })
          .max(100_000, { error: bi('参会人数过多', 'Too many attendees') }),
        summary: text(5000, { zh: '会议纪要', en: 'summary' }),
        fileNames: z
          .array(text(200, { zh: '文件名', en: 'file name' }))
          .max(50, { error: bi('最多50个文件', 'At most 50 files') })
          .default([]),
      }),
    )
    .use(inTransaction)
    .output(meeting)
    .mutation(async ({ ctx, input }) => {
      const { id, ...fields } = input;
      const row = await recordPilotMeeting(ctx.db, ctx.scope, ctx.user.id, id, fields);
      await ctx.audit({
        action: 'campaigns.recordPilotMeeting',
        entity: 'campaign',
        entityId: row.campaignId,
        divisionCode: row.countyCode,
        after: fields,
      });
      return row;
    }),

  pilotMeetings: authedProcedure
    .input(z.object({ id: campaignId, ...pagination }))
    .output(paged(listedMeeting))
    .query(({ ctx, input }) => listPilotMeetings({ db: ctx.db, scope: ctx.scope, ...input })),

  rollOut: writeProcedure
    .use(countyAdmins)
    .input(z.object({ id: campaignId }))
    .use(inTransaction)
    .output(campaignOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await rollOut(ctx.db, ctx.scope, input.id);
      await ctx.audit({
        action: 'campaigns.rollOut',
        entity: 'campaign',
        entityId: after.id,
        divisionCode: after.countyCode,
        before: { rolledOutAt: before.rolledOutAt },
        after: { rolledOutAt: after.rolledOutAt },
      });
      return present(after, { scope: ctx.scope, userId: ctx.user.id });
    }),
} satisfies TRPCRouterRecord;
