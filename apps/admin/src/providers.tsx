// Query client, antd theme and locale (following the UI language), and antd's App context for
// message / notification / modal (components/feedback.tsx).
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useLang } from './i18n';
import { queryClient } from './trpc';
import { Feedback } from './components/feedback';

// who asked the system for less motion gets none: antd's transitions and click waves are off
// (on a slow phone they also cost a repaint of the page per frame)
const reducedMotion =
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const theme = {
  token: { colorPrimary: '#b71c1c', colorLink: '#b71c1c', borderRadius: 6, motion: !reducedMotion },
};

export function Providers({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
        <Feedback>{children}</Feedback>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
