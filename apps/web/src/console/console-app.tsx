import { lazy, useEffect, type ReactNode } from 'react';
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { Role } from '@gongzhi/shared';
import { SessionProvider, useSession } from '../features/session/session-context.js';
import { ConsoleForbidden, ConsoleNotFound, NoModules } from './console-results.js';
import { ConsoleLayout } from './console-layout.js';
import LoginPage from './login-page.js';
import { allowedModules, consoleModules, hasRole, type ConsoleModule } from './module-access.js';
import { RequireAuth } from './require-auth.js';
import { useDocumentTitle } from '../use-document-title.js';
import './console.css';

const PlacesPage = lazy(() => import('../features/places/places-page.js'));
const UsersPage = lazy(() => import('../features/users/users-page.js'));
const AuditPage = lazy(() => import('../features/audit/audit-page.js'));
const ClaimSlipPage = lazy(() => import('../features/users/claim-slip-page.js'));
const ResidentsPage = lazy(() => import('../features/registers/residents-page.js'));
const ResidentPage = lazy(() => import('../features/registers/resident-page.js'));
const HouseholdsPage = lazy(() => import('../features/registers/households-page.js'));
const HouseholdPage = lazy(() => import('../features/registers/household-page.js'));
const CorrectionsPage = lazy(() => import('../features/registers/corrections-page.js'));
const OrganisationsPage = lazy(() => import('../features/organisations/organisations-page.js'));
const OrganisationPage = lazy(() => import('../features/organisations/organisation-page.js'));
const PartyMembersPage = lazy(() => import('../features/organisations/party-members-page.js'));
const TransferPage = lazy(() => import('../features/transfer/transfer-page.js'));
const RequestsPage = lazy(() => import('../features/requests/requests-page.js'));
const RequestDetailPage = lazy(() => import('../features/requests/request-detail-page.js'));
const CallbacksPage = lazy(() => import('../features/requests/callbacks-page.js'));
const ProactivePage = lazy(() => import('../features/requests/proactive-page.js'));
const RequestSettingsPage = lazy(() => import('../features/requests/request-settings-page.js'));
const AnalysisPage = lazy(() => import('../features/analysis/analysis-page.js'));
const VisitsPage = lazy(() => import('../features/visits/visits-page.js'));
const VisitFormPage = lazy(() => import('../features/visits/visit-form-page.js'));
const VisitDetailPage = lazy(() => import('../features/visits/visit-detail-page.js'));
const PlanDetailPage = lazy(() => import('../features/visits/plan-detail-page.js'));
const CoveragePage = lazy(() => import('../features/visits/coverage-page.js'));
const MeetingsPage = lazy(() => import('../features/visits/meetings-page.js'));
const MeetingDetailPage = lazy(() => import('../features/visits/meeting-detail-page.js'));
const IntegrationsPage = lazy(() => import('../features/integrations/integrations-page.js'));
const DeliberationMeetingsPage = lazy(() => import('../features/meetings/meetings-page.js'));
const DeliberationMeetingFormPage = lazy(() => import('../features/meetings/meeting-form-page.js'));
const DeliberationMeetingPage = lazy(() => import('../features/meetings/meeting-detail-page.js'));
const DeliberationMeetingQrPage = lazy(() => import('../features/meetings/meeting-qr-page.js'));
const CovenantsPage = lazy(() => import('../features/covenant/covenants-page.js'));
const CovenantDetailPage = lazy(() => import('../features/covenant/covenant-detail-page.js'));
const TopicsPage = lazy(() => import('../features/topics/topics-page.js'));
const TopicNewPage = lazy(() => import('../features/topics/topic-new-page.js'));
const TopicDetailPage = lazy(() => import('../features/topics/topic-detail-page.js'));
const DisclosureCataloguePage = lazy(() => import('../features/disclosure/catalogue-page.js'));
const PublicationsPage = lazy(() => import('../features/publications/publications-page.js'));
const PublicationFormPage = lazy(() => import('../features/publications/publication-form-page.js'));
const PublicationDetailPage = lazy(() => import('../features/publications/publication-detail-page.js'));
const LedgerPage = lazy(() => import('../features/ledger/ledger-page.js'));
const ElectionsPage = lazy(() => import('../features/elections/elections-page.js'));
const ElectionDetailPage = lazy(() => import('../features/elections/election-detail-page.js'));
const FeeBoardsPage = lazy(() => import('../features/fee-boards/fee-boards-page.js'));
const ReviewsPage = lazy(() => import('../features/reviews/reviews-page.js'));
const ReviewDetailPage = lazy(() => import('../features/reviews/review-detail-page.js'));

