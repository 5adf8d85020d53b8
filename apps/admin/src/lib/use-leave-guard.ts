// Asks before leaving a page with unsaved edits: an in-app navigation (menu, link, Back) waits
// for a confirmation; a reload or closing the tab gets the browser's own prompt. Going to the
// login page (signing out, an expired session) is never held: the local draft keeps the edits.
import { useEffect } from 'react';
import { App } from 'antd';
import { useBlocker } from 'react-router';
import { useLang } from '../i18n';

export function useLeaveGuard(dirty: boolean) {
  const { t } = useLang();
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      nextLocation.pathname !== '/login' &&
      currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const dialog = modal.confirm({
      title: t('sheet.leaveTitle'),
      content: t('sheet.leaveHint'),
      okText: t('sheet.leave'),
      okButtonProps: { danger: true, 'data-testid': 'leave-confirm' } as never,
      cancelText: t('sheet.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
    return () => dialog.destroy();
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older browsers need a value
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
