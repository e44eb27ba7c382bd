import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReviewRoundBody, ReviewRoundView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { publicApi } from '../public/public-api.js';
import { useSession } from '../session/session-context.js';

interface Values {
  communityId?: string;
  title: string;
  period: string;
  dates: [Dayjs, Dayjs];
  services?: string;
}

/** The communities a subdistrict admin may pick from; staff of one community pick none. */
function useCommunityChoice() {
  const { me } = useSession();
  const own = new Set((me?.roles ?? []).filter((r) => r.role === 'community_admin' || r.role === 'community_staff').map((r) => r.placeId));
  const needs = own.size !== 1;
  const list = useLoaded(needs ? 'communities' : '', (signal) => (needs ? publicApi.communities(signal) : Promise.resolve({ items: [] })));
  return { needs, options: (list.data?.items ?? []).map((c) => ({ value: c.id, label: c.subdistrictName ? `${c.subdistrictName} ${c.name}` : c.name })) };
}

/** Create a draft round, or edit one: title, period, dates and the services (one per line). */
export function RoundForm({ round, onSaved, onCancel, save }: { round?: ReviewRoundView; onSaved: (r: ReviewRoundView) => void; onCancel?: () => void; save: (body: ReviewRoundBody) => Promise<ReviewRoundView> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const communities = useCommunityChoice();
  const initial: Partial<Values> = round
    ? {
        title: round.title,
        period: round.period,
        dates: [dayjs(round.opensAt), dayjs(round.closesAt)],
        services: round.subjects
          .filter((s) => s.kind === 'service')
          .map((s) => s.name)
          .join('\n'),
      }
    : {};

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const services = [...new Set((v.services ?? '').split('\n').map((s) => s.trim()).filter(Boolean))];
    try {
      const body: ReviewRoundBody = { title: v.title, period: v.period, opensAt: v.dates[0].toISOString(), closesAt: v.dates[1].toISOString(), services };
      if (!round && v.communityId) body.communityId = v.communityId;
      onSaved(await save(body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} requiredMark style={{ maxWidth: 640 }}>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      {!round && communities.needs && (
        <Form.Item name="communityId" label={t('reviews.form.community')} rules={[{ required: true }]}>
          <Select options={communities.options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('reviews.form.title')} rules={[{ required: true, min: 2, max: 80 }]}>
        <Input placeholder={t('reviews.form.titlePlaceholder')} maxLength={80} />
      </Form.Item>
      <Form.Item name="period" label={t('reviews.form.period')} rules={[{ required: true, min: 2, max: 40 }]}>
        <Input placeholder={t('reviews.form.periodPlaceholder')} maxLength={40} />
      </Form.Item>
      <Form.Item name="dates" label={`${t('reviews.form.opensAt')} – ${t('reviews.form.closesAt')}`} rules={[{ required: true }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="services" label={t('reviews.form.services')} extra={t('reviews.form.servicesHint')}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('reviews.form.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('reviews.form.cancel')}</Button>}
      </Space>
    </Form>
  );
}
