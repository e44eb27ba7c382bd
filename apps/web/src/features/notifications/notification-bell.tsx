import { useState } from 'react';
import { App, Badge, Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { followLink } from './notification-link.js';
import { notificationsApi, type NotificationView } from './notifications-api.js';
import { useUnreadCount } from './use-unread-count.js';

const PAGE = 20;

/** The console header's bell: my unread count, and a drawer of my messages to read, mark and follow. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);

  const load = async (offset: number) => {
    setLoading(true);
    try {
      const r = await notificationsApi.list(offset, PAGE);
      setItems((prev) => (offset === 0 || !prev ? r.items : [...prev, ...r.items]));
      setTotal(r.total);
      unread.setCount(r.unread);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setLoading(false);
    }
  };

  const show = () => {
    setOpen(true);
    void load(0);
  };

  const markLocal = (id: string | null) => {
    const now = new Date().toISOString();
    setItems((prev) => prev?.map((n) => (id === null || n.id === id ? { ...n, readAt: n.readAt ?? now } : n)) ?? null);
  };

  const markRead = async (n: NotificationView) => {
    if (n.readAt) return;
    markLocal(n.id);
    unread.setCount(Math.max(0, unread.count - 1));
    await notificationsApi.read(n.id).catch(() => undefined);
  };

  const openItem = async (n: NotificationView) => {
    await markRead(n);
    if (n.link) {
      setOpen(false);
      followLink(n.link, navigate);
    }
  };

  const readAll = async () => {
    try {
      await notificationsApi.readAll();
      markLocal(null);
      unread.setCount(0);
      message.success(t('notifications.allRead'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const label = unread.count > 0 ? t('notifications.bellUnread', { count: unread.count }) : t('notifications.bell');
  return (
    <>
      <Badge count={unread.count} size="small" overflowCount={99}>
        <Button icon={<BellOutlined />} aria-label={label} title={label} onClick={show} />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notifications.drawerTitle')}
        size={420}
        destroyOnHidden
        extra={
          <Button size="small" disabled={unread.count === 0} onClick={() => void readAll()}>
            {t('notifications.readAll')}
          </Button>
        }
      >
        {items !== null && items.length === 0 && <Empty description={t('notifications.empty')} />}
        {items !== null && items.length > 0 && (
          <List
            dataSource={items}
            loadMore={
              items.length < total ? (
                <Button block loading={loading} onClick={() => void load(items.length)} style={{ marginTop: 12 }}>
                  {t('notifications.loadMore')}
                </Button>
              ) : null
            }
            renderItem={(n) => (
              <List.Item
                actions={[
                  n.link ? (
                    <Button key="open" type="link" size="small" onClick={() => void openItem(n)}>
                      {t('notifications.open')}
                    </Button>
                  ) : null,
                  !n.readAt ? (
                    <Button key="read" type="link" size="small" onClick={() => void markRead(n)}>
                      {t('notifications.markRead')}
                    </Button>
                  ) : null,
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <Space size={6}>
                      {!n.readAt && <Badge status="processing" text={<span className="gz-visually-hidden">{t('notifications.unread')}</span>} />}
                      <Typography.Text strong={!n.readAt}>{n.subject}</Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <div>{n.body}</div>
                      <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
        {items === null && loading && <Typography.Text type="secondary">{t('states.loading')}</Typography.Text>}
      </Drawer>
    </>
  );
}
