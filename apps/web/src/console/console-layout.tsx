import { Suspense, useState, type ReactNode } from 'react';
import { App, Button, Layout, Menu, Space, Spin } from 'antd';
import {
  AccountBookOutlined,
  AuditOutlined,
  ApartmentOutlined,
  ApiOutlined,
  BankOutlined,
  BarChartOutlined,
  BulbOutlined,
  CarryOutOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  FileExcelOutlined,
  FlagOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  LogoutOutlined,
  MenuOutlined,
  PhoneOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  SettingOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  UserOutlined,
  NotificationOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../features/session/session-context.js';
import { ConsoleUserMenu } from '../features/notifications/console-user-menu.js';
import { NotificationBell } from '../features/notifications/notification-bell.js';
import { LanguageSwitch } from './language-switch.js';
import { allowedModules, type ConsoleModule } from './module-access.js';
import { OnBehalfBanner } from './on-behalf-banner.js';

const icons: Record<ConsoleModule, ReactNode> = {
  requests: <CustomerServiceOutlined />,
  callbacks: <PhoneOutlined />,
  proactive: <BulbOutlined />,
  analysis: <BarChartOutlined />,
  visits: <CarryOutOutlined />,
  meetings: <TeamOutlined />,
  integrations: <ApiOutlined />,
  requestSettings: <SettingOutlined />,
  places: <ApartmentOutlined />,
  residents: <IdcardOutlined />,
  households: <HomeOutlined />,
  organisations: <BankOutlined />,
  partyMembers: <FlagOutlined />,
  transfer: <FileExcelOutlined />,
  corrections: <FormOutlined />,
  users: <UserOutlined />,
  audit: <AuditOutlined />,
  covenant: <ReadOutlined />,
  ledger: <AccountBookOutlined />,
  elections: <FlagOutlined />,
  topics: <CommentOutlined />,
  disclosure: <ProfileOutlined />,
  publications: <NotificationOutlined />,
  feeBoards: <ReconciliationOutlined />,
  deliberationMeetings: <SolutionOutlined />,
  reviews: <StarOutlined />,
};

/** Sidebar with the modules the user's roles open, a header with name, language and logout. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const modules = allowedModules(me);
  const selected = modules.find((m) => pathname.startsWith(m.path))?.key;
  // On a narrow screen the sidebar folds away behind a real menu button in the header.
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const doLogout = async () => {
    await logout();
    message.info(t('console.header.loggedOut'));
    navigate('/console/login', { replace: true });
  };

  return (
    <Layout className="console-layout">
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        width={208}
        theme="dark"
        collapsible
        collapsed={collapsed}
        trigger={null}
        onKeyDown={(e) => narrow && e.key === 'Escape' && setCollapsed(true)}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
      >
        <Link to="/console" className="console-brand">
          {t('console.title')}
        </Link>
        <nav aria-label={t('console.menu.label')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            onClick={() => narrow && setCollapsed(true)}
            items={modules.map((m) => ({ key: m.key, icon: icons[m.key], label: <Link to={m.path}>{t(`console.menu.${m.key}`)}</Link> }))}
          />
        </nav>
      </Layout.Sider>
      {narrow && !collapsed && <div className="console-mask" aria-hidden onClick={() => setCollapsed(true)} />}
      <Layout>
        <Layout.Header className="console-header">
          {narrow ? (
            <Button
              icon={<MenuOutlined />}
              aria-label={t('console.menu.label')}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed((c) => !c)}
            />
          ) : (
            <span />
          )}
          <Space size="middle" wrap>
            <NotificationBell />
            <ConsoleUserMenu name={me?.displayName ?? ''} />
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={doLogout}>
              {t('console.header.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <OnBehalfBanner />
        <Layout.Content className="console-content">
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
