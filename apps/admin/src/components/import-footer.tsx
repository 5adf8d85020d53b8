// The footer of an upload-and-import dialog: cancel and start while choosing or uploading, then
// “import another file” and close once the outcome is shown.
import { Button } from 'antd';
import { useLang } from '../i18n';

export function ImportFooter({
  finished,
  busy,
  canStart,
  startLabel,
  onStart,
  onAgain,
  onClose,
}: {
  finished: boolean;
  busy: boolean;
  canStart: boolean;
  startLabel: string;
  onStart(): void;
  onAgain(): void;
  onClose(): void;
}) {
  const { t } = useLang();
  return finished ? (
    <>
      <Button onClick={onAgain}>{t('divisions.importAnother')}</Button>
      <Button type="primary" onClick={onClose}>
        {t('app.close')}
      </Button>
    </>
  ) : (
    <>
      <Button onClick={onClose} disabled={busy}>
        {t('app.cancel')}
      </Button>
      <Button type="primary" disabled={!canStart} loading={busy} onClick={onStart}>
        {startLabel}
      </Button>
    </>
  );
}
