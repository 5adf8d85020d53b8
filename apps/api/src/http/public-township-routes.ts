// 件件有反馈 at a public address, without login: GET /public/comments/:code lists the answered
// comments about a township or village — subject, reply, dates and the days taken, never the
// commenter's contact or the comment's text — and a form without scripts; POST sends a comment
// (owned by the township, due after the default reply days), recorded with its audit event.
// GET /public/projects/:code/:year is the township's 实事工程百姓点单 of a year: every idea with
// where it came from, the reason for those not taken up, the congress vote, milestones, percent
// done, budget and spending, then the participatory budget's key projects with their five stages
// (public-budget-section.ts). All are limited per client address (public_request_counters).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { projectStageNames } from '@fazhi/domain';
import type { Db } from '../db/client.js';
import { writeAudit } from '../services/audit.js';
import {
  publicCommentPage,
  publicDivision,
  submitPublicComment,
} from '../services/township/comments.js';
import { publicProjects } from '../services/township/projects.js';
import { publicBudgetSection } from './public-budget-section.js';
import { allowPublicRequest } from '../services/public-rate-limit.js';
import { escapeHtml, page } from './public-notice-routes.js';

const FORM_BYTES = 16 * 1024;

const limits = { subject: 100, content: 2000, contact: 100 } as const;

function readField(body: unknown, name: keyof typeof limits): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : '';
  return typeof value === 'string' ? value.trim() : '';
}

/** Field errors of a submitted form, in Chinese (the public page's language). */
function formErrors(fields: Record<keyof typeof limits, string>): string[] {
  const errors: string[] = [];
  if (!fields.subject) errors.push('请填写事项');
  if (!fields.content) errors.push('请填写意见内容');
  for (const [name, max] of Object.entries(limits) as [keyof typeof limits, number][]) {
    if (fields[name].length > max)
      errors.push(
        `${name === 'subject' ? '事项' : name === 'content' ? '内容' : '联系方式'}最多 ${max} 个字`,
      );
    // eslint-disable-next-line no-control-regex
    if (/[\u0000\uD800-\uDFFF]/.test(fields[name])) errors.push('含有无法保存的字符');
  }
  return errors;
}

