import type { LocalizedText } from '../localized-text.js';

/**
 * The stages of a villagers' project (实事工程百姓点单): an idea collected, screened onto the menu
 * (or not taken up, with a published reason), voted by the township people's congress, built.
 */
export type ProjectStage =
  | 'idea'
  | 'shortlisted'
  | 'not_taken'
  | 'voted_through'
  | 'voted_down'
  | 'done';

export const projectStages: readonly ProjectStage[] = [
  'idea',
  'shortlisted',
  'not_taken',
  'voted_through',
  'voted_down',
  'done',
];

export const projectStageNames: Readonly<Record<ProjectStage, LocalizedText>> = Object.freeze({
  idea: { zh: '征集中', en: 'Collected' },
  shortlisted: { zh: '列入票决清单', en: 'Shortlisted' },
  not_taken: { zh: '未采纳', en: 'Not taken up' },
  voted_through: { zh: '票决通过，实施中', en: 'Voted through, being built' },
  voted_down: { zh: '票决未通过', en: 'Voted down' },
  done: { zh: '已完成', en: 'Done' },
});

/**
 * Whether a project may move from `from` to `to` by screening or reporting (the vote alone sets
 * `voted_through` and `voted_down`): within screening, or from voted through to done.
 *
 * @example
 * mayChangeProjectStage('idea', 'not_taken'); // true
 * mayChangeProjectStage('shortlisted', 'voted_through'); // false: only the vote does that
 */
export function mayChangeProjectStage(from: ProjectStage, to: ProjectStage): boolean {
  if (from === to) return true;
  const screening: readonly ProjectStage[] = ['idea', 'shortlisted', 'not_taken'];
  if (screening.includes(from)) return screening.includes(to);
  return from === 'voted_through' && to === 'done';
}
