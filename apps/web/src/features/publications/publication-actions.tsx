import { useState } from 'react';
import { Alert, App, Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { findPersonalData, maskPersonalData, type PublicationDetail } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { LinkButton } from '../../console/link-button.js';
import { useSession } from '../session/session-context.js';
import { disclosureApi } from '../disclosure/disclosure-api.js';
import { PersonalDataCheck } from './personal-data-check.js';

/** The workflow's buttons for what the viewer may do now; returning and closing ask for their text inline. */
export function PublicationActions({ p, onChanged }: { p: PublicationDetail; onChanged: (p: PublicationDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<PublicationDetail>) => {
    setError(null);
    try {
      onChanged(await work());
      message.success(t('disclosure.detail.done'));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const own = p.status === 'submitted' && p.authorUserId === me?.id;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {p.can.edit && <LinkButton to={`/console/publications/${p.id}/edit`}>{t('disclosure.detail.edit')}</LinkButton>}
        {p.can.submit && (
          <Button type="primary" onClick={() => run(() => disclosureApi.act(p.id, 'submit'))}>
            {t('disclosure.detail.submit')}
          </Button>
        )}
        {p.status === 'submitted' && (
          <Button type="primary" onClick={() => run(() => disclosureApi.act(p.id, 'approve'))}>
            {t('disclosure.detail.approve')}
          </Button>
        )}
        {p.status === 'submitted' && !own && <Button onClick={() => setReturning(true)}>{t('disclosure.detail.returnToAuthor')}</Button>}
        {p.can.publish && (
          <Button type="primary" onClick={() => run(() => disclosureApi.act(p.id, 'publish'))}>
            {t('disclosure.detail.publish')}
          </Button>
        )}
        {p.can.archive && <Button onClick={() => run(() => disclosureApi.act(p.id, 'archive'))}>{t('disclosure.detail.archive')}</Button>}
        {p.can.closeNotice && <Button onClick={() => setClosing(true)}>{t('disclosure.detail.closeNotice')}</Button>}
        {p.can.correct && <LinkButton to={`/console/publications/new?supersedes=${p.id}`}>{t('disclosure.detail.correct')}</LinkButton>}
        {(p.status === 'published' || p.status === 'archived') && (
          <>
            <Button href={disclosureApi.posterUrl(p.id)} target="_blank">
              {t('disclosure.detail.poster')}
            </Button>
            <Button href={`/publications/${p.id}`} target="_blank">
              {t('disclosure.detail.portal')}
            </Button>
          </>
        )}
      </Space>
      {own && <Alert type="info" showIcon title={t('disclosure.detail.ownApproval')} />}
      {returning && (
        <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
          <Input aria-label={t('disclosure.detail.returnNote')} placeholder={t('disclosure.detail.returnNote_placeholder')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button danger disabled={!note.trim()} onClick={() => run(() => disclosureApi.returnToAuthor(p.id, note.trim())).then(() => setReturning(false))}>
            {t('disclosure.detail.confirmReturn')}
          </Button>
        </Space.Compact>
      )}
      {closing && outcome.trim() && findPersonalData(outcome).length > 0 && (
        <PersonalDataCheck title="" body={outcome} onMaskAll={() => setOutcome(maskPersonalData(outcome))} />
      )}
      {closing && (
        <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
          <Input aria-label={t('disclosure.detail.outcome')} placeholder={t('disclosure.detail.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
          <Button type="primary" disabled={!outcome.trim()} onClick={() => run(() => disclosureApi.closeNotice(p.id, outcome.trim())).then(() => setClosing(false))}>
            {t('disclosure.detail.confirmClose')}
          </Button>
        </Space.Compact>
      )}
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
    </Space>
  );
}
