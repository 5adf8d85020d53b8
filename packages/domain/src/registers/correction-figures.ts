import type { LocalizedText } from '../localized-text.js';

/**
 * A township's monthly figures of community correction (社区矫正) and of the help given to released
 * persons (安置帮教): counts only, never a person — the case files stay in the national system.
 */
export interface CorrectionFigures {
  /** 在册社区矫正对象: people under community correction at the month's end. */
  readonly underCorrection: number;
  /** 新接收: people newly received for community correction in the month. */
  readonly newlyReceived: number;
  /** 刑满释放人员: released persons on the township's 安置帮教 roll at the month's end. */
  readonly released: number;
  /** 已安置帮教: of those, the persons helped or placed. */
  readonly helped: number;
  /** 建档: files opened in the month for the people newly received. */
  readonly filesOpened: number;
}

/** The figures in the order the forms print them. */
export const correctionFigureKeys = [
  'underCorrection',
  'newlyReceived',
  'released',
  'helped',
  'filesOpened',
] as const satisfies readonly (keyof CorrectionFigures)[];

/**
 * Which figures are counts at the month's end (a period shows its last month's) and which are
 * counts of the month (a period adds its months up).
 */
export const correctionFigureKinds: Readonly<Record<keyof CorrectionFigures, 'stock' | 'flow'>> = {
  underCorrection: 'stock',
  newlyReceived: 'flow',
  released: 'stock',
  helped: 'stock',
  filesOpened: 'flow',
};

/** The names shown for every figure. */
export const correctionFigureLabels: Readonly<Record<keyof CorrectionFigures, LocalizedText>> = {
  underCorrection: { zh: '在册社区矫正对象', en: 'Under community correction' },
  newlyReceived: { zh: '本月新接收', en: 'Newly received' },
  released: { zh: '在册刑满释放人员', en: 'Released persons on the roll' },
  helped: { zh: '已安置帮教', en: 'Helped or placed' },
  filesOpened: { zh: '本月建档', en: 'Files opened' },
};

/** 安置帮教率 and 建档率; null without a denominator (shown as “—”), never 0% or 100%. */
export interface CorrectionRates {
  readonly placementRate: number | null;
  readonly filingRate: number | null;
}

/**
 * 安置帮教率 (helped ÷ released persons on the roll) and 建档率 (files opened ÷ newly received).
 * County practice, not a Ministry definition checked word for word.
 *
 * @example
 * correctionRates({ underCorrection: 9, newlyReceived: 2, released: 10, helped: 9, filesOpened: 2 })
 * // { placementRate: 0.9, filingRate: 1 }
 */
export function correctionRates(figures: CorrectionFigures): CorrectionRates {
  return {
    placementRate: figures.released === 0 ? null : figures.helped / figures.released,
    filingRate: figures.newlyReceived === 0 ? null : figures.filesOpened / figures.newlyReceived,
  };
}
