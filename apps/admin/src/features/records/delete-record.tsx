// The delete button of a village record: it asks first; a refusal (a record of a period whose
// self-assessment has been submitted, a stale version) is shown by the caller in the API's words.
import { Button, Popconfirm } from 'antd';
import { useLang } from '../../i18n';

/** Deletes a record after a confirmation; a refusal (a submitted period…) shows the API's words. */
export function DeleteRecordButton({
  onDelete,
  pending,
  testId,
}: {
  onDelete: () => void;
  pending: boolean;
  testId: string;
}) {
  const { t } = useLang();
  return (
    <Popconfirm
      title={t('records.manage.removeConfirm')}
      okText={t('records.manage.remove')}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-remove' } as never}
      onConfirm={onDelete}
    >
      <Button type="link" size="small" danger loading={pending} data-testid={testId}>
        {t('records.manage.remove')}
      </Button>
    </Popconfirm>
  );
}
