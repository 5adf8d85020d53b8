import type { ReactNode } from 'react';
import { Flex } from 'antd';

/**
 * A page that says something went wrong (404, 403, a failed route): a big code, a title, a hint
 * and an action. Plain markup instead of antd's Result, whose illustrations would weigh on the
 * first screen of every page.
 */
export function StatusPage({
  code,
  title,
  hint,
  action,
}: {
  code: string;
  title: string;
  hint?: string;
  action: ReactNode;
}) {
  return (
    <Flex vertical align="center" gap={8} style={{ padding: '48px 16px', textAlign: 'center' }}>
      <div aria-hidden style={{ fontSize: 64, fontWeight: 700, color: '#d9d9d9', lineHeight: 1 }}>
        {code}
      </div>
      {/* plain headings: antd's Typography stays off the login page's chunks */}
      <h4 style={{ margin: 0, fontSize: 20, fontWeight: 600 }}>{title}</h4>
      {hint ? <span style={{ color: 'rgba(0, 0, 0, 0.45)' }}>{hint}</span> : null}
      <div style={{ marginTop: 16 }}>{action}</div>
    </Flex>
  );
}
