// The signed-in frame: side navigation, header with the user menu, and the page.
import { lazy, Suspense, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Flex, Layout, Menu, Spin, Tag, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  FlagOutlined,
  SafetyCertificateOutlined,
  DashboardOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  ProfileOutlined,
  TeamOutlined,
  UserOutlined,
  SolutionOutlined,
  BookOutlined,
  AlertOutlined,
  FundOutlined,
  AccountBookOutlined,
  MessageOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { setLang, useLang } from '../../i18n';
import { canManageUsers, WHOLE_DEPLOYMENT } from '../../lib/roles';
import { trpc } from '../../trpc';
import { useErrorText } from '../../components/use-error-text';
import { useFeedback } from '../../components/feedback';
import { useMe } from '../auth/me-context';
import { usePhone } from '../../lib/use-compact';
import { RequireAuth } from '../auth/require-auth';
import { TodoBadge } from './todo-badge';
import { PlainText } from '../../components/plain-text';

// the user menu's dropdown, loaded when first opened
const Dropdown = lazy(async () => ({ default: (await import('antd/es/dropdown')).default }));

// the phone's menu drawer, loaded when first opened
const Drawer = lazy(async () => ({ default: (await import('antd/es/drawer')).default }));

// loaded when first opened: its form code stays off the first screen
const ChangePasswordDialog = lazy(async () => ({
  default: (await import('../auth/change-password-dialog')).ChangePasswordDialog,
}));

export function AppLayout() {
  return (
    <RequireAuth>
      <Frame />
    </RequireAuth>
  );
}

function Frame() {
  const { t } = useLang();
  const me = useMe();
  const location = useLocation();
  const navigation = useNavigation();
  const [collapsed, setCollapsed] = useState(false);
  // on a phone the menu is a drawer, closed after each choice
  const phone = usePhone();
  const [drawer, setDrawer] = useState(false);
  // the drawer's code is loaded when it is first opened
  const [drawerLoaded, setDrawerLoaded] = useState(false);
  const openDrawer = () => {
    setDrawerLoaded(true);
    setDrawer(true);
  };

  const items: MenuProps['items'] = [
    {
      key: '/',
      icon: <DashboardOutlined />,
      label: (
        <Link to="/">
          {t('nav.dashboard')}
          <TodoBadge />
        </Link>
      ),
    },
    {
      key: '/divisions',
      icon: <ApartmentOutlined />,
      label: <Link to="/divisions">{t('nav.divisions')}</Link>,
    },
    {
      key: '/campaigns',
      icon: <FlagOutlined />,
      label: <Link to="/campaigns">{t('nav.campaigns')}</Link>,
    },
    ...(me.role === 'system_admin' || me.role === 'county_admin'
      ? [
          {
            key: '/units',
            icon: <ApartmentOutlined />,
            label: <Link to="/units">{t('units.title')}</Link>,
          },
        ]
      : []),
    {
      key: '/titles',
      icon: <SafetyCertificateOutlined />,
      label: <Link to="/titles">{t('nav.titles')}</Link>,
    },
    {
      key: '/frameworks',
      icon: <ProfileOutlined />,
      label: <Link to="/frameworks">{t('nav.frameworks')}</Link>,
    },
    {
      key: '/records',
      icon: <BookOutlined />,
      label: <Link to="/records">{t('nav.records')}</Link>,
    },
    ...(me.role === 'village_clerk'
      ? []
      : [
          {
            key: '/records/compliance',
            icon: <BookOutlined />,
            label: <Link to="/records/compliance">{t('nav.compliance')}</Link>,
          },
        ]),
    {
      key: '/registers',
      icon: <BookOutlined />,
      label: t('nav.registers'),
      children: [
        {
          key: '/registers/mediation',
          label: (
            <Link to="/registers/mediation" data-testid="nav-mediation">
              {t('nav.mediation')}
            </Link>
          ),
        },
        {
          key: '/registers/advisers',
          label: (
            <Link to="/registers/advisers" data-testid="nav-advisers">
              {t('nav.advisers')}
            </Link>
          ),
        },
        ...(me.role === 'village_clerk'
          ? []
          : [
              {
                key: '/registers/corrections',
                label: (
                  <Link to="/registers/corrections" data-testid="nav-corrections">
                    {t('nav.corrections')}
                  </Link>
                ),
              },
            ]),
        {
          key: '/registers/pufa',
          label: (
            <Link to="/registers/pufa" data-testid="nav-pufa">
              {t('nav.pufa')}
            </Link>
          ),
        },
        {
          key: '/registers/statistics',
          label: (
            <Link to="/registers/statistics" data-testid="nav-statistics">
              {t('nav.statistics')}
            </Link>
          ),
        },
        ...(me.role === 'village_clerk'
          ? []
          : [
              {
                key: '/registers/annual-report',
                label: (
                  <Link to="/registers/annual-report" data-testid="nav-annual-report">
                    {t('nav.annualReport')}
                  </Link>
                ),
              },
            ]),
      ],
    },
    ...(me.role === 'village_clerk' || me.role === 'unit_officer'
      ? []
      : [
          {
            key: '/township-board',
            icon: <DashboardOutlined />,
            label: (
              <Link to="/township-board" data-testid="nav-township-board">
                {t('nav.townshipBoard')}
              </Link>
            ),
          },
        ]),
    {
      key: '/tasks',
      icon: <AlertOutlined />,
      label: <Link to="/tasks">{t('nav.tasks')}</Link>,
    },
    ...(me.role === 'village_clerk'
      ? []
      : [
          {
            key: '/projects',
            icon: <FundOutlined />,
            label: <Link to="/projects">{t('nav.projects')}</Link>,
          },
        ]),
    // the participatory budget is kept by the township (its officer writes, the pages show the
    // officer's own township)
    ...(me.role === 'township_officer'
      ? [
          {
            key: '/projects/budget',
            icon: <AccountBookOutlined />,
            label: (
              <Link to="/projects/budget" data-testid="nav-budget">
                {t('nav.budget')}
              </Link>
            ),
          },
        ]
      : []),
    {
      key: '/comments',
      icon: <MessageOutlined />,
      label: <Link to="/comments">{t('nav.comments')}</Link>,
    },
    {
      key: '/governance',
      icon: <SolutionOutlined />,
      label: <Link to="/governance/resolution">{t('nav.resolutionCheck')}</Link>,
    },
    ...(canManageUsers(me.role)
      ? [
          {
            key: '/users',
            icon: <TeamOutlined />,
            label: <Link to="/users">{t('nav.users')}</Link>,
          },
        ]
      : []),
    { key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('nav.audit')}</Link> },
  ];
  const section = location.pathname.split('/')[1] ?? '';
  // a score sheet belongs to its campaign
  const selected =
    location.pathname === '/records/compliance' || section === 'registers'
      ? location.pathname
      : location.pathname.startsWith('/projects/budget')
        ? '/projects/budget'
        : '/' + (section === 'participations' ? 'campaigns' : section);
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      style={{ borderInlineEnd: 'none' }}
      aria-label={t('nav.main')}
      onClick={() => setDrawer(false)}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone && drawerLoaded ? (
        <Suspense fallback={null}>
          <Drawer
            placement="left"
            open={drawer}
            onClose={() => setDrawer(false)}
            size={240}
            title={t('app.shortTitle')}
            styles={{ body: { padding: 0 } }}
            className="fz-no-print"
            data-testid="nav-drawer"
          >
            {menu}
          </Drawer>
        </Suspense>
      ) : null}
      <Layout.Sider
        hidden={phone}
        className="fz-no-print"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        trigger={null}
        width={216}
        theme="light"
        style={{ borderInlineEnd: '1px solid #f0f0f0' }}
      >
        <Flex
          align="center"
          justify="center"
          style={{ height: 56, borderBottom: '1px solid #f0f0f0', padding: '0 12px' }}
        >
          <PlainText strong ellipsis style={{ color: '#b71c1c', fontSize: 16 }}>
            {collapsed ? t('app.logo') : t('app.shortTitle')}
          </PlainText>
        </Flex>
        {phone ? null : menu}
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="fz-no-print"
          style={{
            background: '#fff',
            padding: phone ? '0 8px' : '0 16px',
            height: 56,
            lineHeight: '56px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
            <Flex align="center" gap={phone ? 4 : 12} style={{ minWidth: 0, flex: 1 }}>
              <Button
                type="text"
                aria-label={t('nav.toggle')}
                icon={collapsed && !phone ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => (phone ? openDrawer() : setCollapsed(!collapsed))}
                data-testid="nav-toggle"
              />
              <PlainText
                strong
                ellipsis
                style={{ minWidth: 0, whiteSpace: 'nowrap' }}
                data-testid="app-title"
              >
                {phone ? t('app.shortTitle') : t('app.title')}
              </PlainText>
              {navigation.state === 'loading' ? <Spin size="small" /> : null}
            </Flex>
            <UserMenu compact={phone} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function UserMenu({ compact }: { compact: boolean }) {
  const { t, lang } = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const errorText = useErrorText();
  const [changing, setChanging] = useState(false);
  // the API names the whole deployment in Chinese only
  const scopeName =
    me.scopeCode === WHOLE_DEPLOYMENT
      ? t('dashboard.wholeDeployment')
      : (me.scopeName ?? me.scopeCode);
  const logout = useMutation(trpc.auth.logout.mutationOptions());

  const doLogout = () => {
    logout.mutate(undefined, {
      onSuccess: async () => {
        // the login page clears the cache once these pages have unmounted (clearing it here
        // would make the still-mounted page fetch again, without a session)
        await navigate('/login', { replace: true });
        void message.success(t('auth.loggedOut'));
      },
      onError: (error) => void message.error(errorText(error)),
    });
  };

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Flex vertical style={{ minWidth: 200, cursor: 'default' }}>
          <PlainText strong>{me.displayName}</PlainText>
          <PlainText type="secondary">
            {t(`roles.${me.role}`)} · {scopeName}
          </PlainText>
        </Flex>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
    {
      key: 'lang',
      icon: <GlobalOutlined />,
      label: `${t('lang.switch')}: ${lang === 'en' ? t('lang.zh') : t('lang.en')}`,
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
  ];

  // the dropdown's code is loaded when the menu is first opened
  const [menuLoaded, setMenuLoaded] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const button = (
    <Button
      type="text"
      style={{ height: 48 }}
      data-testid="user-menu"
      onClick={() => {
        if (menuLoaded) return;
        setMenuLoaded(true);
        setMenuOpen(true);
      }}
    >
      <Flex align="center" gap={8}>
        {/* antd's small avatar, drawn plainly (Avatar brings its group and styles) */}
        <span
          aria-hidden
          style={{
            display: 'inline-flex',
            alignItems: 'center',
            justifyContent: 'center',
            width: 24,
            height: 24,
            borderRadius: '50%',
            background: '#b71c1c',
            color: '#fff',
            fontSize: 14,
          }}
        >
          <UserOutlined />
        </span>
        <span>{me.displayName}</span>
        {compact ? null : (
          <>
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t(`roles.${me.role}`)}
            </Tag>
            <PlainText type="secondary">{scopeName}</PlainText>
          </>
        )}
      </Flex>
    </Button>
  );

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChanging(true);
    if (key === 'lang') void setLang(lang === 'en' ? 'zh' : 'en');
    if (key === 'logout') doLogout();
  };

  return (
    <>
      {menuLoaded ? (
        <Suspense fallback={button}>
          <Dropdown
            menu={{ items, onClick }}
            trigger={['click']}
            placement="bottomRight"
            open={menuOpen}
            onOpenChange={setMenuOpen}
          >
            {button}
          </Dropdown>
        </Suspense>
      ) : (
        button
      )}
      {changing ? (
        <Suspense fallback={null}>
          <ChangePasswordDialog open onClose={() => setChanging(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
