// The UI language: Chinese by default, English when chosen; the choice is kept in localStorage.

export type Lang = 'zh' | 'en';

export const LANG_STORAGE_KEY = 'fazhi.lang';

/** Reads the remembered language; anything but `en` means Chinese. */
export function storedLang(storage: Pick<Storage, 'getItem'> | undefined): Lang {
  try {
    return storage?.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** The `lang` attribute of the document for a UI language. */
export function htmlLang(lang: Lang): string {
  return lang === 'en' ? 'en' : 'zh-CN';
}
