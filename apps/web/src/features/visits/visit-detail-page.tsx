import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, List, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { VisitDetail } from '@gongzhi/shared';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { ConvertModal } from './convert-modal.js';
import { useInlineEdit } from './form-card.js';
import { whereText } from './records-list.js';
import { RequestLink } from './request-link.js';
import { shortDateTime } from './visit-bits.js';
import { VisitEditCard } from './visit-edit-card.js';
import { visitsApi } from './visits-api.js';
import './visits.css';

type Item = VisitDetail['items'][number];

/** One visit (`/console/visits/:id`): where, when, who was met, and each item heard, which can become a request. */
export default function VisitDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { state, set, reload } = useResource(id, visitsApi.get);
  const [converting, setConverting] = useState<Item | null>(null);
  const edit = useInlineEdit(set, t('visits.edit.saved'));

  if (state.status !== 'ready')
    return (
      <DetailState
        state={state}
        notFound={t('visits.detail.notFound')}
        back={{ to: '/console/visits?tab=records', label: t('visits.record.back') }}
      />
    );

  const v = state.data;
  if (edit.editing && v.can.edit)
    return (
      <div className="gz-visit-form">
        <VisitEditCard visit={v} onDone={edit.done} />
      </div>
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="gz-visit-detail">
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <LinkButton to="/console/visits?tab=records">{t('visits.record.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('visits.detail.title')}
          </Typography.Title>
          {v.can.edit && (
            <Button icon={<EditOutlined />} onClick={edit.start}>
              {t('visits.edit.open')}
            </Button>
          )}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('visits.fields.visitedAt')}>{shortDateTime(v.visitedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.fields.where')}>{whereText(v)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.fields.visitor')}>{v.visitorName}</Descriptions.Item>
          <Descriptions.Item label={t('visits.fields.plan')}>{v.planId ? <Link to={`/console/visits/plans/${v.planId}`}>{v.planTitle}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('visits.fields.peopleMet')}>{v.peopleMet ?? '—'}</Descriptions.Item>
        </Descriptions>
        {v.summary && (
          <>
            <Typography.Text strong>{t('visits.fields.summary')}</Typography.Text>
            <Typography.Paragraph className="gz-visit-item-text">{v.summary}</Typography.Paragraph>
          </>
        )}
      </Card>
      <Card size="small" title={t('visits.detail.items', { count: v.items.length })}>
        {v.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.detail.noItems')} />
        ) : (
          <List<Item>
            dataSource={v.items}
            aria-label={t('visits.fields.items')}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <RequestLink key="request" requestId={item.requestId} number={item.requestNumber} canConvert={v.can.convert} onConvert={() => setConverting(item)} />,
                ]}
              >
                <span className="gz-visit-item-text">{item.text}</span>
              </List.Item>
            )}
          />
        )}
      </Card>
      <ConvertModal
        text={converting?.text ?? null}
        convert={(body) => visitsApi.convertItem(v.id, converting!.id, body)}
        onClose={(done) => {
          setConverting(null);
          if (done) {
            message.success(t('visits.convert.created', { number: done.number }));
            reload();
          }
        }}
      />
    </Space>
  );
}
