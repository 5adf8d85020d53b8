// Text, paragraphs and titles for the first screens (the signed-in frame, the dashboard), in
// antd's design tokens: antd's Typography brings its editing and copying with it (a text area and
// the form library, about 20 KB gzip) that these pages never use.
import type { CSSProperties, ReactNode } from 'react';
import { theme } from 'antd';

interface TextProps {
  children: ReactNode;
  strong?: boolean;
  type?: 'secondary';
  /** One line, cut with an ellipsis. */
  ellipsis?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

function useTextStyle({ strong, type, ellipsis }: TextProps): CSSProperties {
  const { token } = theme.useToken();
  return {
    // as antd's Typography: the text's own line height, not the container's (a 64 px header)
    lineHeight: token.lineHeight,
    ...(strong ? { fontWeight: token.fontWeightStrong } : {}),
    ...(type === 'secondary' ? { color: token.colorTextSecondary } : {}),
    ...(ellipsis
      ? {
          display: 'inline-block',
          maxWidth: '100%',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          verticalAlign: 'bottom',
        }
      : {}),
  };
}

export function PlainText(props: TextProps) {
  const { children, style, strong: _s, type: _t, ellipsis: _e, ...rest } = props;
  const own = useTextStyle(props);
  return (
    <span {...rest} style={{ ...own, ...style }}>
      {children}
    </span>
  );
}

export function PlainParagraph(props: TextProps) {
  const { children, style, strong: _s, type: _t, ellipsis: _e, ...rest } = props;
  const own = useTextStyle(props);
  return (
    <div {...rest} style={{ marginBottom: '1em', ...own, ...style }}>
      {children}
    </div>
  );
}

/** A page's title (antd's level 4 heading). */
export function PlainTitle({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  const { token } = theme.useToken();
  return (
    <h4
      style={{
        marginTop: 0,
        marginBottom: '0.5em',
        color: token.colorTextHeading,
        fontWeight: token.fontWeightStrong,
        fontSize: token.fontSizeHeading4,
        lineHeight: token.lineHeightHeading4,
        ...style,
      }}
    >
      {children}
    </h4>
  );
}
