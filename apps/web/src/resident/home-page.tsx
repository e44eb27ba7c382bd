import { Badge, List, NavBar } from 'antd-mobile';
import { EditSOutline, FileOutline, MessageOutline, TeamOutline, UnorderedListOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../features/session/session-context.js';
import { useUnread } from '../features/notifications/unread-context.js';

/** The resident's start page; services appear here as their modules land. */
export default function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const unread = useUnread();
  const communityId = me?.roles.find((r) => r.communityId)?.communityId ?? null;
  return (
    <div className="resident-page">
      <NavBar back={null}>{t('resident.tabs.home')}</NavBar>
      <section className="resident-card">
        <h1>{me ? t('resident.home.greeting', { name: me.displayName }) : t('resident.home.guest')}</h1>
        <p>{t('resident.home.intro')}</p>
      </section>
      <List header={t('myRequests.entry.sectionTitle')} className="resident-entry-list">
        <List.Item prefix={<EditSOutline aria-hidden />} arrowIcon>
          <Link to="/m/requests/new" className="resident-entry-link">
            <span className="resident-entry-title">{t('myRequests.entry.new')}</span>
            <span className="resident-entry-hint">{t('myRequests.entry.newHint')}</span>
          </Link>
        </List.Item>
        <List.Item prefix={<UnorderedListOutline aria-hidden />} arrowIcon>
          <Link to="/m/requests" className="resident-entry-link">
            <span className="resident-entry-title">{t('myRequests.entry.mine')}</span>
            <span className="resident-entry-hint">{t('myRequests.entry.mineHint')}</span>
          </Link>
        </List.Item>
        <List.Item
          prefix={<MessageOutline aria-hidden />}
          extra={unread.count > 0 ? <Badge content={t('notifications.unreadCount', { count: unread.count })} /> : undefined}
          arrowIcon
        >
          <Link to="/m/messages" className="resident-entry-link">
            <span className="resident-entry-title">{t('myRequests.entry.messages')}</span>
            <span className="resident-entry-hint">{t('myRequests.entry.messagesHint')}</span>
          </Link>
        </List.Item>
      </List>
      <List header={t('topics.resident.entryTitle')} className="resident-entry-list">
        <List.Item prefix={<TeamOutline aria-hidden />} arrowIcon>
          <Link to="/m/topics" className="resident-entry-link">
            <span className="resident-entry-title">{t('topics.resident.entry')}</span>
            <span className="resident-entry-hint">{t('topics.resident.entryHint')}</span>
          </Link>
        </List.Item>
      </List>
      <List header={t('myCovenant.entry.title')} className="resident-entry-list">
        <List.Item prefix={<FileOutline aria-hidden />} arrowIcon>
          <Link to="/m/covenants" className="resident-entry-link">
            <span className="resident-entry-title">{t('myCovenant.entry.title')}</span>
            <span className="resident-entry-hint">{t('myCovenant.entry.hint')}</span>
          </Link>
        </List.Item>
      </List>
      <List header={t('disclosure.resident.title')} className="resident-entry-list">
        <List.Item prefix={<FileOutline aria-hidden />} arrowIcon>
          <Link to="/m/publications" className="resident-entry-link">
            <span className="resident-entry-title">{t('disclosure.resident.title')}</span>
            <span className="resident-entry-hint">{t('disclosure.resident.entryHint')}</span>
          </Link>
        </List.Item>
        {/* The ledger and the fee boards are the portal's public pages of the resident's own community. */}
        {communityId && (
          <>
            <List.Item prefix={<FileOutline aria-hidden />} arrowIcon>
              <a href={`/communities/${encodeURIComponent(communityId)}/ledger`} className="resident-entry-link">
                <span className="resident-entry-title">{t('resident.home.ledger')}</span>
                <span className="resident-entry-hint">{t('resident.home.ledgerHint')}</span>
              </a>
            </List.Item>
            <List.Item prefix={<FileOutline aria-hidden />} arrowIcon>
              <a href={`/communities/${encodeURIComponent(communityId)}/fee-boards`} className="resident-entry-link">
                <span className="resident-entry-title">{t('resident.home.feeBoards')}</span>
                <span className="resident-entry-hint">{t('resident.home.feeBoardsHint')}</span>
              </a>
            </List.Item>
          </>
        )}
      </List>
      <List header={t('elections.my.listTitle')} className="resident-entry-list">
        <List.Item prefix={<EditSOutline aria-hidden />} arrowIcon>
          <Link to="/m/elections" className="resident-entry-link">
            <span className="resident-entry-title">{t('elections.my.listTitle')}</span>
            <span className="resident-entry-hint">{t('elections.my.entryHint')}</span>
          </Link>
        </List.Item>
      </List>
      <List header={t('reviews.my.entryTitle')} className="resident-entry-list">
        <List.Item prefix={<EditSOutline aria-hidden />} arrowIcon>
          <Link to="/m/reviews" className="resident-entry-link">
            <span className="resident-entry-title">{t('reviews.my.entry')}</span>
            <span className="resident-entry-hint">{t('reviews.my.entryHint')}</span>
          </Link>
        </List.Item>
      </List>
      <List header={t('resident.home.registerTitle')} className="resident-entry-list">
        {/* The whole row is one real link, so a large finger and a screen reader both find it. */}
        <List.Item prefix={<TeamOutline aria-hidden />} arrowIcon>
          <Link to="/m/household" className="resident-entry-link">
            <span className="resident-entry-title">{t('resident.home.myHousehold')}</span>
            <span className="resident-entry-hint">{t('resident.home.myHouseholdHint')}</span>
          </Link>
        </List.Item>
        <List.Item prefix={<FileOutline aria-hidden />} arrowIcon>
          <Link to="/m/my-data" className="resident-entry-link">
            <span className="resident-entry-title">{t('resident.home.myData')}</span>
            <span className="resident-entry-hint">{t('resident.home.myDataHint')}</span>
          </Link>
        </List.Item>
      </List>
      <section className="resident-card">
        <h2>{t('resident.home.comingTitle')}</h2>
        <p>{t('resident.home.coming')}</p>
      </section>
    </div>
  );
}
