import { useState } from 'react';
import { Button, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { InlineNotice, useFeedback } from '../../resident/feedback.js';
import { GrowingListState, useGrowingList } from '../my-requests/use-growing-list.js';
import { followLink } from './notification-link.js';
import { notificationsApi, type NotificationView } from './notifications-api.js';
import { useUnread } from './unread-context.js';
import './notifications.css';

/** 消息: my messages, newest first; tapping one marks it read and opens what it is about. */
export default function MessagesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const unread = useUnread();
  const [busy, setBusy] = useState(false);
  const list = useGrowingList(async (offset) => {
    const r = await notificationsApi.list(offset);
    unread.setCount(r.unread);
    return r;
  });

  const markLocal = (id: string | null) => {
    const now = new Date().toISOString();
    list.setItems((prev) => prev?.map((n) => (id === null || n.id === id ? { ...n, readAt: n.readAt ?? now } : n)) ?? null);
  };

  const open = async (n: NotificationView) => {
    if (!n.readAt) {
      markLocal(n.id);
      unread.setCount(Math.max(0, unread.count - 1));
      await notificationsApi.read(n.id).catch(() => undefined);
    }
    followLink(n.link, navigate);
  };

  const readAll = async () => {
    setBusy(true);
    try {
      await notificationsApi.readAll();
      markLocal(null);
      unread.setCount(0);
      feedback.show('success', t('notifications.allRead'));
    } catch (e) {
      feedback.show('error', errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="resident-page">
      <NavBar back={null}>{t('notifications.title')}</NavBar>
      <InlineNotice notice={feedback.notice} />
      <GrowingListState
        items={list.items}
        error={list.error}
        empty={
          <section className="resident-card" role="status">
            <h2>{t('notifications.empty')}</h2>
            <p>{t('notifications.emptyHint')}</p>
          </section>
        }
      />
      {list.items !== null && list.items.length > 0 && (
        <>
          <div className="gz-messages-bar">
            <span>{unread.count > 0 ? t('notifications.unreadCount', { count: unread.count }) : ''}</span>
            <Button size="small" fill="outline" loading={busy} disabled={unread.count === 0} onClick={() => void readAll()}>
              {t('notifications.readAll')}
            </Button>
          </div>
          <ul className="gz-messages" aria-label={t('notifications.title')}>
            {list.items.map((n) => (
              <li key={n.id}>
                <button type="button" className={`gz-message${n.readAt ? '' : ' gz-message-unread'}`} onClick={() => void open(n)}>
                  <span className="gz-message-head">
                    {!n.readAt && <span className="gz-message-dot">{t('notifications.unread')}</span>}
                    <span className="gz-message-subject">{n.subject}</span>
                  </span>
                  <span className="gz-message-body">{n.body}</span>
                  <span className="gz-message-time">{formatDateTime(n.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
          {list.hasMore && (
            <div className="resident-actions">
              <Button block loading={list.busy} onClick={list.more}>
                {t('notifications.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
