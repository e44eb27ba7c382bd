import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { deliberationManagerRoles } from '@gongzhi/shared';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { LinkButton } from '../../console/link-button.js';
import { CommunityField } from '../places/community-field.js';
import { useSession } from '../session/session-context.js';
import { proactiveApi } from '../requests/requests-api.js';
import { topicsApi } from './topics-api.js';

interface Values {
  communityId: string;
  title: string;
  description: string;
}

/**
 * 发起议题 (`/console/deliberation/topics/new`): staff open a topic; with `?case=` it gathers a proactive case's
 * requests, and the case's title and requests seed the form.
 */
export default function TopicNewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const [params] = useSearchParams();
  const caseId = params.get('case');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const found = useLoaded(caseId ?? '', async () => {
    if (!caseId) return null;
    const c = (await proactiveApi.cases()).items.find((x) => x.id === caseId) ?? null;
    if (c && !form.isFieldTouched('title')) {
      form.setFieldsValue({ title: c.title, description: c.requests.map((r) => `${r.number} ${r.title}`).join('\n') });
    }
    return c;
  });

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const topic = await topicsApi.propose({ communityId: v.communityId, title: v.title, description: v.description, ...(caseId ? { proactiveCaseId: caseId } : {}) });
      message.success(t('topics.create.created'));
      navigate(`/console/deliberation/topics/${topic.id}`, { replace: true });
    } catch (e) {
      const fields = formFieldErrors(e, (n) => n[0] === 'title' || n[0] === 'description');
      if (fields.length) form.setFields(fields);
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Card title={t('topics.create.pageTitle')} extra={<LinkButton to="/console/deliberation/topics">{t('topics.detail.back')}</LinkButton>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
        {found.data && <Alert type="info" showIcon title={t('topics.create.fromCase', { title: found.data.title, count: found.data.requests.length })} />}
        {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
          <CommunityField me={me} roles={deliberationManagerRoles} />
          <Form.Item name="title" label={t('topics.fields.title')} rules={[{ required: true, min: 4, max: 120 }]}>
            <Input placeholder={t('topics.fields.titlePlaceholder')} maxLength={120} />
          </Form.Item>
          <Form.Item name="description" label={t('topics.fields.description')} rules={[{ required: true, min: 10, max: 4000 }]}>
            <Input.TextArea rows={6} placeholder={t('topics.fields.descriptionPlaceholder')} maxLength={4000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('topics.create.submit')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
