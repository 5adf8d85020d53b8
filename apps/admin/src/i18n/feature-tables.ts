// The features' translation tables, each loaded (both languages at once, so that switching the
// language needs no download) with the pages that use it rather than at start: the first screen
// carries only the core table. `resources.ts` composes the same tables into the whole `zh` and
// `en`; a unit test checks that the core plus every table here is exactly that whole.
import type { Resources } from './resources';

type Table = Partial<Resources>;
export interface FeatureTable {
  zh: Table;
  en: Table;
}

export const featureTables = {
  campaigns: async (): Promise<FeatureTable> => {
    const m = await import('./campaign-resources');
    return {
      zh: {
        campaigns: m.campaignsZh,
        sheet: m.sheetZh,
        results: m.resultsZh,
        notice: m.noticeZh,
        titles: m.titlesZh,
      },
      en: {
        campaigns: m.campaignsEn,
        sheet: m.sheetEn,
        results: m.resultsEn,
        notice: m.noticeEn,
        titles: m.titlesEn,
      },
    };
  },
  phases: async (): Promise<FeatureTable> => {
    const m = await import('./campaign-phase-resources');
    return { zh: { phases: m.phasesZh }, en: { phases: m.phasesEn } };
  },
  titleLife: async (): Promise<FeatureTable> => {
    const m = await import('./title-life-resources');
    return { zh: { titleLife: m.titleLifeZh }, en: { titleLife: m.titleLifeEn } };
  },
  frameworks: async (): Promise<FeatureTable> => {
    const m = await import('./framework-resources');
    return { zh: { frameworks: m.frameworksZh }, en: { frameworks: m.frameworksEn } };
  },
  governance: async (): Promise<FeatureTable> => {
    const m = await import('./governance-resources');
    return { zh: { governance: m.governanceZh }, en: { governance: m.governanceEn } };
  },
  records: async (): Promise<FeatureTable> => {
    const m = await import('./records-resources');
    return { zh: { records: m.recordsZh }, en: { records: m.recordsEn } };
  },
  registers: async (): Promise<FeatureTable> => {
    const m = await import('./registers-resources');
    return { zh: { registers: m.registersZh }, en: { registers: m.registersEn } };
  },
  advisers: async (): Promise<FeatureTable> => {
    const m = await import('./advisers-resources');
    return {
      zh: { advisers: m.advisersZh, corrections: m.correctionsZh },
      en: { advisers: m.advisersEn, corrections: m.correctionsEn },
    };
  },
  pufa: async (): Promise<FeatureTable> => {
    const m = await import('./pufa-resources');
    return { zh: { pufa: m.pufaZh }, en: { pufa: m.pufaEn } };
  },
  township: async (): Promise<FeatureTable> => {
    const m = await import('./township-resources');
    return { zh: { township: m.townshipZh }, en: { township: m.townshipEn } };
  },
  budget: async (): Promise<FeatureTable> => {
    const m = await import('./budget-resources');
    return { zh: { budget: m.budgetZh }, en: { budget: m.budgetEn } };
  },
};

export type FeatureTableName = keyof typeof featureTables;

export const featureTableNames = Object.keys(featureTables) as FeatureTableName[];
