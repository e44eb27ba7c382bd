import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Popconfirm, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { PlacePicker } from '../places/place-picker.js';
import { requestAdminApi, type RoutingRule } from './requests-api.js';
import { useAssigneeOptions } from './use-assignee-options.js';
import { useCategories } from './use-request-meta.js';

interface Values {
  categoryId: string;
  placeId?: string;
  assignee: string;
}

/** 派单规则: category × place → who gets it; the most specific place wins, no place means the whole community. */
export function RoutingRulesTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const categories = useCategories();
  const assignees = useAssigneeOptions(true);
  const [rules, setRules] = useState<RoutingRule[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const nameOf = (id: string) => {
    const c = categories.items.find((x) => x.id === id);
    return c ? (i18n.language === 'en-US' ? c.nameEn : c.nameZh) : id;
  };

  const load = useCallback(() => {
    setLoading(true);
    requestAdminApi
      .rules()
      .then((r) => (setRules(r.items), setError(null)))
      .catch((e: unknown) => setError(e))
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);

  const add = async (v: Values) => {
    const [kind, id] = v.assignee.split(':') as ['user' | 'organisation', string];
    setBusy(true);
    try {
      await requestAdminApi.createRule({ categoryId: v.categoryId, placeId: v.placeId ?? null, kind, ...(kind === 'user' ? { userId: id } : { organisationId: id }) });
      message.success(t('requests.settings.rules.added'));
      form.resetFields();
      load();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (rule: RoutingRule) => {
    try {
      await requestAdminApi.deleteRule(rule.id);
      load();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const group = (kind: 'user' | 'organisation') => assignees.options.filter((o) => o.kind === kind).map((o) => ({ value: o.key, label: o.name }));

  return (
    <>
      <Typography.Paragraph type="secondary">{t('requests.settings.rules.hint')}</Typography.Paragraph>
      <Form<Values> name="routing-rule" form={form} layout="inline" onFinish={add} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="categoryId" rules={[{ required: true, message: t('validation.required') }]}>
          <Select<string>
            aria-label={t('requests.fields.category')}
            placeholder={t('requests.fields.category')}
            showSearch={{ optionFilterProp: 'label' }}
            options={categories.items.filter((c) => !c.retired).map((c) => ({ value: c.id, label: nameOf(c.id) }))}
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item name="placeId" style={{ width: 220 }}>
          <PlacePicker kinds={['grid', 'estate', 'building']} aria-label={t('requests.settings.rules.place')} placeholder={t('requests.settings.rules.wholeCommunity')} />
        </Form.Item>
        <Form.Item name="assignee" rules={[{ required: true, message: t('validation.required') }]}>
          <Select<string>
            aria-label={t('requests.settings.rules.assignee')}
            placeholder={t('requests.settings.rules.assignee')}
            loading={assignees.loading}
            disabled={assignees.loading && assignees.options.length === 0}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { label: t('requests.dispatch.people'), options: group('user') },
              { label: t('requests.dispatch.organisations'), options: group('organisation') },
            ]}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy}>
            {t('requests.settings.rules.add')}
          </Button>
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      <Table<RoutingRule>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rules}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { key: 'category', title: t('requests.fields.category'), dataIndex: 'categoryId', render: (id: string) => nameOf(id) },
          { key: 'place', title: t('requests.settings.rules.place'), dataIndex: 'placeName', render: (v: string | null) => v ?? t('requests.settings.rules.wholeCommunity') },
          { key: 'assignee', title: t('requests.settings.rules.assignee'), dataIndex: 'assigneeName' },
          {
            key: 'actions',
            width: 100,
            title: t('requests.settings.actions'),
            render: (_: unknown, r) => (
              <Popconfirm title={t('requests.settings.rules.deleteConfirm')} okText={t('requests.settings.rules.delete')} cancelText={t('actions.cancel')} onConfirm={() => remove(r)}>
                <Button size="small" danger icon={<DeleteOutlined />}>
                  {t('requests.settings.rules.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
