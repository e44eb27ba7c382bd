import { useId, useState } from 'react';
import { Button, TextArea } from 'antd-mobile';
import { ratingLabels, ratings, type Rating } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { FormError } from '../../resident/feedback.js';
import { ChoiceGroup } from './choice-group.js';
import { myRequestsApi } from './my-requests-api.js';

/**
 * 请您评价: satisfied / basically satisfied / dissatisfied, whether the problem was solved, and a comment that
 * becomes required (with the reason said) when dissatisfied, which reopens the request.
 */
export function RateForm({ requestId, onDone }: { requestId: string; onDone: (rating: Rating) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  const [rating, setRating] = useState<Rating | null>(null);
  const [resolved, setResolved] = useState<'yes' | 'no' | null>(null);
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<{ rating?: string; resolved?: string; comment?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dissatisfied = rating === 'dissatisfied';

  const submit = async () => {
    const p = {
      rating: rating ? undefined : t('myRequests.rate.pickRating'),
      resolved: resolved ? undefined : t('myRequests.rate.pickResolved'),
      comment: dissatisfied && !comment.trim() ? t('myRequests.rate.commentMissing') : undefined,
    };
    setProblems(p);
    if (!rating || !resolved || p.comment) {
      setError(p.rating ?? p.resolved ?? p.comment ?? null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await myRequestsApi.rate(requestId, { rating, resolved: resolved === 'yes', ...(comment.trim() ? { comment: comment.trim() } : {}) });
      onDone(rating);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="resident-card gz-rate" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('myRequests.rate.title')}</h2>
      <h3 id={`${id}-rating`}>{t('myRequests.rate.ratingQuestion')}</h3>
      <ChoiceGroup
        value={rating}
        labelledBy={`${id}-rating`}
        columns={3}
        options={ratings.map((r) => ({ value: r, label: label(ratingLabels[r]) }))}
        onChange={(r) => {
          setRating(r);
          setProblems((p) => ({ ...p, rating: undefined, comment: undefined }));
        }}
      />
      {problems.rating && <div className="gz-field-error">{problems.rating}</div>}
      <h3 id={`${id}-resolved`}>{t('myRequests.rate.resolvedQuestion')}</h3>
      <ChoiceGroup
        value={resolved}
        labelledBy={`${id}-resolved`}
        columns={2}
        options={[
          { value: 'yes', label: t('myRequests.rate.yes') },
          { value: 'no', label: t('myRequests.rate.no') },
        ]}
        onChange={(v) => {
          setResolved(v);
          setProblems((p) => ({ ...p, resolved: undefined }));
        }}
      />
      {problems.resolved && <div className="gz-field-error">{problems.resolved}</div>}
      <h3>
        <label htmlFor={`${id}-comment`}>{dissatisfied ? t('myRequests.rate.commentRequired') : t('myRequests.rate.comment')}</label>
      </h3>
      {dissatisfied && <p className="gz-why">{t('myRequests.rate.commentWhy')}</p>}
      <TextArea
        id={`${id}-comment`}
        value={comment}
        onChange={(v) => {
          setComment(v);
          if (v.trim()) setProblems((p) => ({ ...p, comment: undefined }));
        }}
        rows={3}
        maxLength={1000}
        showCount
        placeholder={t('myRequests.rate.commentPlaceholder')}
        aria-invalid={problems.comment ? true : undefined}
      />
      {problems.comment && <div className="gz-field-error">{problems.comment}</div>}
      <div className="gz-form-foot">
        <FormError text={error} />
        <Button block color="primary" size="large" loading={busy} onClick={() => void submit()}>
          {t('myRequests.rate.submit')}
        </Button>
      </div>
    </section>
  );
}
