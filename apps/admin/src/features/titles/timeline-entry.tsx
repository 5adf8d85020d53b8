// One entry of a title's timeline: a naming, a daily check, a complaint and its answer, a
// rectification order (overdue marked) or a re-check, with the actions the caller passes.
import { Space, Tag, Typography } from 'antd';
import { useLang } from '../../i18n';
import { kindColors, type Entry } from './title-model';

export function EntryView({
  entry: e,
  actions,
  reasonName,
}: {
  entry: Entry;
  actions: React.ReactNode;
  reasonName(code: string): string;
}) {
  const { t } = useLang();
  const head = (
    <Space wrap>
      <Typography.Text strong>{e.date}</Typography.Text>
      <Tag color={kindColors[e.kind]}>{t(`titleLife.kinds.${e.kind}`)}</Tag>
    </Space>
  );
  const line = (label: string, value: React.ReactNode) => (
    <div>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {value}
    </div>
  );
  switch (e.kind) {
    case 'naming':
      return (
        <div>
          {head}
          {line(t('titles.level'), t(`campaigns.levels.${e.level as 'county'}`))}
          {e.campaignName ? line(t('titleLife.naming'), e.campaignName) : null}
          {e.awardingBody ? line(t('titleLife.awardingBody'), e.awardingBody) : null}
          {e.documentNumber ? line(t('titleLife.documentNumber'), e.documentNumber) : null}
        </div>
      );
    case 'check':
      return (
        <div>
          {head}
          <Tag color={e.result === 'satisfactory' ? 'success' : 'warning'}>
            {t(`titleLife.checkResults.${e.result}`)}
          </Tag>
          {line(t('titleLife.fields.inspector'), e.inspector)}
          {line(t('titleLife.fields.findings'), e.findings)}
        </div>
      );
    case 'complaint':
      return (
        <div>
          {head}
          <Tag>{t(`titleLife.channels.${e.channel}`)}</Tag>
          {line(t('titleLife.fields.substance'), e.substance)}
          {e.complainantName ? line(t('titleLife.fields.complainant'), e.complainantName) : null}
          {e.reply
            ? line(t('titleLife.fields.reply'), `${e.reply}（${e.repliedOn ?? ''}）`)
            : line(t('titleLife.fields.reply'), t('titleLife.notAnswered'))}
          <Space style={{ marginTop: 4 }}>{actions}</Space>
        </div>
      );
    case 'rectification':
      return (
        <div data-testid="rectification-entry">
          {head}
          {e.overdue ? (
            <Tag color="error">
              {e.completedOn ? t('titleLife.completedLate') : t('titleLife.overdue')}
            </Tag>
          ) : null}
          {line(t('titleLife.fields.rectFindings'), e.findings)}
          {line(t('titleLife.fields.deadline'), e.deadline)}
          {e.reportedOn
            ? line(t('titleLife.fields.reportedOn'), `${e.reportedOn} ${e.reportNote ?? ''}`)
            : null}
          {e.completedOn
            ? line(t('titleLife.fields.completedOn'), `${e.completedOn} ${e.completionNote ?? ''}`)
            : null}
          <Space style={{ marginTop: 4 }}>{actions}</Space>
        </div>
      );
    case 'recheck':
      return (
        <div>
          {head}
          {e.outcome ? (
            <Tag color="purple">{t(`titles.outcomes.${e.outcome}`)}</Tag>
          ) : (
            <Tag>{t('titleLife.openRecheck')}</Tag>
          )}
          {e.reasons?.length
            ? line(t('titles.reasons'), e.reasons.map(reasonName).join('；'))
            : null}
          {e.note ? line(t('titleLife.fields.note'), e.note) : null}
        </div>
      );
  }
}
