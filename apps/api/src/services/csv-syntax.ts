// What a user reads when a CSV file cannot be read as CSV: csv-parse's own messages are English
// and technical ("Quote Not Closed: the parsing is finished with an opening quote at line 3"),
// so every import maps the parser's error code to plain Chinese here, in one place.
import type { LocalizedText } from '@fazhi/domain';

const byCode: Record<string, LocalizedText> = {
  CSV_QUOTE_NOT_CLOSED: {
    zh: '引号没有成对：有一个双引号（"）开始的内容没有结束',
    en: 'A quote is not closed: a field opened with a double quote (") never ends',
  },
  CSV_INVALID_CLOSING_QUOTE: {
    zh: '双引号（"）的位置不对：内容中的双引号应写成两个（""）',
    en: 'A double quote (") is out of place: a quote inside a field is written twice ("")',
  },
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: {
    zh: '双引号（"）结束后紧跟了其他文字：内容中的双引号应写成两个（""）',
    en: 'Text follows a closing double quote ("): a quote inside a field is written twice ("")',
  },
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: {
    zh: '这一行的列数与表头不一致',
    en: 'This line has a different number of columns than the header',
  },
  CSV_RECORD_INCONSISTENT_COLUMNS: {
    zh: '这一行的列数与表头不一致',
    en: 'This line has a different number of columns than the header',
  },
  CSV_MAX_RECORD_SIZE: {
    zh: '这一行过长，请检查文件是否为CSV文本',
    en: 'This line is too long: is the file CSV text?',
  },
};

const fallback: LocalizedText = {
  zh: 'CSV格式有误，请用Excel另存为“CSV（逗号分隔）”后重试',
  en: 'The CSV is malformed: save it again from Excel as “CSV (Comma delimited)”',
};

/**
 * The plain-words reason why a CSV cannot be read, from csv-parse's error (its `code`), with the
 * line number when given; never the parser's English text.
 */
export function csvSyntaxText(error: unknown, line?: number): LocalizedText {
  const code = (error as { code?: unknown } | null)?.code;
  const text = (typeof code === 'string' && byCode[code]) || fallback;
  if (line === undefined)
    return { zh: `CSV格式错误：${text.zh}`, en: `CSV syntax error: ${text.en}` };
  return {
    zh: `CSV格式错误（第${line}行）：${text.zh}`,
    en: `CSV syntax error (line ${line}): ${text.en}`,
  };
}
