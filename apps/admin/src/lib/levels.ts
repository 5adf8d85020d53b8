import { isWithinDivision, type DivisionLevel } from '@fazhi/domain';

export type { DivisionLevel };

export const levelKeys = {
  province: 'levels.province',
  prefecture: 'levels.prefecture',
  county: 'levels.county',
  township: 'levels.township',
  village: 'levels.village',
} as const satisfies Record<DivisionLevel, string>;

/** The antd Tag colour of a level. */
export const levelColors: Record<DivisionLevel, string> = {
  province: 'magenta',
  prefecture: 'purple',
  county: 'blue',
  township: 'cyan',
  village: 'green',
};

/** Whether a division code lies inside a scope (`000000000000`: everything). */
export function withinScope(code: string, scopeCode: string): boolean {
  return scopeCode === '000000000000' || isWithinDivision(code, scopeCode);
}
