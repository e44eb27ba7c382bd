import { useId, useState } from 'react';
import { Button, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { pledgeBlockerLabels, pledgeMethodLabels, type MyPledgeView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { useLabel } from '../../i18n/labels.js';
import { CovenantLoadState } from '../my-covenant/covenant-load-state.js';
import { formatDate } from '../my-requests/format-date.js';
import { pledgesApi } from './pledges-api.js';
import './pledges.css';

/**
 * /m/covenants/:id/pledge: a household signs the covenant it lives under. Large type, no pop-ups: the answer
 * (signed, or why not) replaces the button on the same page.
 */
export default function PledgePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { state, set } = useResource(id, pledgesApi.mine);
  return (
    <div className="resident-page gz-pledge-page">
      <NavBar onBack={() => navigate(`/m/covenants/${id}`)} backIcon backArrow>
        {t('covenantPledges.mine.title')}
      </NavBar>
      <CovenantLoadState state={state} />
      {state.status === 'ready' && <PledgeBody view={state.data} onSigned={set} />}
    </div>
  );
}

function PledgeBody({ view, onSigned }: { view: MyPledgeView; onSigned: (v: MyPledgeView) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sign = async () => {
    setBusy(true);
    setError(null);
    try {
      const pledge = await pledgesApi.sign(view.covenantId);
      onSigned({ ...view, pledge, canSign: false, blocker: 'already_pledged' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const p = view.pledge;
  return (
    <>
      <section className="resident-card" aria-labelledby={headingId}>
        <h2 id={headingId} className="gz-pledge-title">
          {t('covenantPledges.mine.covenant', { title: view.covenantTitle })}
        </h2>
        {view.articleCount > 0 && <p>{t('covenantPledges.mine.summary', { count: view.articleCount })}</p>}
        <Link to={`/m/covenants/${view.covenantId}`} className="gz-pledge-read">
          {t('covenantPledges.mine.readText')}
        </Link>
      </section>

      {p ? (
        <section className="resident-card gz-pledge-done" role="status">
          <h2>✓ {t('covenantPledges.mine.signedTitle')}</h2>
          {view.address && <p>{t('covenantPledges.mine.household', { address: view.address })}</p>}
          <p>{t('covenantPledges.mine.signedBy', { name: p.signerName, date: formatDate(p.signedOn), method: label(pledgeMethodLabels[p.method]) })}</p>
          <p className="gz-muted">{t('covenantPledges.mine.thanks')}</p>
        </section>
      ) : view.canSign ? (
        <section className="resident-card gz-pledge-sign">
          {view.address && <p>{t('covenantPledges.mine.household', { address: view.address })}</p>}
          <p className="gz-pledge-promise">{t('covenantPledges.mine.promise')}</p>
          {error !== null && (
            <div className="gz-notice gz-notice-error" role="alert">
              {errorText(error)}
            </div>
          )}
          <Button block color="primary" size="large" loading={busy} loadingText={t('covenantPledges.mine.signing')} onClick={() => void sign()}>
            {t('covenantPledges.mine.sign')}
          </Button>
        </section>
      ) : (
        <section className="resident-card" role="status">
          <p className="gz-pledge-blocked">{view.blocker ? label(pledgeBlockerLabels[view.blocker]) : ''}</p>
        </section>
      )}
      <Link to={`/m/covenants/${view.covenantId}`} className="gz-pledge-back">
        {t('covenantPledges.mine.back')}
      </Link>
    </>
  );
}
