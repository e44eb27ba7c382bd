import { useId, useState } from 'react';
import { Button } from 'antd-mobile';
import type { QuestionView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { FormError } from '../../resident/feedback.js';
import { articleLabel } from './covenant-format.js';
import { myCovenantApi } from './my-covenant-api.js';

/**
 * A question with big option buttons (one or several), then the results once I have answered; I may change my
 * answer while consultation is open.
 */
export function QuestionCard({
  covenantId,
  question,
  articleNumber,
  open,
}: {
  covenantId: string;
  question: QuestionView;
  articleNumber: number | null;
  open: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState(question);
  const [picked, setPicked] = useState<number[]>(question.myAnswer);
  const [editing, setEditing] = useState(question.myAnswer.length === 0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answered = q.myAnswer.length > 0;
  const asking = open && editing;

  const toggle = (i: number) => {
    setError(null);
    setPicked((p) => (q.multiple ? (p.includes(i) ? p.filter((x) => x !== i) : [...p, i].sort((a, b) => a - b)) : [i]));
  };

  const submit = async () => {
    if (picked.length === 0) return setError(t('myCovenant.question.pickOne'));
    setBusy(true);
    setError(null);
    try {
      const next = await myCovenantApi.answer(covenantId, q.id, picked);
      setQ(next);
      setPicked(next.myAnswer);
      setEditing(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="gz-question" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{q.text}</h3>
      <p className="gz-muted">
        {articleNumber !== null && <span>{t('myCovenant.question.about', { article: articleLabel(articleNumber) })} </span>}
        {q.multiple ? t('myCovenant.question.multiple') : t('myCovenant.question.single')}
      </p>
      {asking ? (
        <>
          <div className="gz-options" role={q.multiple ? 'group' : 'radiogroup'} aria-labelledby={`${id}-title`}>
            {q.options.map((o, i) => {
              const on = picked.includes(i);
              return (
                <button
                  key={i}
                  type="button"
                  role={q.multiple ? 'checkbox' : 'radio'}
                  aria-checked={on}
                  className={`gz-choice${on ? ' gz-choice-on' : ''}`}
                  onClick={() => toggle(i)}
                >
                  <span className="gz-choice-title">{o.text}</span>
                </button>
              );
            })}
          </div>
          <div className="gz-form-foot">
            <FormError text={error} />
            <Button block color="primary" size="large" loading={busy} onClick={() => void submit()}>
              {t('myCovenant.question.submit')}
            </Button>
          </div>
        </>
      ) : (
        <QuestionResults q={q} labelledBy={`${id}-title`} />
      )}
      {!asking && open && answered && (
        <Button block fill="outline" size="large" onClick={() => setEditing(true)}>
          {t('myCovenant.question.change')}
        </Button>
      )}
    </section>
  );
}

/** Counts per option as bars with their numbers in words; my choices are marked. */
function QuestionResults({ q, labelledBy }: { q: QuestionView; labelledBy: string }) {
  const { t } = useTranslation();
  const most = Math.max(1, ...q.options.map((o) => o.count));
  return (
    <>
      <ul className="gz-results" aria-labelledby={labelledBy}>
        {q.options.map((o, i) => (
          <li key={i} className={q.myAnswer.includes(i) ? 'gz-result-mine' : undefined}>
            <span className="gz-result-text">
              {o.text}
              {q.myAnswer.includes(i) && <span className="gz-result-tag">{t('myCovenant.question.mine')}</span>}
            </span>
            <span className="gz-result-count">{t('myCovenant.question.count', { count: o.count })}</span>
            <span className="gz-result-bar" aria-hidden>
              <span style={{ width: `${Math.round((o.count / most) * 100)}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <p className="gz-muted">{t('myCovenant.question.respondents', { count: q.respondents })}</p>
    </>
  );
}
