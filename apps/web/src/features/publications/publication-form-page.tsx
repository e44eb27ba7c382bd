import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  DEFAULT_OBJECTION_DAYS,
  disclosureCategories,
  disclosureCategoryLabels,
  disclosureChannelLabels,
  disclosureChannels,
  isPeriodic,
  maskPersonalData,
  MIN_OBJECTION_DAYS,
  periodLabel,
  periodOf,
  publicationKindLabels,
  publicationKinds,
  type DisclosureItemView,
} from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { disclosureApi, type PublicationInput } from '../disclosure/disclosure-api.js';
import { PersonalDataCheck } from './personal-data-check.js';

/** Draft a publication (`/console/publications/new`) or edit a draft (`/console/publications/:id/edit`). */
export default function PublicationFormPage() {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id: editId } = useParams();
  const [search] = useSearchParams();
  const [form] = Form.useForm<PublicationInput>();
  const [items, setItems] = useState<DisclosureItemView[]>([]);
  const [savedId, setSavedId] = useState<string | null>(editId ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = Form.useWatch('title', form) ?? '';
  const body = Form.useWatch('body', form) ?? '';
  const kind = Form.useWatch('kind', form);
  const itemId = Form.useWatch('itemId', form);
  const supersedesId = search.get('supersedes');
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

  useEffect(() => {
    disclosureApi.items(false).then((r) => setItems(r.items), () => setItems([]));
    if (editId) {
      disclosureApi.get(editId).then(
        (p) => form.setFieldsValue({ kind: p.kind, title: p.title, body: p.body, itemId: p.itemId, period: p.period, category: p.category, channels: p.channels, objectionDays: p.objectionDays }),
        (e: unknown) => setError(errorText(e)),
      );
    } else {
      form.setFieldsValue({ kind: 'disclosure', channels: ['portal', 'notice_board', 'resident_app'], objectionDays: DEFAULT_OBJECTION_DAYS, itemId: search.get('itemId'), period: search.get('period') });
    }
  }, [editId, form, search]);

  const item = items.find((i) => i.id === itemId);
  const periods = useMemo(() => {
    if (!item || !isPeriodic(item.frequency)) return [];
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const f = item.frequency;
    return [0, 1, 2, 3, 4].map((back) => periodOf(f, today, back)).map((p) => ({ value: p, label: periodLabel(p, locale) }));
  }, [item, locale]);

  const save = async (submit: boolean) => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const payload = { ...values, itemId: values.itemId ?? null, period: values.period ?? null, category: values.itemId ? null : (values.category ?? null) };
      let id = savedId;
      if (id) await disclosureApi.patch(id, payload);
      else {
        id = (await disclosureApi.create({ ...payload, supersedesId })).id;
        setSavedId(id);
      }
      if (submit) await disclosureApi.act(id, 'submit');
      else message.success(t('disclosure.form.saved'));
      navigate(`/console/publications/${id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const maskAll = () => {
    form.setFieldsValue({ title: maskPersonalData(form.getFieldValue('title') ?? ''), body: maskPersonalData(form.getFieldValue('body') ?? '') });
    message.info(t('disclosure.form.masked'));
  };

  return (
    <Card title={t(editId ? 'disclosure.form.titleEdit' : 'disclosure.form.titleNew')}>
      <Form form={form} layout="vertical" style={{ maxWidth: 820 }}>
        <Form.Item name="kind" label={t('disclosure.form.kind')} rules={[{ required: true }]}>
          <Select options={labelOptions(publicationKinds, publicationKindLabels, label)} />
        </Form.Item>
        <Form.Item name="itemId" label={t('disclosure.form.item')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('disclosure.form.noItem')}
            options={items.map((i) => ({ value: i.id, label: `${label(disclosureCategoryLabels[i.category])} · ${i.title}` }))}
            onChange={() => form.setFieldValue('period', null)}
          />
        </Form.Item>
        {periods.length > 0 && (
          <Form.Item name="period" label={t('disclosure.form.period')}>
            <Select allowClear options={periods} />
          </Form.Item>
        )}
        {!itemId && (
          <Form.Item name="category" label={t('disclosure.form.category')}>
            <Select allowClear options={labelOptions(disclosureCategories, disclosureCategoryLabels, label)} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('disclosure.form.title')} rules={[{ required: true, max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="body" label={t('disclosure.form.body')} extra={t('disclosure.form.bodyHint')} rules={[{ required: true, max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <PersonalDataCheck title={title} body={body} onMaskAll={maskAll} />
        </div>
        <Form.Item name="channels" label={t('disclosure.form.channels')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={labelOptions(disclosureChannels, disclosureChannelLabels, label)} />
        </Form.Item>
        {kind === 'public_notice' && (
          <Form.Item name="objectionDays" label={t('disclosure.form.objectionDays')}>
            <InputNumber min={MIN_OBJECTION_DAYS} max={60} />
          </Form.Item>
        )}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Space wrap>
          <Button onClick={() => save(false)} loading={busy}>
            {t('disclosure.form.save')}
          </Button>
          <Button type="primary" onClick={() => save(true)} loading={busy}>
            {t('disclosure.detail.submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
