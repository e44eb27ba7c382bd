import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isSensitiveTag, residentTagInfo, residentTags, type ConsentBasis, type ResidentDetail, type ResidentTag } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { BasisFields } from './basis-fields.js';
import { residentsApi } from './registers-api.js';
import { ResidentTagChip } from './resident-bits.js';

interface Values {
  tag?: ResidentTag;
  basis?: ConsentBasis;
  detail?: string;
}

/** True when an active consent already covers this sensitive tag, so nobody is asked twice. */
const covered = (r: ResidentDetail, tag: ResidentTag) => r.consents.some((c) => c.purpose === `tag:${tag}` && !c.withdrawnAt);

/** The resident's tags; a sensitive one asks, inline, for the consent or legal basis it rests on. */
export function ResidentTagsCard({ r, onChanged }: { r: ResidentDetail; onChanged: (d: ResidentDetail) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const tag = Form.useWatch('tag', form);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsBasis = !!tag && isSensitiveTag(tag) && !covered(r, tag);
  const free = residentTags.filter((x) => !r.tags.includes(x));

  const add = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = needsBasis ? { tag: v.tag!, basis: v.basis, detail: v.detail?.trim() } : { tag: v.tag! };
      onChanged(await residentsApi.addTag(r.id, body));
      form.resetFields();
      setAdding(false);
      message.success(t('registers.tags.added'));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => ['tag', 'basis', 'detail'].includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = (x: ResidentTag) =>
    modal.confirm({
      title: t('registers.tags.removeConfirm', { tag: label(residentTagInfo[x]) }),
      okText: t('actions.ok'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          onChanged(await residentsApi.removeTag(r.id, x));
          message.success(t('registers.tags.removed'));
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  return (
    <Card
      size="small"
      title={t('registers.tags.title')}
      extra={
        r.canEdit &&
        !adding &&
        free.length > 0 && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('registers.tags.add')}
          </Button>
        )
      }
    >
      {r.tags.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.tags.none')} />
      ) : (
        <Space size={[4, 8]} wrap>
          {r.tags.map((x) => (
            <ResidentTagChip key={x} tag={x} onClose={r.canEdit ? () => remove(x) : undefined} />
          ))}
        </Space>
      )}
      {adding && (
        <Form<Values> name="tag-add" form={form} layout="vertical" onFinish={add} requiredMark={false} style={{ marginTop: 16 }}>
          <Form.Item name="tag" label={t('registers.tags.tag')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              aria-label={t('registers.tags.tag')}
              options={free.map((x) => ({ value: x, label: isSensitiveTag(x) ? t('registers.tags.sensitiveOption', { tag: label(residentTagInfo[x]) }) : label(residentTagInfo[x]) }))}
            />
          </Form.Item>
          {needsBasis && (
            <>
              <Typography.Paragraph type="warning">{t('registers.tags.sensitiveHint')}</Typography.Paragraph>
              <BasisFields />
            </>
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('registers.tags.add')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setError(null);
                setAdding(false);
              }}
            >
              {t('actions.cancel')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
