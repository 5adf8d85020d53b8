// What an audit event changed, as the API words it: one line per field, "字段：旧值 → 新值"
// (a created thing shows its values, a deleted one its former values). Long lists fold.
import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { useLang } from '../../i18n';

import { changeLine, type Change } from './change-line';

/** Lines shown before "全部 N 项". */
const folded = 4;

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
