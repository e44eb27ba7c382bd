import { useState } from 'react';
import { Button, Checkbox, Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { electionPosts, type BallotChoice, type MyElectionView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { myElectionsApi } from '../elections/elections-api.js';

/**
 * The online ballot: per post up to its seats among the candidates, a written-in name if wanted, none to abstain.
 * Reviewing shows the choices on the same page (no dialog) with "cast" and "go back"; one submit.
 */
export function BallotForm({ view, forVoter, onVoted }: { view: MyElectionView; forVoter?: { voterId: string; name: string }; onVoted: (date: string) => void }) {
  const { t } = useTranslation();
  const e = view.election;
  const posts = electionPosts.filter((p) => e.seats[p] > 0);
  const [marks, setMarks] = useState<Record<string, string[]>>({});
  const [writeIns, setWriteIns] = useState<Record<string, string>>({});
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const choices: BallotChoice[] = posts.map((p) => ({ post: p, candidateIds: marks[p] ?? [], writeIns: writeIns[p]?.trim() ? [writeIns[p]!.trim()] : [] }));
  const nameOf = (id: string) => view.candidates.find((c) => c.id === id)?.name ?? '';
  const over = posts.some((p) => (marks[p]?.length ?? 0) + (writeIns[p]?.trim() ? 1 : 0) > e.seats[p]);
  const cast = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await myElectionsApi.vote(e.id, choices, forVoter?.voterId);
      onVoted(r.votedOn);
    } catch (err) {
      setError(err);
      setReviewing(false);
    } finally {
      setBusy(false);
    }
  };
  const title = forVoter ? t('elections.my.proxyFor', { name: forVoter.name }) : t('elections.my.ballotTitle');
  if (reviewing)
    return (
      <section className="resident-card gz-ballot" aria-label={t('elections.my.confirmTitle')}>
        <h2>{t('elections.my.confirmTitle')}</h2>
        <dl className="gz-ballot-review">
          {choices.map((c) => (
            <div key={c.post}>
              <dt>{t(`elections.post.${c.post}`)}</dt>
              <dd>{[...c.candidateIds.map(nameOf), ...c.writeIns].join('、') || t('elections.my.abstain')}</dd>
            </div>
          ))}
        </dl>
        <Button block color="primary" size="large" loading={busy} loadingText={t('elections.my.voting')} onClick={() => void cast()}>
          {t('elections.my.submit')}
        </Button>
        <Button block size="large" onClick={() => setReviewing(false)}>
          {t('elections.my.change')}
        </Button>
      </section>
    );
  return (
    <section className="resident-card gz-ballot" aria-label={title}>
      <h2>{title}</h2>
      <p className="gz-muted">{t('elections.my.secret')}</p>
      {posts.map((p) => (
        <fieldset key={p} className="gz-ballot-post">
          <legend>
            {t(`elections.post.${p}`)} · {t('elections.my.choose', { seats: e.seats[p] })}
          </legend>
          <Checkbox.Group value={marks[p] ?? []} onChange={(v) => setMarks({ ...marks, [p]: v as string[] })}>
            {view.candidates
              .filter((c) => c.post === p)
              .map((c) => (
                <div key={c.id} className="gz-ballot-candidate">
                  <Checkbox value={c.id}>{c.name}</Checkbox>
                  <p className="gz-muted">{c.statement}</p>
                </div>
              ))}
          </Checkbox.Group>
          <Input aria-label={`${t(`elections.post.${p}`)} ${t('elections.my.writeIn')}`} placeholder={t('elections.my.writeIn')} value={writeIns[p] ?? ''} onChange={(v) => setWriteIns({ ...writeIns, [p]: v })} maxLength={100} />
        </fieldset>
      ))}
      {error !== null && (
        <div className="gz-notice gz-notice-error" role="alert">
          {errorText(error)}
        </div>
      )}
      <Button block color="primary" size="large" disabled={over} onClick={() => setReviewing(true)}>
        {t('elections.my.review')}
      </Button>
    </section>
  );
}
