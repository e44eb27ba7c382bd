import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, List, Row, Space, Spin, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { covenantVersionKindLabels, type VersionSummary } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { ArticlesView } from './articles-view.js';
import { type CovenantTabProps } from './covenant-bits.js';
import { covenantApi } from './covenant-api.js';
import { VersionDiff } from './version-diff.js';
import { VersionEditor } from './version-editor.js';

/** The versions, newest first, each with its kind, changelog and author; the shown one is marked. */
function VersionList({ versions, shown, currentId, onPick }: { versions: VersionSummary[]; shown: string | null; currentId: string | null; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const newest = [...versions].sort((a, b) => b.number - a.number);
  return (
    <List
      size="small"
      aria-label={t('covenant.versions.list')}
      dataSource={newest}
      locale={{ emptyText: <Empty description={t('covenant.versions.empty')} /> }}
      renderItem={(v) => (
        <List.Item className={v.id === shown ? 'gz-cov-version-shown' : undefined}>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap size={4}>
              <Button type="link" size="small" style={{ padding: 0 }} aria-current={v.id === shown} onClick={() => onPick(v.id)}>
                {t('covenant.versions.numbered', { number: v.number })}
              </Button>
              <Tag>{label(covenantVersionKindLabels[v.kind])}</Tag>
              {v.id === currentId && <Tag color="red">{t('covenant.versions.current')}</Tag>}
            </Space>
            <Typography.Text type="secondary">
              {t('covenant.versions.meta', { at: formatDateTime(v.createdAt), by: v.createdByName ?? '—', articles: v.articleCount })}
            </Typography.Text>
            {v.changelog && <Typography.Paragraph className="gz-cov-pre" style={{ margin: 0 }}>{v.changelog}</Typography.Paragraph>}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 文本与版本: the text by chapter and article with its reception, the versions, a new-version editor and a diff. */
export function TextTab({ c, reload }: CovenantTabProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const shownId = picked ?? c.currentVersionId;
  const version = useLoaded(shownId ?? '', (signal) => (shownId ? covenantApi.version(c.id, shownId, signal) : Promise.resolve(null)));
  // A revision starts from the current text; the editor waits for it so its first keystroke is not lost.
  const canWrite = c.can.manage && (c.phase === 'drafting' || c.phase === 'revision');
  const baseId = canWrite ? c.currentVersionId : null;
  const current = useLoaded(`${baseId}`, (signal) => (baseId ? covenantApi.version(c.id, baseId, signal) : Promise.resolve(null)));
  const shown = version.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {canWrite && !editing && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(true)} disabled={current.loading}>
          {t('covenant.editor.open')}
        </Button>
      )}
      {!canWrite && c.can.manage && <Typography.Text type="secondary">{t('covenant.editor.closed')}</Typography.Text>}
      {editing && (
        <VersionEditor
          c={c}
          base={current.data}
          onCancel={() => setEditing(false)}
          onCreated={(v) => {
            setEditing(false);
            setPicked(v.id);
            reload();
          }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={shown ? t('covenant.text.shownTitle', { number: shown.number }) : t('covenant.text.title')}
            extra={shown && shown.id !== c.currentVersionId && (
              <Button size="small" onClick={() => setPicked(null)}>
                {t('covenant.text.backToCurrent')}
              </Button>
            )}
          >
            {version.error ? <Alert type="error" showIcon title={errorText(version.error)} /> : null}
            {!shownId ? (
              <Empty description={t('covenant.versions.empty')} />
            ) : version.loading && !shown ? (
              <Spin />
            ) : shown ? (
              <ArticlesView articles={shown.articles} counts />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('covenant.versions.title')}>
            <VersionList versions={c.versions} shown={shownId} currentId={c.currentVersionId} onPick={setPicked} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('covenant.diff.title')}>
        <VersionDiff key={c.versions.length} covenantId={c.id} versions={c.versions} />
      </Card>
    </Space>
  );
}
