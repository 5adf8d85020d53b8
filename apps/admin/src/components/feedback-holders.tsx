// The dialog and notification holders of `App.useApp()`, loaded on first use (feedback.tsx).
import { useEffect } from 'react';
import { Modal, notification } from 'antd';
import type { useAppProps } from 'antd/es/app/context';

export type LateApis = Pick<useAppProps, 'modal' | 'notification'>;

export function FeedbackHolders({ onReady }: { onReady: (apis: LateApis) => void }) {
  const [modal, modalHolder] = Modal.useModal();
  const [notices, noticeHolder] = notification.useNotification();
  useEffect(() => onReady({ modal, notification: notices }), [modal, notices, onReady]);
  return (
    <>
      {modalHolder}
      {noticeHolder}
    </>
  );
}
