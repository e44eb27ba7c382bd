import { useState } from 'react';
import { Button, TextArea } from 'antd-mobile';
import { topicSideLabels, topicSides, type TopicDetail, type TopicSide } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { InlineNotice, type Notice } from '../../resident/feedback.js';
import { ChoiceGroup } from '../my-requests/choice-group.js';
import { topicsApi } from './topics-api.js';

type Pick = TopicSide | 'question';

/**
 * 说说您的看法: four big buttons (支持 / 反对 / 中立 / 提问), the words, and submit. What happened stays on the
 * page as a line of text (no pop-ups), so elder mode and the ordinary view read the same.
 */
export function ResidentCommentForm({ topic, onSent }: { topic: TopicDetail; onSent: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [pick, setPick] = useState<Pick | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  if (!topic.participation.allowed.includes('comment')) {
    const active = topic.status !== 'proposed' && topic.status !== 'declined' && topic.status !== 'closed' && topic.status !== 'rejected';
    return (
      <section className="resident-card" role="status">
        <p>{active && topic.phase !== 'decision' ? t('topics.resident.notOpenToYou') : t('topics.resident.closedForComments')}</p>
      </section>
    );
  }

  const send = async () => {
    if (!pick) return setNotice({ kind: 'error', text: t('topics.resident.pickSide') });
    const words = text.trim();
    if (words.length < (pick === 'question' ? 2 : 1)) return setNotice({ kind: 'error', text: t('validation.required') });
    setBusy(true);
    setNotice(null);
    try {
      await topicsApi.comment(topic.id, pick === 'question' ? { kind: 'question', text: words } : { kind: 'opinion', side: pick, text: words });
      setText('');
      setPick(null);
      setNotice({ kind: 'success', text: t('topics.resident.sent') });
      onSent();
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="gz-step">
      <h2 id="gz-topic-say">{t('topics.resident.yourSay')}</h2>
      <ChoiceGroup<Pick>
        value={pick}
        onChange={setPick}
        labelledBy="gz-topic-say"
        columns={2}
        options={[...topicSides.map((s) => ({ value: s, label: label(topicSideLabels[s]) })), { value: 'question' as const, label: t('topics.comments.question') }]}
      />
      <label htmlFor="gz-topic-comment" className="gz-visually-hidden">
        {t('topics.resident.textLabel')}
      </label>
      <TextArea
        id="gz-topic-comment"
        value={text}
        onChange={setText}
        rows={4}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={2000}
        showCount
        placeholder={t('topics.resident.textPlaceholder')}
        aria-label={t('topics.resident.textLabel')}
        style={{ marginTop: 12 }}
      />
      <div className="resident-actions" style={{ margin: '12px 0 0' }}>
        <InlineNotice notice={notice} />
        <Button block color="primary" size="large" loading={busy} disabled={busy} onClick={() => void send()}>
          {t('topics.resident.send')}
        </Button>
      </div>
    </section>
  );
}
