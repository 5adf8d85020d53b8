import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, theme } from 'antd';
import { PlainCard } from '../../components/plain-card';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useLang } from '../../i18n';
import { applyFieldErrors, formFieldErrors } from '../../lib/errors';
import { useErrorText } from '../../components/use-error-text';
import { queryClient, trpc } from '../../trpc';
import { LanguageSwitch } from './language-switch';

interface LoginValues {
  username: string;
  password: string;
}

const loginFields = ['username', 'password'];

interface LoginState {
  from?: string;
  expired?: boolean;
}

export function LoginPage() {
  const { t, lang } = useLang();
  const [form] = Form.useForm<LoginValues>();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  // no data of a previous session survives on the login page (the signed-in pages have
  // unmounted by now, so nothing fetches it again)
  useEffect(() => {
    queryClient.clear();
  }, []);
  const [failure, setFailure] = useState<unknown>(null);
  const errorText = useErrorText();
  const login = useMutation(trpc.auth.login.mutationOptions());

  const fallbacks = { network: t('errors.network'), unknown: t('errors.unknown') };
  // Kept as the error object, so that it follows a language switch. Errors that belong to a
  // field are shown on the field instead.
  const failureText =
    failure === null || formFieldErrors(failure, lang, loginFields).fields.length > 0
      ? null
      : errorText(failure);

  const onFinish = (values: LoginValues) => {
    setFailure(null);
    login.mutate(values, {
      onSuccess: ({ user }) => {
        // a new session: nothing cached for a previous user may show
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        const target = state.from && !state.from.startsWith('/login') ? state.from : '/';
        void navigate(target, { replace: true });
      },
      onError: (error) => {
        setFailure(error);
        applyFieldErrors(form, error, lang, fallbacks, loginFields);
      },
    });
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: 'linear-gradient(160deg, #fff5f5 0%, #f5f7fa 60%)',
      }}
    >
      <PlainCard style={{ width: 380, maxWidth: '100%' }}>
        <Flex vertical gap={4} align="center" style={{ marginBottom: 24 }}>
          {/* plain headings: antd's Typography (editing, copying, ellipsis) is not needed here */}
          <h1
            style={{
              margin: 0,
              textAlign: 'center',
              fontSize: token.fontSizeHeading3,
              fontWeight: token.fontWeightStrong,
              color: token.colorTextHeading,
            }}
          >
            {t('app.title')}
          </h1>
          <span style={{ color: token.colorTextSecondary }}>{t('auth.loginSubtitle')}</span>
        </Flex>
        {state.expired && failure === null ? (
          <Alert
            type="info"
            showIcon
            title={t('auth.sessionExpired')}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {failureText ? (
          <Alert
            type="error"
            showIcon
            title={failureText}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        ) : null}
        <Form<LoginValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          autoComplete="on"
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {login.isPending ? t('auth.loggingIn') : t('auth.login')}
          </Button>
        </Form>
        <Flex justify="center" style={{ marginTop: 24 }}>
          <LanguageSwitch size="small" />
        </Flex>
      </PlainCard>
    </Flex>
  );
}
