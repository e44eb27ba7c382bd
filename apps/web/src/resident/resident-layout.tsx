import { AppOutline, UserOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { NavLink, Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../features/session/session-context.js';

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
    <div className="resident-shell">
      <main className="resident-main">
        <Outlet />
      </main>
      <nav className="resident-tabs" aria-label={t('resident.tabs.label')}>
        <NavLink to="/m" end>
          <AppOutline aria-hidden />
          <span>{t('resident.tabs.home')}</span>
        </NavLink>
        <NavLink to="/m/me">
          <UserOutline aria-hidden />
          <span>{t('resident.tabs.me')}</span>
        </NavLink>
      </nav>
    </div>
  );
}
