import { useState } from 'react';
import { App, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { formatDateTime } from '../../i18n/format.js';
import { DueText, RequestStatusTag, UrgencyTag, useNow } from './request-bits.js';
import { RequestActions, RequestModals, type OpenModal } from './request-actions.js';
import { RequestInfo } from './request-info.js';
import { AssignmentsCard, CallbacksCard, MergedCard } from './request-side-cards.js';
import { RequestTimeline } from './request-timeline.js';
import { requestsApi } from './requests-api.js';
import { SuggestionsPanel } from './suggestions-panel.js';
import { useRequestAction } from './use-request-action.js';
import { useRequestSettings } from './use-request-meta.js';
import './requests.css';

/** One request (`/console/requests/:id`): what was asked, the actions the viewer may take, and every step. */
export default function RequestDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { state, set, reload } = useResource(id, requestsApi.get);
  const run = useRequestAction(set, reload);
  const settings = useRequestSettings();
  const now = useNow();
  const [modal, setModal] = useState<OpenModal | null>(null);

  if (state.status !== 'ready')
    return (
      <DetailState
        state={state}
        notFound={t('requests.detail.notFound')}
        notFoundHint={t('requests.detail.notFoundHint')}
        back={{ to: '/console/requests', label: t('requests.detail.back') }}
      />
    );

  const d = state.data;
  const soon = settings.remindBeforeMinutes;
  const showSuggestions = d.can.classify || d.can.dispatch || d.can.merge;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <LinkButton to="/console/requests">{t('requests.detail.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <span className="gz-mono">{d.number}</span> {d.title}
          </Typography.Title>
          <RequestStatusTag status={d.status} />
          <UrgencyTag urgency={d.urgency} />
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('requests.fields.dispatchDueAt')}>
            {d.status === 'received' || d.status === 'returned' ? (
              <DueText status={d.status} dueAt={d.dispatchDueAt} now={now} soonMinutes={soon} />
            ) : (
              formatDateTime(d.dispatchDueAt)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('requests.fields.replyDueAt')}>
            <DueText status={d.status} dueAt={d.replyDueAt} now={now} soonMinutes={soon} />
          </Descriptions.Item>
          <Descriptions.Item label={t('requests.fields.lead')}>{d.leadHandlerName ?? '—'}</Descriptions.Item>
        </Descriptions>
        <RequestActions d={d} run={run} onOpen={setModal} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={t('requests.detail.content')}>
              <RequestInfo d={d} lowConfidence={settings.lowConfidence} />
            </Card>
            <Card size="small" title={t('requests.timeline.title')}>
              <RequestTimeline steps={d.steps} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {showSuggestions && <SuggestionsPanel d={d} run={run} onOpen={setModal} />}
            <AssignmentsCard d={d} />
            <CallbacksCard
              d={d}
              onChanged={() => {
                message.success(t('requests.callback.done'));
                reload();
              }}
            />
            <MergedCard d={d} />
          </Space>
        </Col>
      </Row>
      <RequestModals d={d} modal={modal} run={run} onClose={() => setModal(null)} />
    </Space>
  );
}
