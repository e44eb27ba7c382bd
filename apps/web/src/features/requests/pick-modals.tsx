import { useEffect, useRef, useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { handlingStatuses, urgencies, urgencyLabels, type RequestSummary, type Urgency } from '@gongzhi/shared';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { requestsApi } from './requests-api.js';
import { useModalForm } from './use-modal-form.js';
import { useCategories } from './use-request-meta.js';

interface PickProps<V> {
  open: boolean;
  onSubmit: (v: V) => Promise<void>;
  onClose: () => void;
}

/** 更正分类: pick another category from the community's taxonomy; the choice becomes a training label. */
export function ClassifyModal({ open, current, onSubmit, onClose }: PickProps<string> & { current: string | null }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const m = useModalForm<{ categoryId: string }>((v) => onSubmit(v.categoryId), onClose);
  return (
    <Modal open={open} title={t('requests.classify.title')} okText={t('actions.save')} cancelText={t('actions.cancel')} okButtonProps={{ loading: m.busy }} onOk={() => m.form.submit()} onCancel={() => m.close()} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('requests.classify.hint')}</Typography.Paragraph>
      <Form name="request-classify" form={m.form} layout="vertical" onFinish={m.submit} initialValues={{ categoryId: current ?? undefined }}>
        <Form.Item name="categoryId" label={t('requests.fields.category')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select<string>
            aria-label={t('requests.fields.category')}
            loading={categories.loading}
            showSearch={{ optionFilterProp: 'label' }}
            options={categories.items.filter((c) => !c.retired).map((c) => ({ value: c.id, label: i18n.language === 'en-US' ? c.nameEn : c.nameZh }))}
          />
        </Form.Item>
      </Form>
      {m.error && <Alert type="error" showIcon title={m.error} role="alert" />}
    </Modal>
  );
}

/** 调整紧急程度: the deadlines are computed again from when the request came in. */
export function UrgencyModal({ open, current, onSubmit, onClose }: PickProps<{ urgency: Urgency; reason?: string }> & { current: Urgency }) {
  const { t } = useTranslation();
  const label = useLabel();
  const m = useModalForm<{ urgency: Urgency; reason?: string }>((v) => onSubmit({ urgency: v.urgency, reason: v.reason?.trim() || undefined }), onClose);
  return (
    <Modal open={open} title={t('requests.urgency.title')} okText={t('actions.save')} cancelText={t('actions.cancel')} okButtonProps={{ loading: m.busy }} onOk={() => m.form.submit()} onCancel={() => m.close()} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('requests.urgency.hint')}</Typography.Paragraph>
      <Form name="request-urgency" form={m.form} layout="vertical" onFinish={m.submit} initialValues={{ urgency: current }}>
        <Form.Item name="urgency" label={t('requests.fields.urgency')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select<Urgency> options={labelOptions(urgencies, urgencyLabels, label)} />
        </Form.Item>
        <Form.Item name="reason" label={t('requests.urgency.reason')} rules={[{ min: 2, message: t('requests.actions.minChars', { min: 2 }) }, { max: 500, message: t('validation.tooLong') }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      {m.error && <Alert type="error" showIcon title={m.error} role="alert" />}
    </Modal>
  );
}

/** 合并: find the other open request by its number or words, and merge this one into it. */
export function MergeModal({ open, requestId, onSubmit, onClose }: PickProps<string> & { requestId: string }) {
  const { t } = useTranslation();
  const m = useModalForm<{ intoId: string }>((v) => onSubmit(v.intoId), onClose);
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<RequestSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const idRef = useRef(requestId);
  idRef.current = requestId;
  useEffect(() => {
    if (!open) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      requestsApi
        .list({ q: search.trim() || undefined, status: handlingStatuses.join(','), limit: 20, offset: 0 }, ctl.signal)
        .then((r) => !ctl.signal.aborted && setItems(r.items.filter((i) => i.id !== idRef.current)))
        .catch(() => undefined)
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [search, open]);
  return (
    <Modal open={open} title={t('requests.merge.title')} okText={t('requests.merge.submit')} cancelText={t('actions.cancel')} okButtonProps={{ loading: m.busy, danger: true }} onOk={() => m.form.submit()} onCancel={() => m.close()} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('requests.merge.hint')}</Typography.Paragraph>
      <Form name="request-merge" form={m.form} layout="vertical" onFinish={m.submit}>
        <Form.Item name="intoId" label={t('requests.merge.target')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select<string>
            aria-label={t('requests.merge.target')}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={loading}
            placeholder={t('requests.merge.placeholder')}
            notFoundContent={loading ? t('states.loading') : t('states.empty')}
            options={items.map((i) => ({ value: i.id, label: `${i.number} · ${i.title}` }))}
          />
        </Form.Item>
      </Form>
      {m.error && <Alert type="error" showIcon title={m.error} role="alert" />}
    </Modal>
  );
}
