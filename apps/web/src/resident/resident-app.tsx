import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../features/session/session-context.js';
import MyDataPage from '../features/my-data/my-data-page.js';
import MyHouseholdPage from '../features/my-data/my-household-page.js';
import MyRequestsPage from '../features/my-requests/my-requests-page.js';
import NewRequestPage from '../features/my-requests/new-request-page.js';
import RequestDetailPage from '../features/my-requests/request-detail-page.js';
import RequestSubmittedPage from '../features/my-requests/request-submitted-page.js';
import MessagesPage from '../features/notifications/messages-page.js';
import ArticlePage from '../features/my-covenant/article-page.js';
import CovenantDetailPage from '../features/my-covenant/covenant-detail-page.js';
import CovenantListPage from '../features/my-covenant/covenant-list-page.js';
import PledgePage from '../features/covenant-pledges/pledge-page.js';
import ResidentPrefsPage from '../features/notifications/resident-prefs-page.js';
import ResidentTopicsPage from '../features/topics/resident-topics-page.js';
import ResidentTopicPage from '../features/topics/resident-topic-page.js';
import ResidentNewTopicPage from '../features/topics/resident-new-topic-page.js';
import MyMeetingsPage from '../features/meetings/my-meetings-page.js';
import ResidentMeetingPage from '../features/meetings/resident-meeting-page.js';
import MyReviewsPage from '../features/my-reviews/my-reviews-page.js';
import MyReviewPage from '../features/my-reviews/my-review-page.js';
import ResidentPublicationsPage from '../features/publications/resident-publications-page.js';
import ResidentPublicationPage from '../features/publications/resident-publication-page.js';
import MyElectionsPage from '../features/my-elections/my-elections-page.js';
import MyElectionPage from '../features/my-elections/my-election-page.js';
import ChangePasswordPage from './change-password-page.js';
import ClaimPage from './claim-page.js';
import { ElderModeProvider } from './elder-mode.js';
import HomePage from './home-page.js';
import MePage from './me-page.js';
import { ResidentLayout } from './resident-layout.js';
import ResidentLoginPage from './resident-login-page.js';
import './resident.css';
import { useDocumentTitle } from '../use-document-title.js';

function ResidentNotFound() {
  const { t } = useTranslation();
  return (
    <div className="resident-page resident-card">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.description')}</p>
      <Link to="/m">{t('notFound.home')}</Link>
    </div>
  );
}

/** The resident app (Ant Design Mobile), at /m; works at 375×667 and in elder mode. */
export default function ResidentApp() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('resident.title'));
  return (
    <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN}>
      <SessionProvider>
        <ElderModeProvider>
          <div className="resident-root">
            <Routes>
              <Route path="login" element={<ResidentLoginPage />} />
              <Route path="claim" element={<ClaimPage />} />
              <Route element={<ResidentLayout />}>
                <Route index element={<HomePage />} />
                <Route path="me" element={<MePage />} />
                <Route path="password" element={<ChangePasswordPage />} />
                <Route path="household" element={<MyHouseholdPage />} />
                <Route path="my-data" element={<MyDataPage />} />
                <Route path="requests" element={<MyRequestsPage />} />
                <Route path="requests/new" element={<NewRequestPage />} />
                <Route path="requests/:id" element={<RequestDetailPage />} />
                <Route path="requests/:id/submitted" element={<RequestSubmittedPage />} />
                <Route path="messages" element={<MessagesPage />} />
                <Route path="covenants" element={<CovenantListPage />} />
                <Route path="covenants/:id" element={<CovenantDetailPage />} />
                <Route path="covenants/:id/articles/:articleId" element={<ArticlePage />} />
                <Route path="covenants/:id/pledge" element={<PledgePage />} />
                <Route path="notification-settings" element={<ResidentPrefsPage />} />
                <Route path="topics" element={<ResidentTopicsPage />} />
                <Route path="topics/new" element={<ResidentNewTopicPage />} />
                <Route path="topics/:id" element={<ResidentTopicPage />} />
                <Route path="meetings" element={<MyMeetingsPage />} />
                <Route path="meetings/:id" element={<ResidentMeetingPage />} />
                <Route path="meetings/:id/sign-in" element={<ResidentMeetingPage />} />
                <Route path="reviews" element={<MyReviewsPage />} />
                <Route path="reviews/:id" element={<MyReviewPage />} />
                <Route path="publications" element={<ResidentPublicationsPage />} />
                <Route path="publications/:id" element={<ResidentPublicationPage />} />
                <Route path="elections" element={<MyElectionsPage />} />
                <Route path="elections/:id" element={<MyElectionPage />} />
              </Route>
              <Route path="*" element={<ResidentNotFound />} />
            </Routes>
          </div>
        </ElderModeProvider>
      </SessionProvider>
    </ConfigProvider>
  );
}
