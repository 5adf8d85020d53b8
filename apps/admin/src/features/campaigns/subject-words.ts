// The words of a campaign's subjects for the screens' texts, from the domain: a village campaign
// says 村（社区）/ 本村 / 个村, a township assessment 乡镇（街道）/ 本乡镇 / 个乡镇, a county units'
// one 县直单位 / 本单位 / 个单位.
import {
  subjectCounter,
  subjectLevelName,
  subjectNoun,
  type LocalizedText,
  type SubjectLevel,
} from '@fazhi/domain';
import { useLang, type Lang } from '../../i18n';

/**
 * Interpolation values: `subjects` (村（社区）), `subject` (村), `counter` (个村; English plural),
 * and `Subjects`, `Subject` at the start of a heading (capitalised in English: Township).
 */
export type SubjectWords = Readonly<
  Record<'subjects' | 'subject' | 'counter' | 'Subjects' | 'Subject', string>
>;

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function subjectWords(level: SubjectLevel, lang: Lang): SubjectWords {
  const pick = (words: LocalizedText) => words[lang];
  return {
    subjects: pick(subjectLevelName(level)),
    subject: pick(subjectNoun(level)),
    counter: pick(subjectCounter(level)),
    Subjects: capital(pick(subjectLevelName(level))),
    Subject: capital(pick(subjectNoun(level))),
  };
}

/** The subject words of a campaign's level in the current language. */
export function useSubjectWords(level: SubjectLevel | undefined): SubjectWords {
  const { lang } = useLang();
  return subjectWords(level ?? 'village', lang);
}
