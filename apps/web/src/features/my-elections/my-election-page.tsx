import { useState } from 'react';
import { Button, Input, NavBar, Selector, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { MyElectionView, ObjectionKind } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { CovenantLoadState } from '../my-covenant/covenant-load-state.js';
import { myElectionsApi } from '../elections/elections-api.js';
import { BallotForm } from './ballot-form.js';
import './my-elections.css';

/**
 * `/m/elections/:id`: am I on the voter list (and my objections), and — while voting is open — my ballot. No
 * pop-ups: every answer replaces the form on the page.
 */
export default function MyElectionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { state, reload } = useResource(id, myElectionsApi.detail);
  return (
    <div className="resident-page gz-elections">
      <NavBar onBack={() => navigate('/m/elections')} backIcon backArrow>
        {state.status === 'ready' ? state.data.election.title : t('elections.my.listTitle')}
      </NavBar>
      <CovenantLoadState state={state} />
      {state.status === 'ready' && <Body view={state.data} reload={reload} />}
    </div>
  );
}

function Body({ view, reload }: { view: MyElectionView; reload: () => void }) {
  const { t } = useTranslation();
  const e = view.election;
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <section className="resident-card" aria-label={t('elections.my.registered')}>
        <p className="gz-election-phase">{t(`elections.phase.${e.phase}`)}</p>
        <p>{t('elections.portal.electionDay', { date: e.electionDay })}</p>
        {view.voter ? (
          <>
            <h2>✓ {t('elections.my.registered')}</h2>
            <p>{view.voter.name}</p>
            {view.voter.buildingName && <p>{t('elections.my.building', { name: view.voter.buildingName })}</p>}
            <p>{t('elections.my.basis', { basis: t(`elections.basis.${view.voter.basis}`) })}</p>
            {e.votingUnit === 'household' && view.voter.representative && <p>{t('elections.my.representative')}</p>}
          </>
        ) : (
          <h2>{t('elections.my.notRegistered')}</h2>
        )}
        <Link to={`/elections/${e.id}`}>{t('elections.my.checkList')}</Link>
      </section>

      {done ? (
        <section className="resident-card gz-election-done" role="status">
          <h2>✓ {done}</h2>
          <p className="gz-muted">{t('elections.my.secret')}</p>
        </section>
      ) : view.canVote ? (
        <BallotForm view={view} onVoted={(date) => setDone(t('elections.my.done', { date }))} />
      ) : (
        view.blocker && (
          <section className="resident-card" role="status">
            <p className="gz-election-blocked">{t(`elections.blocker.${view.blocker}`)}</p>
          </section>
        )
      )}

      {view.proxiesHeld.length > 0 && <ProxyBallots view={view} onVoted={reload} />}

      {(e.phase === 'list_notice' || e.phase === 'candidates') && <ObjectionForm electionId={e.id} onFiled={reload} />}
      {view.myObjections.length > 0 && (
        <section className="resident-card" aria-label={t('elections.my.myObjections')}>
          <h2>{t('elections.my.myObjections')}</h2>
          <ul className="gz-election-objections">
            {view.myObjections.map((o) => (
              <li key={o.id}>
                {t(`elections.objectionKind.${o.kind}`)} · {o.subjectName} · <strong>{t(`elections.objectionStatus.${o.status}`)}</strong>
                {o.answer && <p>{o.answer}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ProxyBallots({ view, onVoted }: { view: MyElectionView; onVoted: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  if (view.election.phase !== 'voting') return null;
  return (
    <section className="resident-card" aria-label={t('elections.my.proxies')}>
      <h2>{t('elections.my.proxies')}</h2>
      {view.proxiesHeld.map((p) =>
        open === p.voterId ? (
          <BallotForm key={p.voterId} view={view} forVoter={p} onVoted={() => onVoted()} />
        ) : (
          <p key={p.voterId}>
            {p.name} {p.voted ? '✓' : <Button size="small" onClick={() => setOpen(p.voterId)}>{t('elections.my.voteFor')}</Button>}
          </p>
        ),
      )}
    </section>
  );
}

function ObjectionForm({ electionId, onFiled }: { electionId: string; onFiled: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ObjectionKind>('omission');
  const [subjectName, setSubjectName] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await myElectionsApi.object(electionId, { kind, subjectName, reason });
      setSent(true);
      onFiled();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (sent) return <section className="resident-card" role="status">{t('elections.my.objectionSent')}</section>;
  return (
    <section className="resident-card" aria-label={t('elections.my.objectTitle')}>
      <h2>{t('elections.my.objectTitle')}</h2>
      <Selector value={[kind]} onChange={(v) => v[0] && setKind(v[0])} options={(['omission', 'wrong_inclusion'] as const).map((k) => ({ value: k, label: t(`elections.objectionKind.${k}`) }))} />
      <label className="gz-election-label">
        {t('elections.my.subjectName')}
        <Input value={subjectName} onChange={setSubjectName} maxLength={100} />
      </label>
      <label className="gz-election-label">
        {t('elections.my.reason')}
        <TextArea value={reason} onChange={setReason} maxLength={1000} rows={3} />
      </label>
      {error !== null && (
        <div className="gz-notice gz-notice-error" role="alert">
          {errorText(error)}
        </div>
      )}
      <Button block color="primary" loading={busy} disabled={!subjectName.trim() || !reason.trim()} onClick={() => void submit()}>
        {t('elections.my.submitObjection')}
      </Button>
    </section>
  );
}
