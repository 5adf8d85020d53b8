// 台账取数期间: the period of village records a campaign's score sheet is derived from. Left
// empty, the domain's rule applies (`campaignRecordPeriod`: the four whole quarters before the
// self-assessment starts, else the campaign's year); the county may set its own.
import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLang } from '../../i18n';

export type RecordPeriodValue = [Dayjs, Dayjs] | null | undefined;

/** The form's value of a stored period. */
export function recordPeriodValue(period: { from: string; to: string } | null): RecordPeriodValue {
  return period ? [dayjs(period.from), dayjs(period.to)] : null;
}

/** What the API takes for the form's value (null: the rule applies). */
export function recordPeriodInput(value: RecordPeriodValue): { from: string; to: string } | null {
  return value ? { from: value[0].format('YYYY-MM-DD'), to: value[1].format('YYYY-MM-DD') } : null;
}

export function RecordPeriodField() {
  const { t } = useLang();
  return (
    <Form.Item
      name="recordPeriod"
      label={t('campaigns.recordPeriod')}
      extra={t('campaigns.recordPeriodHint')}
    >
      <DatePicker.RangePicker allowClear style={{ width: '100%' }} />
    </Form.Item>
  );
}
