import { useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Form, Grid, Input, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  requestChannelLabels,
  requestKindLabels,
  requestKinds,
  staffChannels,
  urgencies,
  urgencyLabels,
  type CategoryView,
  type CreateRequestBody,
  type FileView,
  type RequestKind,
  type ResidentView,
  type Urgency,
} from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { ResidentPicker } from '../organisations/person-pickers.js';
import { PlacePicker } from '../places/place-picker.js';
import { PhotoUpload } from './photo-upload.js';
import { requestsApi } from './requests-api.js';
import { SimilarRequests } from './similar-requests.js';

type Channel = (typeof staffChannels)[number];

interface Values {
  channel?: Channel;
  who: 'resident' | 'contact';
  residentId?: string;
  contactName?: string;
  contactPhone?: string;
  useHome: boolean;
  placeId?: string;
  kind: RequestKind;
  urgency?: Urgency | '';
  categoryId?: string;
  title?: string;
  text?: string;
  photos: FileView[];
  anonymous: boolean;
}

const known = ['channel', 'residentId', 'contactName', 'contactPhone', 'placeId', 'kind', 'urgency', 'categoryId', 'title', 'text', 'photoIds'];

/** 登记诉求: staff enter a request heard by phone, on a visit, at the desk … for a resident. */
export function IntakeDrawer({
  open,
  categories,
  onClose,
}: {
  open: boolean;
  /** The community's taxonomy, already loaded by the queue. */
  categories: CategoryView[];
  onClose: (created?: { id: string; number: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [resident, setResident] = useState<ResidentView | null>(null);
  const who = Form.useWatch('who', form);
  const useHome = Form.useWatch('useHome', form);
  const text = Form.useWatch('text', form) ?? '';
  const placeId = Form.useWatch('placeId', form);
  const home = who === 'resident' && resident?.placeId ? resident : null;

  const close = (created?: { id: string; number: string }) => {
    form.resetFields();
    setResident(null);
    setError(null);
    onClose(created);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body: CreateRequestBody = {
      channel: v.channel,
      kind: v.kind,
      text: v.text!.trim(),
      title: v.title?.trim() || undefined,
      placeId: home && v.useHome ? (home.placeId ?? undefined) : v.placeId,
      urgency: v.urgency || undefined,
      categoryId: v.categoryId || undefined,
      photoIds: v.photos.map((p) => p.id),
      anonymous: v.anonymous,
      ...(v.who === 'resident' ? { residentId: v.residentId } : { contactName: v.contactName?.trim(), contactPhone: v.contactPhone?.trim() || undefined }),
    };
    try {
      close(await requestsApi.create(body));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => known.includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <Drawer
      open={open}
      title={t('requests.intake.title')}
      size={screens.md ? 680 : '100%'}
      onClose={() => close()}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('requests.intake.submit')}
          </Button>
          <Button onClick={() => close()}>{t('actions.cancel')}</Button>
        </Space>
      }
    >
      <Form<Values>
        name="request-intake"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark
        initialValues={{ who: 'resident', kind: 'help', urgency: '', useHome: true, photos: [], anonymous: false }}
      >
        <Form.Item name="channel" label={t('requests.fields.channel')} rules={[required]}>
          <Select<Channel>
            options={labelOptions(staffChannels, requestChannelLabels, label)}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('requests.intake.channelPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="who" label={t('requests.intake.who')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'resident', label: t('requests.intake.fromRegister') },
              { value: 'contact', label: t('requests.intake.byContact') },
            ]}
          />
        </Form.Item>
        {who === 'contact' ? (
          <Space wrap size="middle">
            <Form.Item name="contactName" label={t('requests.fields.contactName')} rules={[required, { max: 100, message: t('validation.tooLong') }]}>
              <Input maxLength={100} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('requests.fields.contactPhone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('validation.phone') }]}>
              <Input inputMode="numeric" maxLength={11} style={{ width: 200 }} />
            </Form.Item>
          </Space>
        ) : (
          <Form.Item name="residentId" label={t('requests.fields.resident')} rules={[required]}>
            <ResidentPicker aria-label={t('requests.fields.resident')} onChange={(_id, picked) => setResident(picked ?? null)} />
          </Form.Item>
        )}
        {home && (
          <Form.Item name="useHome" valuePropName="checked" style={{ marginTop: -8 }}>
            <Checkbox>{t('requests.intake.useHome', { place: home.placeLabel })}</Checkbox>
          </Form.Item>
        )}
        {!(home && useHome) && (
          <Form.Item name="placeId" label={t('requests.fields.place')} extra={t('requests.intake.placeHint')}>
            <PlacePicker kinds={['community', 'grid', 'estate', 'building', 'entrance', 'dwelling']} aria-label={t('requests.fields.place')} />
          </Form.Item>
        )}
        <Space wrap size="middle" style={{ width: '100%' }}>
          <Form.Item name="kind" label={t('requests.fields.kind')} rules={[required]}>
            <Select<RequestKind> options={labelOptions(requestKinds, requestKindLabels, label)} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="urgency" label={t('requests.fields.urgency')}>
            <Select<Urgency | ''>
              options={[{ value: '', label: t('requests.intake.urgencyByCategory') }, ...labelOptions(urgencies, urgencyLabels, label)]}
              style={{ width: 170 }}
            />
          </Form.Item>
          <Form.Item name="categoryId" label={t('requests.fields.category')}>
            <Select<string>
              allowClear
              placeholder={t('requests.intake.categoryAuto')}
              options={categories.filter((c) => !c.retired).map((c) => ({ value: c.id, label: i18n.language === 'en-US' ? c.nameEn : c.nameZh }))}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
            />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('requests.fields.title')} extra={t('requests.intake.titleHint')} rules={[{ max: 60, message: t('validation.tooLong') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('requests.fields.text')}
          rules={[required, { min: 5, whitespace: true, message: t('requests.intake.textMin') }, { max: 2000, message: t('validation.tooLong') }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('requests.intake.textPlaceholder')} />
        </Form.Item>
        <SimilarRequests
          text={text}
          placeId={home && useHome ? (home.placeId ?? undefined) : placeId}
          onOpen={(id) => {
            close();
            navigate(`/console/requests/${id}`);
          }}
        />
        <Form.Item name="photos" label={t('requests.fields.photos')}>
          <PhotoUpload />
        </Form.Item>
        <Form.Item name="anonymous" valuePropName="checked" extra={t('requests.intake.anonymousHint')}>
          <Checkbox>{t('requests.fields.anonymous')}</Checkbox>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('requests.intake.footerHint')}
      </Typography.Paragraph>
    </Drawer>
  );
}
