// A name the domain gives in both languages (a campaign's stage, a participation's state), as a
// label in the UI language: the first screens use these rather than loading the campaign pages'
// translation table for a few words.
import type { LocalizedText } from '@fazhi/domain';
import type { Lang } from '../i18n/lang';

/** @example labelIn({ zh: '申报', en: 'declaration' }, 'en') // → 'Declaration' */
export function labelIn(text: LocalizedText, lang: Lang): string {
  return lang === 'en' ? text.en.charAt(0).toUpperCase() + text.en.slice(1) : text.zh;
}
