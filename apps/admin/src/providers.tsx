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

const theme = { token: { colorPrimary: '#b71c1c', colorLink: '#b71c1c', borderRadius: 6 } };

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
