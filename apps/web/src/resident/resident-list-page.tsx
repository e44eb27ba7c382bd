import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../api/error-text.js';
import type { useLoaded } from '../api/use-loaded.js';
import '../features/my-requests/my-requests.css';

/** One row of a resident list: where it leads, its title, a status chip and a line of small facts. */
export interface ResidentListRow {
  id: string;
  to: string;
  title: string;
  status: { tone: 'working' | 'done' | 'ended'; label: string };
  meta: ReactNode[];
}

/**
 * A resident phone page that lists things and links to each (my elections, my reviews): the back bar, loading,
 * the error, the empty state and the rows, the same everywhere so a resident learns them once.
 */
export function ResidentListPage<T>(props: { className: string; title: string; empty: string; list: Pick<ReturnType<typeof useLoaded<{ items: T[] }>>, 'data' | 'loading' | 'error'>; row: (item: T) => ResidentListRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { list } = props;
  const rows = (list.data?.items ?? []).map(props.row);
  return (
    <div className={`resident-page ${props.className}`}>
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {props.title}
      </NavBar>
      {list.loading && !list.data && (
        <div className="gz-page-loading" role="status">
          {t('states.loading')}
        </div>
      )}
      {list.error ? (
        <div className="gz-notice gz-notice-error" role="alert">
          {errorText(list.error)}
        </div>
      ) : null}
      {list.data && rows.length === 0 && (
        <section className="resident-card" role="status">
          <p>{props.empty}</p>
        </section>
      )}
      {rows.length > 0 && (
        <ul className="gz-requests" aria-label={props.title}>
          {rows.map((r) => (
            <li key={r.id}>
              <Link to={r.to} className="gz-request-row">
                <span className="gz-request-title">{r.title}</span>
                <span className={`gz-status gz-status-${r.status.tone}`}>{r.status.label}</span>
                <span className="gz-request-meta">
                  {r.meta.map((m, i) => (
                    <span key={i}>{m}</span>
                  ))}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
