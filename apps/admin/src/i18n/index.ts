// The i18n layer: i18next with the Chinese and English tables (the core at start, each feature's
// with its pages), the language remembered in localStorage, and dayjs following the UI language.
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { coreEn, coreZh, type zh } from './resources';
import { featureTableNames, featureTables, type FeatureTableName } from './feature-tables';
import { htmlLang, LANG_STORAGE_KEY, storedLang, type Lang } from './lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zh };
  }
}

function applyLang(lang: Lang) {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = htmlLang(lang);
  document.title = lang === 'en' ? coreEn.app.title : coreZh.app.title;
}

const initial = storedLang(typeof localStorage === 'undefined' ? undefined : localStorage);

void i18next.use(initReactI18next).init({
  resources: { zh: { translation: coreZh }, en: { translation: coreEn } },
  lng: initial,
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});
applyLang(initial);

export const i18n = i18next;

const loading = new Map<FeatureTableName, Promise<void>>();

/**
 * Loads features' tables (all of them when none are named) into both languages; a page's route
 * waits for them before the page renders. Each table is fetched once.
 */
export function loadTables(names: readonly FeatureTableName[] = featureTableNames): Promise<void> {
  return Promise.all(
    names.map((name) => {
      let done = loading.get(name);
      if (!done) {
        done = featureTables[name]().then((table) => {
          i18next.addResourceBundle('zh', 'translation', table.zh, true, true);
          i18next.addResourceBundle('en', 'translation', table.en, true, true);
        });
        // a failed download may be tried again on the next navigation
        done.catch(() => loading.delete(name));
        loading.set(name, done);
      }
      return done;
    }),
  ).then(() => undefined);
}

/** The current UI language. */
export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'zh';
}

/** Switches the UI language and remembers the choice. */
export async function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyLang(lang);
  await i18next.changeLanguage(lang);
}

/** `t` plus the current language, re-rendering when it changes. */
export function useLang() {
  const { t, i18n: instance } = useTranslation();
  const lang: Lang = instance.language === 'en' ? 'en' : 'zh';
  return { t, lang };
}

export type { Lang };
