import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { consentBasisLabels, isSensitiveTag, residentTags, type ConsentBasis, type ResidentDetail } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { BasisFields } from './basis-fields.js';
import { consentPurposeText } from './consent-purpose.js';
import { residentsApi } from './registers-api.js';

interface Values {
  purpose?: string;
  basis?: ConsentBasis;
  detail?: string;
}

const purposes = ['publication', 'minor', ...residentTags.filter(isSensitiveTag).map((x) => `tag:${x}`)];

/** Consents and legal bases on record; withdrawing one also removes the tags resting on it (server side). */
export function ResidentConsentsCard({ r, onChanged }: { r: ResidentDetail; onChanged: (d: ResidentDetail) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = new Set(r.consents.filter((c) => !c.withdrawnAt).map((c) => c.purpose));

  const withdraw = async (consentId: string) => {
    try {
      onChanged(await residentsApi.withdrawConsent(r.id, consentId));
      message.success(t('registers.consents.withdrawnDone'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const add = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await residentsApi.addConsent(r.id, { purpose: v.purpose!, basis: v.basis!, detail: v.detail!.trim() }));
      form.resetFields();
      setAdding(false);
      message.success(t('registers.consents.added'));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => ['purpose', 'basis', 'detail'].includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('registers.consents.title')}
      extra={
        r.canEdit &&
        !adding && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('registers.consents.add')}
          </Button>
        )
      }
    >
      {r.consents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.consents.none')} />
      ) : (
        <List
          size="small"
          dataSource={r.consents}
          renderItem={(c) => (
            <List.Item
              actions={
                r.canEdit && !c.withdrawnAt
                  ? [
                      <Popconfirm
                        key="withdraw"
                        title={t('registers.consents.withdrawConfirm')}
                        okText={t('registers.consents.withdraw')}
                        cancelText={t('actions.cancel')}
                        onConfirm={() => withdraw(c.id)}
                      >
                        <Button size="small" danger>
                          {t('registers.consents.withdraw')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {consentPurposeText(t, label, c.purpose)}
                    <Tag color={c.withdrawnAt ? 'default' : 'green'}>{t(c.withdrawnAt ? 'registers.consents.withdrawn' : 'registers.consents.active')}</Tag>
                  </Space>
                }
                description={
                  <>
                    <div>
                      {t('registers.consents.basisLine', { basis: label(consentBasisLabels[c.basis]), detail: c.detail })}
                    </div>
                    <Typography.Text type="secondary">
                      {t('registers.consents.recordedAt')} {formatDateTime(c.recordedAt)}
                      {c.withdrawnAt && ` · ${t('registers.consents.withdrawnAt')} ${formatDateTime(c.withdrawnAt)}`}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {adding && (
        <Form<Values> name="consent-add" form={form} layout="vertical" onFinish={add} requiredMark={false} style={{ marginTop: 16 }}>
          <Form.Item name="purpose" label={t('registers.consents.purpose')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              aria-label={t('registers.consents.purpose')}
              options={purposes.filter((p) => !active.has(p)).map((p) => ({ value: p, label: consentPurposeText(t, label, p) }))}
            />
          </Form.Item>
          <BasisFields />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('actions.save')}
            </Button>
            <Button onClick={() => (form.resetFields(), setError(null), setAdding(false))}>{t('actions.cancel')}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
