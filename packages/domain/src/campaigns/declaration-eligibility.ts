import type { LocalizedText } from '../localized-text.js';
import { revocationBarYears } from './limits.js';
import { lowerTitleLevel, titleLevelName, type TitleLevel } from './title-level.js';

/** A title the village holds or held, as the eligibility check needs it. */
export interface HeldTitle {
  readonly level: TitleLevel;
  readonly status: 'active' | 'revoked' | 'cancelled';
  /** The day of the re-check that revoked or cancelled it (YYYY-MM-DD). */
  readonly recheckedOn?: string | null | undefined;
}

export interface DeclarationProblem {
  readonly code: 'REVOKED_RECENTLY' | 'ALREADY_NAMED' | 'LOWER_TITLE_REQUIRED';
  readonly message: LocalizedText;
}

/** The same calendar day `years` later (29 February + 1 year → 1 March). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * Why a village may not declare for a title of `level` today, or null: a title revoked less than
 * two years ago bars it; it holds one title per level; and where the campaign requires it
 * (`requireLowerTitle`) it must hold the title of the level below first.
 *
 * @example
 * declarationProblem({ level: 'county', requireLowerTitle: false, today: '2026-03-01',
 *   titles: [{ level: 'county', status: 'revoked', recheckedOn: '2024-03-02' }] })?.code
 * // → 'REVOKED_RECENTLY'
 */
export function declarationProblem(input: {
  readonly level: TitleLevel;
  readonly requireLowerTitle: boolean;
  readonly titles: readonly HeldTitle[];
  readonly today: string;
}): DeclarationProblem | null {
  const bar = input.titles.find(
    (t) =>
      t.status === 'revoked' &&
      t.recheckedOn &&
      addYears(t.recheckedOn, revocationBarYears) > input.today,
  );
  if (bar?.recheckedOn) {
    const until = addYears(bar.recheckedOn, revocationBarYears);
    return {
      code: 'REVOKED_RECENTLY',
      message: {
        zh: `该村称号于${bar.recheckedOn}被撤销，${until}前不得再次申报`,
        en: `The village's title was revoked on ${bar.recheckedOn}; it may not declare before ${until}`,
      },
    };
  }
  if (input.titles.some((t) => t.status === 'active' && t.level === input.level)) {
    return {
      code: 'ALREADY_NAMED',
      message: {
        zh: '该村已获得同级称号，不再重复命名',
        en: 'The village already holds a title of this level',
      },
    };
  }
  const lower = lowerTitleLevel(input.level);
  if (
    input.requireLowerTitle &&
    lower &&
    !input.titles.some((t) => t.status === 'active' && t.level === lower)
  ) {
    return {
      code: 'LOWER_TITLE_REQUIRED',
      message: {
        zh: `申报本级称号须先获得${titleLevelName(lower).zh}称号`,
        en: `A ${titleLevelName(lower).en} title is required first`,
      },
    };
  }
  return null;
}
