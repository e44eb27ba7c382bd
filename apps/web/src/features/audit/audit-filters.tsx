import { useEffect, useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { auditApi, type AuditFilter } from './audit-api.js';
import { actionLabel, targetTypeLabel } from './audit-labels.js';

interface Values {
  action?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const targetTypes = ['place', 'user', 'resident', 'household', 'correction_request', 'organisation', 'membership', 'party_member', 'import_job', 'export'];

/** Filter by action, target and time; the actions come from the log itself. */
export function AuditFilters({ onChange }: { onChange: (f: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [actions, setActions] = useState<string[]>([]);

  useEffect(() => {
    auditApi.actions().then(
      (r) => setActions(r.items),
      () => setActions([]),
    );
  }, []);

  const apply = (v: Values) =>
    onChange({
      action: v.action || undefined,
      targetType: v.targetType || undefined,
      targetId: v.targetId?.trim() || undefined,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });

  return (
    <Form<Values> name="audit-filter" form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 12 }}>
      <Form.Item name="action" label={t('audit.filters.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filters.anyAction')}
          style={{ width: 200 }}
          options={actions.map((a) => ({ value: a, label: actionLabel(t, a) }))}
        />
      </Form.Item>
      <Form.Item name="targetType" label={t('audit.filters.targetType')}>
        <Select
          allowClear
          placeholder={t('audit.filters.anyTargetType')}
          style={{ width: 140 }}
          options={targetTypes.map((v) => ({ value: v, label: targetTypeLabel(t, v) }))}
        />
      </Form.Item>
      <Form.Item name="targetId" label={t('audit.filters.targetId')}>
        <Input allowClear style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.filters.range')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('audit.filters.apply')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('audit.filters.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
