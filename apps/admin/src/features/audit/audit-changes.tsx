// What an audit event changed, as the API words it: one line per field, "字段：旧值 → 新值"
// (a created thing shows its values, a deleted one its former values). Long lists fold.
import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { useLang } from '../../i18n';
import type { AuditEvent } from '../../types';

type Change = AuditEvent['changes'][number];

/** Lines shown before "全部 N 项". */
const folded = 4;

/** One change as text in the chosen language. */
export function changeLine(change: Change, lang: 'zh' | 'en', removed: string): string {
  const text = (v: { zh: string; en: string }) => (lang === 'en' ? v.en : v.zh);
  const colon = lang === 'en' ? ': ' : '：';
  const field = text(change.field);
  if (change.before && change.after) {
    return `${field}${colon}${text(change.before)} → ${text(change.after)}`;
  }
  if (change.after) return `${field}${colon}${text(change.after)}`;
  if (change.before) return `${field}${colon}${text(change.before)}${removed}`;
  return field;
}

export function AuditChanges({ changes }: { changes: readonly Change[] }) {
  const { t, lang } = useLang();
  const [open, setOpen] = useState(false);
  if (changes.length === 0) {
    return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  }
  const shown = open ? changes : changes.slice(0, folded);
  return (
    <Flex vertical gap={2} data-testid="audit-changes">
      {shown.map((c, i) => (
        <Typography.Text key={i} style={{ overflowWrap: 'anywhere' }}>
          {changeLine(c, lang, t('audit.removedSuffix'))}
        </Typography.Text>
      ))}
      {changes.length > folded ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, alignSelf: 'flex-start' }}
          onClick={() => setOpen(!open)}
        >
          {open ? t('audit.fewer') : t('audit.all', { count: changes.length })}
        </Button>
      ) : null}
    </Flex>
  );
}
