// The participatory-budget part of the public project page (/public/projects/:code/:year): each
// key project's five stages in counts, dates, the agreed plan, the winning firm, the inspections
// and the residents' appraisal — never the requests' words, who raised them or a convenor. The
// plan's files are named, not linked: a public page serves no file.
import { budgetStageNames, budgetStages } from '@fazhi/domain';
import type { Db } from '../db/client.js';
import { publicKeyProjects } from '../services/township/budget.js';
import { escapeHtml } from './public-notice-routes.js';

const yuan = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('zh-CN')} 元`);

/** The HTML section, or an empty string when the township has no key project that year. */
export async function publicBudgetSection(
  db: Db,
  townshipCode: string,
  year: number,
): Promise<string> {
  const projects = await publicKeyProjects(db, townshipCode, year);
  if (projects.length === 0) return '';
  const parts = projects.map((p) => {
    const stageLine = budgetStages
      .map((s) => `${budgetStageNames[s].zh}${p.stagesDone[s] ? '（已完成）' : '（未完成）'}`)
      .join(' → ');
    const items: string[] = [];
    items.push(
      `<li><strong>一、${budgetStageNames.origin.zh}</strong>：来自群众建议和意见 ${p.requests.count} 条，共 ${p.requests.raisedBy} 人次提出。</li>`,
    );
    const meetings = p.meetings
      .map((m) => `${escapeHtml(m.on)}（村民代表 ${m.representatives} 人）`)
      .join('；');
    // the plan's files by name: the one typed in and those uploaded, each once, never a link
    const planFiles = p.plan
      ? [...new Set([...(p.plan.fileName ? [p.plan.fileName] : []), ...p.plan.files])]
      : [];
    const plan = p.plan
      ? `${escapeHtml(p.plan.on)} 议定方案：${escapeHtml(p.plan.text)}${planFiles.length ? `（方案文件：${planFiles.map(escapeHtml).join('、')}）` : ''}`
      : '方案尚未议定';
    items.push(
      `<li><strong>二、${budgetStageNames.design.zh}</strong>：方案议事会 ${p.meetings.length} 次${meetings ? `：${meetings}` : ''}。${plan}</li>`,
    );
    const tender = p.tender
      ? `${escapeHtml(p.tender.on)} 招标，村民代表 ${p.tender.representatives} 人到场见证；中标单位：${escapeHtml(p.tender.winningFirm)}，中标金额 ${yuan(p.tender.amountYuan)}。`
      : '尚未招标。';
    items.push(`<li><strong>三、${budgetStageNames.tender.zh}</strong>：${tender}</li>`);
    const inspections = p.inspections
      .map(
        (i) =>
          `<li>${escapeHtml(i.on)} 村民代表 ${i.representatives} 人${i.engineerPresent ? '会同监理工程师' : ''}检查：${escapeHtml(i.findings)}${i.rectification ? `；整改要求：${escapeHtml(i.rectification)}${i.rectifiedOn ? `（${escapeHtml(i.rectifiedOn)} 已整改）` : '（整改中）'}` : ''}</li>`,
      )
      .join('');
    items.push(
      `<li><strong>四、${budgetStageNames.construction.zh}</strong>：监督检查 ${p.inspections.length} 次${inspections ? `<ul>${inspections}</ul>` : '。'}</li>`,
    );
    const a = p.appraisal;
    const appraisal = a
      ? `${escapeHtml(a.on)} 民主评议，参加 ${a.participants} 人：满意 ${a.satisfied} 人，基本满意 ${a.basicallySatisfied} 人，不满意 ${a.unsatisfied} 人。${
          a.rectifications.length
            ? `<ul>${a.rectifications
                .map(
                  (r) =>
                    `<li>整改要求：${escapeHtml(r.text)}${r.doneOn ? `（${escapeHtml(r.doneOn)} 已完成）` : '（整改中）'}</li>`,
                )
                .join('')}</ul>`
            : ''
        }`
      : '尚未评议。';
    items.push(`<li><strong>五、${budgetStageNames.appraisal.zh}</strong>：${appraisal}</li>`);
    return [
      `<h3>${escapeHtml(p.title)}</h3>`,
      p.summary ? `<p>${escapeHtml(p.summary)}</p>` : '',
      `<p class="stages">${stageLine}</p>`,
      `<ul class="budget">${items.join('')}</ul>`,
    ].join('\n');
  });
  return ['<h2>参与式预算重点项目</h2>', ...parts].join('\n');
}