export function publicTownshipRoutes(deps: {
  db: Db;
  requestsPerMinute: number;
}): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BYTES },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    async function limited(req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
      if (await allowPublicRequest(deps.db, req.ip, deps.requestsPerMinute)) return false;
      await reply
        .code(429)
        .header('retry-after', '60')
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(page('请求过于频繁', '<h1>请求过于频繁</h1><p>请一分钟后再试。</p>'));
      return true;
    }

    async function render(
      reply: FastifyReply,
      division: { code: string; name: string },
      notice: string,
      status = 200,
    ) {
      const data = await publicCommentPage(deps.db, division.code);
      const rows = data.answered
        .map(
          (r) =>
            `<tr><td>${escapeHtml(r.receivedOn)}</td><td>${escapeHtml(r.divisionName)}</td><td>${escapeHtml(r.subject)}</td><td class="reply">${escapeHtml(r.reply)}</td><td>${escapeHtml(r.repliedOn)}</td><td>${r.daysTaken}</td></tr>`,
        )
        .join('');
      const heading = `${division.name}群众意见办理情况`;
      const body = [
        `<h1>${escapeHtml(heading)}</h1>`,
        notice,
        `<p>件件有反馈：每条意见都有承办单位、答复期限和答复。目前正在办理 ${data.waiting} 件。</p>`,
        '<table><thead><tr><th>收到</th><th>村（社区）</th><th>事项</th><th>答复</th><th>答复日期</th><th>用时（天）</th></tr></thead>',
        `<tbody>${rows || '<tr><td colspan="6">暂无已答复的意见</td></tr>'}</tbody></table>`,
        '<h2>提出意见</h2>',
        `<form method="post" action="/public/comments/${escapeHtml(division.code)}">`,
        `<p><label>事项<br><input name="subject" maxlength="${limits.subject}" required></label></p>`,
        `<p><label>意见内容<br><textarea name="content" rows="5" maxlength="${limits.content}" required></textarea></label></p>`,
        `<p><label>联系方式（选填，仅用于答复，不公开）<br><input name="contact" maxlength="${limits.contact}"></label></p>`,
        '<p><button type="submit">提交</button></p>',
        '</form>',
      ].join('\n');
      return (
        reply
          .code(status)
          .header('cache-control', 'no-store')
          // with the site-wide no-referrer, Chromium sends `Origin: null` on the form's POST and
          // the cross-site refusal (same-origin.ts) turns it away; same-origin sends the origin
          .header('referrer-policy', 'same-origin')
          .type('text/html; charset=utf-8')
          .send(page(heading, body))
      );
    }

    function notFound(reply: FastifyReply) {
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(page('未找到', '<h1>未找到该乡镇或村（社区）</h1><p>请核对地址。</p>'));
    }

    app.get<{ Params: { code: string }; Querystring: { sent?: string } }>(
      '/public/comments/:code',
      async (req, reply) => {
        if (await limited(req, reply)) return reply;
        const division = await publicDivision(deps.db, req.params.code);
        if (!division) return notFound(reply);
        const notice =
          req.query.sent === '1' ? '<p class="sent">您的意见已收到，我们将在期限内答复。</p>' : '';
        return render(reply, division, notice);
      },
    );

    app.get<{ Params: { code: string; year: string } }>(
      '/public/projects/:code/:year',
      async (req, reply) => {
        if (await limited(req, reply)) return reply;
        const division = await publicDivision(deps.db, req.params.code);
        const year = Number(req.params.year);
        if (!division || division.level !== 'township' || !Number.isInteger(year)) {
          return notFound(reply);
        }
        const projects = await publicProjects(deps.db, division.code, year);
        const heading = `${division.name}${year}年民生实事项目（百姓点单）`;
        const yuan = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('zh-CN')} 元`);
        const rows = projects
          .map((p) => {
            const vote = p.vote
              ? `${p.vote.date} 人大票决：应到 ${p.vote.deputies}，实到 ${p.vote.present}，赞成 ${p.vote.votesFor}，反对 ${p.vote.votesAgainst}，弃权 ${p.vote.abstentions}`
              : '';
            const milestones = p.milestones
              .map(
                (m) => `${escapeHtml(m.due)} ${escapeHtml(m.title)}${m.done ? '（已完成）' : ''}`,
              )
              .join('<br>');
            const note = p.stage === 'not_taken' ? `未采纳理由：${p.screeningReason ?? ''}` : vote;
            return `<tr><td>${escapeHtml(p.title)}</td><td>${escapeHtml(p.source)}（${p.raisedBy} 人提出）</td><td>${projectStageNames[p.stage].zh}</td><td>${escapeHtml(note)}</td><td>${milestones}</td><td>${p.percentDone}%</td><td>${yuan(p.budgetYuan)} / ${yuan(p.spentYuan)}</td></tr>`;
          })
          .join('');
        const body = [
          `<h1>${escapeHtml(heading)}</h1>`,
          `<p>共征集建议 ${projects.length} 条，列入票决 ${projects.filter((p) => p.vote || p.stage === 'shortlisted').length} 项，票决通过 ${projects.filter((p) => p.stage === 'voted_through' || p.stage === 'done').length} 项。</p>`,
          '<table><thead><tr><th>项目</th><th>来源</th><th>阶段</th><th>票决或理由</th><th>节点</th><th>进度</th><th>预算 / 已支出</th></tr></thead>',
          `<tbody>${rows || '<tr><td colspan="7">暂无项目</td></tr>'}</tbody></table>`,
          await publicBudgetSection(deps.db, division.code, year),
        ].join('\n');
        return reply
          .header('cache-control', 'no-cache')
          .type('text/html; charset=utf-8')
          .send(page(heading, body));
      },
    );

    app.post<{ Params: { code: string } }>(
      '/public/comments/:code',
      { bodyLimit: FORM_BYTES },
      async (req, reply) => {
        if (await limited(req, reply)) return reply;
        const division = await publicDivision(deps.db, req.params.code);
        if (!division) return notFound(reply);
        const fields = {
          subject: readField(req.body, 'subject'),
          content: readField(req.body, 'content'),
          contact: readField(req.body, 'contact'),
        };
        const errors = formErrors(fields);
        if (errors.length > 0) {
          const list = errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('');
          return render(reply, division, `<ul class="errors">${list}</ul>`, 400);
        }
        await deps.db.transaction(async (tx) => {
          await submitPublicComment({
            db: tx,
            audit: (event) => writeAudit(tx, { id: null, username: null }, String(req.id), event),
            code: division.code,
            subject: fields.subject,
            content: fields.content,
            contact: fields.contact || null,
          });
        });
        return reply
          .code(303)
          .header('location', `/public/comments/${division.code}?sent=1`)
          .send();
      },
    );
  };
}
