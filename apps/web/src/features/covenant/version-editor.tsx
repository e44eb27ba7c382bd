import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isCovenantMarkdownFailure, parseCovenantMarkdown, type CovenantView, type VersionView } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { ArticlesView } from './articles-view.js';
import { mentionsPenalty } from './covenant-bits.js';
import { covenantApi } from './covenant-api.js';

interface Values {
  markdown: string;
  changelog?: string;
}

/** The live preview: the shared parser the server stores with, so what is shown here is what will be stored. */
function MarkdownPreview({ markdown }: { markdown: string }) {
  const { t } = useTranslation();
  const parsed = useMemo(() => (markdown.trim() ? parseCovenantMarkdown(markdown) : null), [markdown]);
  if (!parsed) return <Typography.Text type="secondary">{t('covenant.editor.previewEmpty')}</Typography.Text>;
  if (isCovenantMarkdownFailure(parsed))
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('covenant.editor.parseError', { line: parsed.line })}
        description={t(`covenant.editor.errors.${parsed.error}`, { expected: parsed.expected, found: parsed.found })}
      />
    );
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text type="secondary" aria-live="polite">
        {t('covenant.editor.parsed', { chapters: parsed.chapters.length, articles: parsed.articles.length })}
      </Typography.Text>
      {parsed.preamble && <Typography.Paragraph className="gz-cov-pre gz-cov-preamble">{parsed.preamble}</Typography.Paragraph>}
      <ArticlesView articles={parsed.articles} counts={false} />
    </Space>
  );
}

interface Props {
  c: CovenantView;
  /** The current version, whose text a revision starts from. */
  base: VersionView | null;
  onCreated: (v: VersionView) => void;
  onCancel: () => void;
}

/** 新版本: Markdown on the left, the chapters and articles it parses into on the right, and the changelog. */
export function VersionEditor({ c, base, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const markdown = Form.useWatch('markdown', form) ?? base?.markdown ?? '';
  const deferred = useDeferredValue(markdown);
  const needsChangelog = c.versions.length > 0;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const created = await covenantApi.createVersion(c.id, { markdown: v.markdown, changelog: v.changelog?.trim() || undefined });
      message.success(t('covenant.editor.saved', { number: created.number }));
      onCreated(created);
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => n[0] === 'markdown' || n[0] === 'changelog'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('covenant.editor.title', { number: c.versions.length + 1 })}>
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ markdown: base?.markdown ?? '' }} onFinish={submit}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item
              name="markdown"
              label={t('covenant.editor.markdown')}
              extra={t('covenant.editor.markdownHint')}
              rules={[{ required: true, whitespace: true, min: 10, max: 100_000, message: t('covenant.editor.markdownRule') }]}
            >
              <Input.TextArea className="gz-cov-editor" rows={22} spellCheck={false} placeholder={t('covenant.editor.placeholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <div className="gz-cov-preview" aria-label={t('covenant.editor.preview')} role="region">
              <Typography.Text strong>{t('covenant.editor.preview')}</Typography.Text>
              {mentionsPenalty(deferred) && (
                <Alert type="warning" showIcon style={{ margin: '8px 0' }} title={t('covenant.editor.penaltyWarning')} />
              )}
              <MarkdownPreview markdown={deferred} />
            </div>
          </Col>
        </Row>
        <Form.Item
          name="changelog"
          label={t('covenant.editor.changelog')}
          extra={needsChangelog ? t('covenant.editor.changelogHint') : t('covenant.editor.changelogFirst')}
          rules={needsChangelog ? [{ required: true, whitespace: true, min: 2, max: 4000, message: t('covenant.editor.changelogRule') }] : []}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('covenant.editor.submit')}
          </Button>
          <Button onClick={onCancel}>{t('covenant.common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
