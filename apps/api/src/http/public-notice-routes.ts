// 公示 at a public address, without login: GET /public/notices/:id is the notice as a printable
// HTML page with no scripts (every value escaped), showing only what the printed notice shows;
// GET /public/notices/:id/qr.svg is a QR code of that address, for the printed notice. Both are
// read-only and limited per client address (public_request_counters, shared by all processes).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { Db } from '../db/client.js';
import { publicNotice, type NoticeParticulars } from '../services/campaigns/public-notice.js';
import { allowPublicRequest } from '../services/public-rate-limit.js';

export const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** 2026-10-16 → 2026年10月16日 */
function chineseDate(iso: string | null): string {
  if (!iso) return '（未填写）';
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const styles = `
body{margin:0;background:#f5f5f5;color:#222;font:16px/1.8 "Songti SC","SimSun",serif}
main{max-width:800px;margin:24px auto;background:#fff;padding:40px 48px}
h1{font-size:22px;text-align:center;line-height:1.5;margin:0 0 24px}
p{text-indent:2em;margin:0 0 12px}
table{width:100%;border-collapse:collapse;margin:16px 0 24px}
th,td{border:1px solid #333;padding:4px 8px;text-align:center}
td.score{text-align:right}
.sign{text-align:right;text-indent:0;margin-top:32px}
.qr{display:flex;align-items:center;gap:12px;margin-top:24px;font-size:13px;color:#555}
.qr svg{width:96px;height:96px}
@media (max-width:600px){main{margin:0;padding:20px 16px}}
@media print{body{background:#fff}main{margin:0;max-width:none;padding:0}}
`;

export function noticeLines(particulars: NoticeParticulars): { period: string; contact: string } {
  const period =
    particulars.periodStart && particulars.periodEnd
      ? `公示期为${chineseDate(particulars.periodStart)}至${chineseDate(particulars.periodEnd)}（${particulars.days}天）。`
      : `公示期${particulars.days}天。`;
  const contact = particulars.contact
    ? `如有异议，请在公示期内以实名方式（署真实姓名和联系方式）向${particulars.contact}反映。`
    : '如有异议，请在公示期内以实名方式向县级创建工作办公室反映。';
  return { period, contact };
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body><main>${body}</main></body>
</html>
`;
}

function publicUrl(req: FastifyRequest, id: string): string {
  return `${req.protocol}://${req.host}/public/notices/${encodeURIComponent(id)}`;
}

async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

export function publicNoticeRoutes(deps: {
  db: Db;
  /** Requests per client address and minute to the public pages (0: no limit). */
  requestsPerMinute: number;
}): FastifyPluginAsync {
  return async (app) => {
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

    function notFound(reply: FastifyReply) {
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(
          page('未找到公示', '<h1>未找到该公示</h1><p>该公示不存在或尚未发布，请核对地址。</p>'),
        );
    }

    app.get<{ Params: { id: string } }>('/public/notices/:id', async (req, reply) => {
      if (await limited(req, reply)) return reply;
      const notice = await publicNotice(deps.db, req.params.id);
      if (!notice) return notFound(reply);
      const { particulars } = notice;
      const lines = noticeLines(particulars);
      const heading = `${notice.name}拟命名民主法治示范村（社区）名单公示`;
      const rows = notice.rows
        .map(
          (r, i) =>
            `<tr><td>${i + 1}</td><td>${escapeHtml(r.townshipName ?? '')}</td><td>${escapeHtml(r.villageName)}</td><td class="score">${r.total === null ? '—' : String(Number(r.total.toFixed(2)))}</td></tr>`,
        )
        .join('');
      const body = [
        `<h1>${escapeHtml(heading)}</h1>`,
        '<p>经村（社区）申报、乡镇（街道）初审、县级验收，拟命名以下村（社区）为民主法治示范村（社区），现予公示。</p>',
        `<p>${escapeHtml(lines.period)}${escapeHtml(lines.contact)}</p>`,
        '<table><thead><tr><th>序号</th><th>乡镇（街道）</th><th>村（社区）</th><th>得分</th></tr></thead>',
        `<tbody>${rows || '<tr><td colspan="4">暂无公示名单</td></tr>'}</tbody></table>`,
        `<p class="sign">${escapeHtml(particulars.issuer ?? '（发布单位未填写）')}<br>${escapeHtml(chineseDate(particulars.issuedOn))}</p>`,
        `<div class="qr">${await qrSvg(publicUrl(req, req.params.id))}<span>扫码查看本公示</span></div>`,
      ].join('\n');
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(page(heading, body));
    });

    app.get<{ Params: { id: string } }>('/public/notices/:id/qr.svg', async (req, reply) => {
      if (await limited(req, reply)) return reply;
      const notice = await publicNotice(deps.db, req.params.id);
      if (!notice) return notFound(reply);
      return reply
        .header('cache-control', 'no-cache')
        .type('image/svg+xml')
        .send(await qrSvg(publicUrl(req, req.params.id)));
    });
  };
}
