// A stage deadline's light as a tag (the campaign page and the dashboard's to-do list); its own
// file, so that the dashboard does not load the campaign page's tables and date pickers.
import { Tag } from 'antd';
import type { DeadlineLight } from '@fazhi/domain';
import { useLang } from '../../i18n';

/** The colour of each deadline light. */
export const lightColors: Record<DeadlineLight, string> = {
  red: 'error',
  yellow: 'warning',
  none: 'default',
};

/** A stage deadline's light as a tag: 已逾期 / 即将到期, with its date. */
export function DeadlineTag({ light, dueOn }: { light: DeadlineLight; dueOn: string | null }) {
  const { t } = useLang();
  if (!dueOn) return null;
  return (
    <Tag color={lightColors[light]} data-testid={`deadline-${light}`}>
      {light === 'none' ? '' : `${t(`phases.lights.${light}`)} · `}
      {t('phases.dueOn', { date: dueOn })}
    </Tag>
  );
}
