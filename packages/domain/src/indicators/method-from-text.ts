import type { AssessmentMethod } from './types.js';

function normalize(text: string): string {
  return text.replace(/\s+/g, '');
}

const methodWords: readonly (readonly [AssessmentMethod, readonly string[]])[] = [
  ['site_visit', ['实地', '现场', '察看']],
  ['ledger', ['台账', '资料', '档案', '查阅', '材料', '记录', '文件']],
  ['interview', ['走访', '座谈', '询问', '访谈', '谈话', '入户']],
  ['survey', ['问卷', '调查', '测评', '满意度']],
];

/**
 * The assessment method a 考核方法 text names first (实地查看 → `site_visit`, 查阅台账 → `ledger`,
 * 走访座谈 → `interview`, 问卷调查 → `survey`), or `null` when it names none of them. A method
 * code itself (`ledger`) is read as well.
 *
 * @example
 * methodFromText('查阅资料、实地查看'); // → 'ledger'
 * methodFromText('随机走访群众'); // → 'interview'
 * methodFromText(''); // → null
 */
export function methodFromText(text: string): AssessmentMethod | null {
  const t = normalize(text);
  for (const [method] of methodWords) if (t === method) return method;
  let best: { method: AssessmentMethod; at: number } | null = null;
  for (const [method, words] of methodWords) {
    for (const word of words) {
      const at = t.indexOf(word);
      if (at >= 0 && (best === null || at < best.at)) best = { method, at };
    }
  }
  return best?.method ?? null;
}
