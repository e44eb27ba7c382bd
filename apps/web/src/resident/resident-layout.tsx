import { Badge } from 'antd-mobile';
import { AppOutline, MessageOutline, UserOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { NavLink, Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../features/session/session-context.js';
import { UnreadProvider, useUnread } from '../features/notifications/unread-context.js';

/** Logged-in pages with a bottom navigation of real links. */
export function ResidentLayout() {
  const { t } = useTranslation();
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading')
    return (
      <div className="gz-page-loading" role="status">
        {t('states.loading')}
      </div>
    );
  if (status === 'anonymous') return <Navigate to="/m/login" replace state={{ from: location.pathname }} />;
  return (
    <UnreadProvider>
      <ResidentShell />
    </UnreadProvider>
  );
}

/** The pages and the tab bar; 消息 carries the unread count in words for screen readers too. */
function ResidentShell() {
  const { t } = useTranslation();
  const unread = useUnread();
  return (
    <div className="resident-shell">
      <main className="resident-main">
        <Outlet />
      </main>
      <nav className="resident-tabs" aria-label={t('resident.tabs.label')}>
        <NavLink to="/m" end>
          <AppOutline aria-hidden />
          <span>{t('resident.tabs.home')}</span>
        </NavLink>
        <NavLink to="/m/messages">
          <Badge content={unread.count > 0 ? (unread.count > 99 ? '99+' : unread.count) : null} aria-hidden>
            <MessageOutline aria-hidden />
          </Badge>
          <span>
            {t('notifications.tab')}
            {unread.count > 0 && <span className="gz-visually-hidden">{t('notifications.unreadCount', { count: unread.count })}</span>}
          </span>
        </NavLink>
        <NavLink to="/m/me">
          <UserOutline aria-hidden />
          <span>{t('resident.tabs.me')}</span>
        </NavLink>
      </nav>
    </div>
  );
}
