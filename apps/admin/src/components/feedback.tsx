// antd's App context for `App.useApp()` (message, modal, notification) and the `ant-app` root,
// without antd's App component, which would bring the dialog and notification code to every
// first screen: the message holder is there from the start (saving, errors); the dialog and
// notification holders load when a page first asks for one.
import {
  lazy,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ConfigProvider } from 'antd';
import AppContext, { type useAppProps } from 'antd/es/app/context';
import useAppStyle from 'antd/es/app/style';
import useMessage from 'antd/es/message/useMessage';
import type { LateApis } from './feedback-holders';

const FeedbackHolders = lazy(async () => ({
  default: (await import('./feedback-holders')).FeedbackHolders,
}));

type ModalApi = useAppProps['modal'];
type NotificationApi = useAppProps['notification'];
type ModalInstance = ReturnType<ModalApi['confirm']>;

/** A dialog method that opens the real dialog once the holders are there. */
function lateDialog(
  apis: () => Promise<LateApis>,
  method: keyof ModalApi,
): (config: Parameters<ModalApi['confirm']>[0]) => ModalInstance {
  return (config) => {
    // wrapped: the instance is itself a promise-like (of the button chosen)
    const opened = apis().then((api) => ({ instance: api.modal[method](config) }));
    return {
      destroy: () => void opened.then(({ instance }) => instance.destroy()),
      update: (next) => void opened.then(({ instance }) => instance.update(next)),
      then: (resolve, reject) =>
        opened
          .then(
            ({ instance }) => new Promise<boolean>((done) => void instance.then(done, () => {})),
          )
          .then(resolve, (error: unknown) => {
            reject();
            throw error;
          }),
    };
  };
}

/** A notification method that shows it once the holders are there. */
function lateNotice(
  apis: () => Promise<LateApis>,
  method: Exclude<keyof NotificationApi, 'destroy'>,
): NotificationApi[typeof method] {
  return (args) => void apis().then((api) => api.notification[method](args));
}

export function Feedback({ children }: { children: ReactNode }) {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  const prefixCls = getPrefixCls('app');
  const [hashId, cssVarCls] = useAppStyle(prefixCls);
  const [message, messageHolder] = useMessage();

  const [wanted, setWanted] = useState(false);
  const ready = useRef<{ promise: Promise<LateApis>; resolve: (apis: LateApis) => void }>(null);
  if (!ready.current) {
    let resolve!: (apis: LateApis) => void;
    const promise = new Promise<LateApis>((r) => (resolve = r));
    ready.current = { promise, resolve };
  }
  const apis = useCallback(() => {
    setWanted(true);
    return ready.current!.promise;
  }, []);
  const onReady = useCallback((late: LateApis) => ready.current!.resolve(late), []);

  const value = useMemo<useAppProps>(
    () => ({
      message,
      modal: {
        info: lateDialog(apis, 'info'),
        success: lateDialog(apis, 'success'),
        error: lateDialog(apis, 'error'),
        warning: lateDialog(apis, 'warning'),
        confirm: lateDialog(apis, 'confirm'),
      },
      notification: {
        success: lateNotice(apis, 'success'),
        error: lateNotice(apis, 'error'),
        info: lateNotice(apis, 'info'),
        warning: lateNotice(apis, 'warning'),
        open: lateNotice(apis, 'open'),
        destroy: (key) => void apis().then((api) => api.notification.destroy(key)),
      },
    }),
    [message, apis],
  );

  return (
    <AppContext.Provider value={value}>
      <div className={[prefixCls, hashId, cssVarCls].filter(Boolean).join(' ')}>
        {messageHolder}
        {wanted ? (
          <Suspense fallback={null}>
            <FeedbackHolders onReady={onReady} />
          </Suspense>
        ) : null}
        {children}
      </div>
    </AppContext.Provider>
  );
}

/** `App.useApp()` without antd's App component: for the first screens' code. */
export function useFeedback(): useAppProps {
  return useContext(AppContext);
}
