import { useEffect } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { meetingsApi } from './meetings-api.js';

/** For the projector: the sign-in QR code, large, with the live count under it. */
export default function MeetingQrPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state, reload } = useResource(id, meetingsApi.get);
  useEffect(() => {
    const timer = setInterval(reload, 5000);
    return () => clearInterval(timer);
  }, [reload]);
  if (state.status !== 'ready')
    return <DetailState state={state} notFound={t('meetings.detail.notFound')} back={{ to: '/console/deliberation/meetings', label: t('meetings.detail.back') }} />;
  const m = state.data;
  return (
    <div style={{ textAlign: 'center', padding: 24 }}>
      <LinkButton to={`/console/deliberation/meetings/${m.id}`}>{t('meetings.detail.back')}</LinkButton>
      <Typography.Title level={1}>{m.title}</Typography.Title>
      <Typography.Title level={2}>{t('meetings.qr.title')}</Typography.Title>
      <img src={meetingsApi.qrUrl(m.id)} alt={t('meetings.qr.title')} style={{ width: 'min(70vh, 90vw)', height: 'auto' }} />
      <Typography.Paragraph style={{ fontSize: 24 }}>{t('meetings.qr.hint')}</Typography.Paragraph>
      <Typography.Paragraph role="status" style={{ fontSize: 32, fontWeight: 600 }}>
        {t('meetings.qr.present', { present: m.attendance.present, eligible: m.attendance.eligible })}
      </Typography.Paragraph>
    </div>
  );
}
