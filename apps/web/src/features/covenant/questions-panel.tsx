import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ArticleView, CovenantView, QuestionView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { CountBar, numeral } from './covenant-bits.js';
import { covenantApi } from './covenant-api.js';

interface Values {
  text: string;
  articleId?: string;
  options: string[];
  multiple: boolean;
}

/** A question with options for the current version, optionally about one article. */
function QuestionForm({ c, articles, onAdded }: { c: CovenantView; articles: ArticleView[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    if (!c.currentVersionId) return;
    setBusy(true);
    setError(null);
    try {
      await covenantApi.addQuestion(c.id, {
        versionId: c.currentVersionId,
        articleId: v.articleId,
        text: v.text.trim(),
        options: v.options.map((o) => o.trim()),
        multiple: v.multiple,
      });
      form.resetFields();
      message.success(t('covenant.questions.added'));
      onAdded();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const optionRule = { required: true, whitespace: true, max: 100, message: t('covenant.questions.optionRule') };
  return (
    <Card size="small" title={t('covenant.questions.add')}>
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ options: ['', ''], multiple: false }} onFinish={submit}>
        <Form.Item name="text" label={t('covenant.questions.text')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('covenant.questions.textRule') }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="articleId" label={t('covenant.questions.article')}>
          <Select allowClear placeholder={t('covenant.comments.whole')} options={articles.map((a) => ({ value: a.id, label: t('covenant.text.article', { number: numeral(a.number) }) }))} />
        </Form.Item>
        <Form.List name="options">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} className="gz-cov-option-row">
                  <Form.Item name={f.name} rules={[optionRule]} style={{ flex: 1 }}>
                    <Input maxLength={100} aria-label={t('covenant.questions.option', { number: i + 1 })} placeholder={t('covenant.questions.option', { number: i + 1 })} />
                  </Form.Item>
                  {fields.length > 2 && (
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('covenant.questions.removeOption', { number: i + 1 })} onClick={() => remove(f.name)} />
                  )}
                </div>
              ))}
              {fields.length < 8 && (
                <Form.Item>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                    {t('covenant.questions.addOption')}
                  </Button>
                </Form.Item>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="multiple" valuePropName="checked">
          <Checkbox>{t('covenant.questions.multiple')}</Checkbox>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('covenant.questions.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** One question's result: each option's count as a bar scaled to the respondents. */
function QuestionResult({ q, articles }: { q: QuestionView; articles: ArticleView[] }) {
  const { t } = useTranslation();
  const article = articles.find((a) => a.id === q.articleId);
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap size={4}>
        <Typography.Text strong>{q.text}</Typography.Text>
        {article && <Tag>{t('covenant.text.article', { number: numeral(article.number) })}</Tag>}
        <Tag>{q.multiple ? t('covenant.questions.multipleTag') : t('covenant.questions.singleTag')}</Tag>
        <Typography.Text type="secondary">{t('covenant.questions.respondents', { count: q.respondents })}</Typography.Text>
      </Space>
      {q.options.map((o, i) => (
        <CountBar key={i} value={o.count} max={Math.max(1, q.respondents)} color="#1677ff" label={o.text} />
      ))}
    </Space>
  );
}

/** 问卷: the questions put to residents about the current version, their results, and a way to add one. */
export function QuestionsPanel({ c }: { c: CovenantView }) {
  const { t } = useTranslation();
  const versionId = c.currentVersionId;
  const list = useLoaded(`${versionId}`, (signal) => covenantApi.questions(c.id, versionId ?? undefined, signal));
  const version = useLoaded(`${versionId}`, (signal) => (versionId ? covenantApi.version(c.id, versionId, signal) : Promise.resolve(null)));
  const articles = version.data?.articles ?? [];
  const canAdd = c.can.manage && !!versionId && (c.phase === 'drafting' || c.phase === 'consultation');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <List
        aria-label={t('covenant.questions.list')}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('covenant.questions.empty')} /> }}
        renderItem={(q) => (
          <List.Item>
            <QuestionResult q={q} articles={articles} />
          </List.Item>
        )}
      />
      {canAdd && <QuestionForm c={c} articles={articles} onAdded={list.reload} />}
    </Space>
  );
}
