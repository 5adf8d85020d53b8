// A card box for the first screens (login, dashboard): antd's Card brings Tabs and a Menu with
// it (about 20 KB gzip) that these pages never use.
import type { CSSProperties, ReactNode } from 'react';
import { theme } from 'antd';

export function PlainCard({
  title,
  children,
  style,
  ...rest
}: {
  title?: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  const { token } = theme.useToken();
  return (
    <div
      {...rest}
      style={{
        background: token.colorBgContainer,
        borderRadius: token.borderRadiusLG,
        boxShadow: token.boxShadowTertiary,
        ...style,
      }}
    >
      {title ? (
        <div
          style={{
            padding: `${token.paddingSM}px ${token.paddingLG}px`,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            fontWeight: token.fontWeightStrong,
            fontSize: token.fontSizeLG,
          }}
        >
          {title}
        </div>
      ) : null}
      <div style={{ padding: token.paddingLG }}>{children}</div>
    </div>
  );
}
