import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Space } from 'antd';
import { DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DateInput, today } from '../../console/date-input.js';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { dayOf, type CovenantTabProps } from './covenant-bits.js';
import { covenantApi, posterUrl, publicCovenantPath } from './covenant-api.js';

interface FilingValues {
  filedOn: string;
  reference: string;
}

/** The subdistrict records the filing: the date it was received and its reference number. */
function FilingForm({ c, onSaved }: Pick<CovenantTabProps, 'c' | 'onSaved'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilingValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: FilingValues) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await covenantApi.file(c.id, { filedOn: v.filedOn, reference: v.reference.trim() }));
      message.success(t('covenant.filing.saved'));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => n[0] === 'filedOn' || n[0] === 'reference'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('covenant.filing.record')}>
      <Form<FilingValues> form={form} layout="vertical" requiredMark={false} initialValues={{ filedOn: today() }} onFinish={submit} style={{ maxWidth: 420 }}>
        <Form.Item name="filedOn" label={t('covenant.filing.filedOn')} rules={[{ required: true, message: t('covenant.filing.filedOnRule') }]}>
          <DateInput past aria-label={t('covenant.filing.filedOn')} />
        </Form.Item>
        <Form.Item
          name="reference"
          label={t('covenant.filing.reference')}
          rules={[{ required: true, whitespace: true, min: 2, max: 120, message: t('covenant.filing.referenceRule') }]}
        >
          <Input maxLength={120} placeholder={t('covenant.filing.referencePlaceholder')} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('covenant.filing.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** Staff publish the filed covenant: the portal shows it and the poster can be printed. */
function PublishButton({ c, onSaved }: Pick<CovenantTabProps, 'c' | 'onSaved'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await covenantApi.publish(c.id));
      message.success(t('covenant.publication.done'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical">
      <Popconfirm title={t('covenant.publication.confirm')} okText={t('covenant.common.confirm')} cancelText={t('covenant.common.cancel')} onConfirm={publish}>
        <Button type="primary" loading={busy} icon={<GlobalOutlined />}>
          {t('covenant.publication.publish')}
        </Button>
      </Popconfirm>
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}

/** 备案与公布: the filing record, publishing, and once published the public page and the A3 / A4 poster. */
export function FilingTab({ c, onSaved }: CovenantTabProps) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('covenant.filing.filedOn')}>{c.filedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('covenant.filing.reference')}>{c.filingReference ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('covenant.list.published')}>{c.publishedAt ? dayOf(c.publishedAt) : '—'}</Descriptions.Item>
      </Descriptions>
      {c.phase === 'filing' && (c.can.file ? <FilingForm c={c} onSaved={onSaved} /> : <Alert type="info" showIcon title={t('covenant.filing.waiting')} />)}
      {c.phase === 'publication' &&
        (c.can.manage ? <PublishButton c={c} onSaved={onSaved} /> : <Alert type="info" showIcon title={t('covenant.publication.waiting')} />)}
      {c.publishedAt ? (
        <Card size="small" title={t('covenant.publication.published')}>
          <Space wrap>
            <Button href={publicCovenantPath(c.id)} target="_blank" rel="noopener" icon={<GlobalOutlined />}>
              {t('covenant.publication.publicPage')}
            </Button>
            <Button href={posterUrl(c.id, 'A3')} target="_blank" rel="noopener" icon={<DownloadOutlined />}>
              {t('covenant.publication.poster', { size: 'A3' })}
            </Button>
            <Button href={posterUrl(c.id, 'A4')} target="_blank" rel="noopener" icon={<DownloadOutlined />}>
              {t('covenant.publication.poster', { size: 'A4' })}
            </Button>
          </Space>
        </Card>
      ) : (
        c.phase !== 'filing' && c.phase !== 'publication' && <Alert type="info" showIcon title={t('covenant.publication.notYet')} />
      )}
    </Space>
  );
}
