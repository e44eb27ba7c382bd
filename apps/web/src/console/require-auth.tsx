import { Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../features/session/session-context.js';

/** Everything behind it needs a logged-in account; otherwise go to the login page and come back after. */
export function RequireAuth() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <div style={{ padding: 64, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (status === 'anonymous') {
    return <Navigate to="/console/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}
