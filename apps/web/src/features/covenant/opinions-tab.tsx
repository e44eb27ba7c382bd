import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { opinionChannelLabels, opinionChannels, type OpinionChannel, type OpinionView } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { HandlingTag, type CovenantTabProps } from './covenant-bits.js';
import { covenantApi } from './covenant-api.js';
import { HandlingModal } from './handling-modal.js';

interface Values {
  text: string;
  authorName?: string;
  channel: OpinionChannel;
}

/** Enter an opinion heard at a meeting, on a visit or from the mailbox, with who said it. */
function OpinionForm({ covenantId, onAdded }: { covenantId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await covenantApi.addOpinion(covenantId, { text: v.text.trim(), authorName: v.authorName?.trim() || undefined, channel: v.channel });
      form.resetFields();
      message.success(t('covenant.opinions.added'));
      onAdded();
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => ['text', 'authorName', 'channel'].includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('covenant.opinions.add')}>
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ channel: 'meeting' }} onFinish={submit}>
        <Form.Item name="text" label={t('covenant.opinions.text')} rules={[{ required: true, whitespace: true, min: 2, max: 2000, message: t('covenant.opinions.textRule') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="authorName" label={t('covenant.opinions.authorName')} extra={t('covenant.opinions.authorHint')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="channel" label={t('covenant.opinions.channel')}>
              <Select options={opinionChannels.map((c) => ({ value: c, label: label(opinionChannelLabels[c]) }))} />
            </Form.Item>
          </Col>
        </Row>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('covenant.opinions.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 意见征集: what residents want the covenant to say, before a word is drafted, and how each was handled. */
export function OpinionsTab({ c, reload }: CovenantTabProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const list = useLoaded(c.id, (signal) => covenantApi.opinions(c.id, signal));
  const [handling, setHandling] = useState<OpinionView | null>(null);
  const open = c.phase === 'opinion_collection' && c.participation.allowed.includes('propose');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {open ? (
        <OpinionForm covenantId={c.id} onAdded={() => (list.reload(), reload())} />
      ) : (
        <Alert type="info" showIcon title={t('covenant.opinions.closed')} />
      )}
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<OpinionView>
        rowKey="id"
        size="middle"
        aria-label={t('covenant.opinions.table')}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('covenant.opinions.empty')} /> }}
        columns={[
          {
            key: 'text',
            title: t('covenant.opinions.text'),
            render: (_: unknown, o) => <Typography.Paragraph className="gz-cov-pre" style={{ margin: 0 }}>{o.text}</Typography.Paragraph>,
          },
          {
            key: 'author',
            title: t('covenant.opinions.authorName'),
            width: 150,
            responsive: ['md'],
            render: (_: unknown, o) => (
              <Space orientation="vertical" size={0}>
                <span>{o.authorName}</span>
                <Tag>{label(opinionChannelLabels[o.channel])}</Tag>
              </Space>
            ),
          },
          { key: 'at', title: t('covenant.common.createdAt'), width: 150, responsive: ['lg'], render: (_: unknown, o) => formatDateTime(o.createdAt) },
          {
            key: 'handling',
            title: t('covenant.handling.handling'),
            width: 220,
            render: (_: unknown, o) => (
              <Space orientation="vertical" size={4}>
                <HandlingTag handling={o.handling} pending={t('covenant.handling.pending')} />
                {o.handlingReason && <Typography.Text type="secondary">{o.handlingReason}</Typography.Text>}
                {c.can.manage && (
                  <Button size="small" onClick={() => setHandling(o)}>
                    {o.handling ? t('covenant.handling.change') : t('covenant.handling.open')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <HandlingModal
        subject={handling && { text: handling.text, handling: handling.handling, reason: handling.handlingReason }}
        save={(body) => covenantApi.handleOpinion(c.id, handling?.id ?? '', body)}
        onClose={(saved) => {
          setHandling(null);
          if (saved) {
            message.success(t('covenant.handling.saved'));
            list.reload();
            reload();
          }
        }}
      />
    </Space>
  );
}