/** Pages behind a module: the path below /console, the module whose roles open it, and the page. */
const modulePages: { path: string; module: ConsoleModule; page: ReactNode }[] = [
  { path: 'requests', module: 'requests', page: <RequestsPage /> },
  { path: 'requests/:id', module: 'requests', page: <RequestDetailPage /> },
  { path: 'callbacks', module: 'callbacks', page: <CallbacksPage /> },
  { path: 'proactive', module: 'proactive', page: <ProactivePage /> },
  { path: 'request-settings', module: 'requestSettings', page: <RequestSettingsPage /> },
  { path: 'analysis', module: 'analysis', page: <AnalysisPage /> },
  { path: 'visits', module: 'visits', page: <VisitsPage /> },
  { path: 'visits/new', module: 'visits', page: <VisitFormPage /> },
  { path: 'visits/coverage', module: 'visits', page: <CoveragePage /> },
  { path: 'visits/plans/:id', module: 'visits', page: <PlanDetailPage /> },
  { path: 'visits/:id', module: 'visits', page: <VisitDetailPage /> },
  { path: 'meetings', module: 'meetings', page: <MeetingsPage /> },
  { path: 'meetings/:id', module: 'meetings', page: <MeetingDetailPage /> },
  { path: 'integrations', module: 'integrations', page: <IntegrationsPage /> },
  { path: 'deliberation/meetings', module: 'deliberationMeetings', page: <DeliberationMeetingsPage /> },
  { path: 'deliberation/meetings/new', module: 'deliberationMeetings', page: <DeliberationMeetingFormPage /> },
  { path: 'deliberation/meetings/:id', module: 'deliberationMeetings', page: <DeliberationMeetingPage /> },
  { path: 'deliberation/meetings/:id/qr', module: 'deliberationMeetings', page: <DeliberationMeetingQrPage /> },
  { path: 'covenants', module: 'covenant', page: <CovenantsPage /> },
  { path: 'covenants/:id', module: 'covenant', page: <CovenantDetailPage /> },
  { path: 'deliberation/topics', module: 'topics', page: <TopicsPage /> },
  { path: 'deliberation/topics/new', module: 'topics', page: <TopicNewPage /> },
  { path: 'deliberation/topics/:id', module: 'topics', page: <TopicDetailPage /> },
  { path: 'disclosure', module: 'disclosure', page: <DisclosureCataloguePage /> },
  { path: 'publications', module: 'publications', page: <PublicationsPage /> },
  { path: 'publications/new', module: 'publications', page: <PublicationFormPage /> },
  { path: 'publications/:id', module: 'publications', page: <PublicationDetailPage /> },
  { path: 'publications/:id/edit', module: 'publications', page: <PublicationFormPage /> },
  { path: 'ledger', module: 'ledger', page: <LedgerPage /> },
  { path: 'elections', module: 'elections', page: <ElectionsPage /> },
  { path: 'elections/:id', module: 'elections', page: <ElectionDetailPage /> },
  { path: 'fee-boards', module: 'feeBoards', page: <FeeBoardsPage /> },
  { path: 'reviews', module: 'reviews', page: <ReviewsPage /> },
  { path: 'reviews/:id', module: 'reviews', page: <ReviewDetailPage /> },
  { path: 'residents', module: 'residents', page: <ResidentsPage /> },
  { path: 'residents/:id', module: 'residents', page: <ResidentPage /> },
  { path: 'households', module: 'households', page: <HouseholdsPage /> },
  { path: 'households/:id', module: 'households', page: <HouseholdPage /> },
  { path: 'organisations', module: 'organisations', page: <OrganisationsPage /> },
  { path: 'organisations/:id', module: 'organisations', page: <OrganisationPage /> },
  { path: 'party-members', module: 'partyMembers', page: <PartyMembersPage /> },
  { path: 'transfer', module: 'transfer', page: <TransferPage /> },
  { path: 'corrections', module: 'corrections', page: <CorrectionsPage /> },
];

/** Open the first module the account may use. */
function ConsoleHome() {
  const { me } = useSession();
  const first = allowedModules(me)[0];
  return first ? <Navigate to={first.path} replace /> : <NoModules />;
}

function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { me } = useSession();
  return hasRole(me, roles) ? children : <ConsoleForbidden />;
}

const rolesOf = (key: string) => consoleModules.find((m) => m.key === key)!.roles;

/** The staff console (Ant Design), at /console. */
export default function ConsoleApp() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  useDocumentTitle(t('console.title'));
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
  }, [english]);

  return (
    <ConfigProvider
      locale={english ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#b3261e', borderRadius: 6 } }}
    >
      <App>
        <SessionProvider>
          <Routes>
            <Route path="login" element={<LoginPage />} />
            <Route element={<RequireAuth />}>
              <Route
                path="users/:id/claim-slip"
                element={
                  <RequireRoles roles={rolesOf('users')}>
                    <ClaimSlipPage />
                  </RequireRoles>
                }
              />
              <Route element={<ConsoleLayout />}>
                <Route index element={<ConsoleHome />} />
                <Route
                  path="places/:id?"
                  element={
                    <RequireRoles roles={rolesOf('places')}>
                      <PlacesPage />
                    </RequireRoles>
                  }
                />
                {modulePages.map((p) => (
                  <Route
                    key={p.path}
                    path={p.path}
                    element={<RequireRoles roles={rolesOf(p.module)}>{p.page}</RequireRoles>}
                  />
                ))}
                <Route
                  path="users"
                  element={
                    <RequireRoles roles={rolesOf('users')}>
                      <UsersPage />
                    </RequireRoles>
                  }
                />
                <Route
                  path="audit"
                  element={
                    <RequireRoles roles={rolesOf('audit')}>
                      <AuditPage />
                    </RequireRoles>
                  }
                />
                <Route path="*" element={<ConsoleNotFound />} />
              </Route>
            </Route>
          </Routes>
        </SessionProvider>
      </App>
    </ConfigProvider>
  );
}
