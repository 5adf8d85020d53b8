// A 红黄绿灯 tag; an escalated red item says how many days it is late.
import { Tag, Tooltip } from 'antd';
import type { TrafficLight } from '@fazhi/domain';
import { useLang } from '../../i18n';

const colors: Record<TrafficLight, string> = { green: 'success', yellow: 'warning', red: 'error' };

export function LightTag({
  light,
  redDays,
  escalated,
}: {
  light: TrafficLight | null;
  redDays: number;
  escalated: boolean;
}) {
  const { t } = useLang();
  if (!light) return <span>{t('app.none')}</span>;
  const tag = (
    <Tag color={colors[light]} data-testid={`light-${light}`}>
      {t(`township.lights.${light}`)}
      {escalated ? ' ↑' : ''}
    </Tag>
  );
  return escalated ? (
    <Tooltip title={t('township.escalated', { days: redDays })}>{tag}</Tooltip>
  ) : (
    tag
  );
}
