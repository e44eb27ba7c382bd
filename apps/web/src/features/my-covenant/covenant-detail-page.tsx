import { NavBar } from 'antd-mobile';
import { covenantPhases, type CovenantView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.js';
import { ConsultationSection } from './consultation-section.js';
import { CovenantLoadState } from './covenant-load-state.js';
import { MyCommentsSection } from './my-comments-section.js';
import { myCovenantApi } from './my-covenant-api.js';
import { OpinionSection } from './opinion-section.js';
import { PhaseBanner } from './phase-banner.js';
import { PhaseSteps } from './phase-steps.js';
import { PublishedSection } from './published-section.js';
import './my-covenant.css';

const after = (c: CovenantView, phase: CovenantView['phase']) => covenantPhases.indexOf(c.phase) > covenantPhases.indexOf(phase);

/** One covenant: where it stands and what I may do now, then the part of the process that is open. */
export default function CovenantDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { state } = useResource(id, myCovenantApi.detail);
  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m/covenants')} backIcon backArrow>
        {t('myCovenant.detail.title')}
      </NavBar>
      <CovenantLoadState state={state} />
      {state.status === 'ready' && <CovenantBody c={state.data} />}
    </div>
  );
}

function CovenantBody({ c }: { c: CovenantView }) {
  const { t } = useTranslation();
  const published = c.publishedAt !== null;
  const handled = after(c, 'consultation');
  return (
    <>
      <section className="resident-card gz-covenant-head" aria-labelledby="gz-covenant-title">
        <h1 id="gz-covenant-title">{c.title}</h1>
        <p className="gz-muted">{c.communityName}</p>
        <PhaseBanner c={c} />
      </section>
      {published && <PublishedSection c={c} />}
      {/* After consultation, how my comments were handled comes before the (long) text. */}
      {handled && <MyCommentsSection c={c} />}
      {/* From consultation on, the text under discussion (or under review, or to be voted on) stays readable. */}
      {!published && (c.phase === 'consultation' || handled) && c.currentVersionId && (
        <ConsultationSection c={c} versionId={c.currentVersionId} />
      )}
      <OpinionSection c={c} />
      {c.phase === 'drafting' && (
        <section className="resident-card" role="status">
          <p>{t('myCovenant.detail.drafting')}</p>
        </section>
      )}
      <PhaseSteps c={c} />
    </>
  );
}
