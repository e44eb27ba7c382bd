import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Space, Statistic, Tag } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { covenantPhases, deliberationManagerRoles, pledgeRecorderRoles, type CoverageGrouping, type CoverageRow, type CovenantPhase } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { hasRole } from '../../console/module-access.js';
import { useSession } from '../session/session-context.js';
import { PledgeCoverageChart, rowLabel } from './coverage-chart.js';
import { NominationsPanel } from './nominations-panel.js';
import { PaperPledgeModal } from './paper-pledge-modal.js';
import { PledgeList } from './pledge-list.js';
import { pledgesApi } from './pledges-api.js';
import { UnreachedList } from './unreached-list.js';

export interface CovenantPledgesTabProps {
  covenantId: string;
  phase: CovenantPhase;
}

/**
 * 签字承诺 on the covenant's console page: coverage by building or grid (chart and totals), the households not
 * yet reached, the pledges with paper forms recorded and mistakes revoked, the printable poster, and
 * exemplary-household nominations. Every figure is the caller's part of the community (the server scopes it).
 */
export function CovenantPledgesTab({ covenantId, phase }: CovenantPledgesTabProps) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [by, setBy] = useState<CoverageGrouping>('building');
  const [picked, setPicked] = useState<CoverageRow | null>(null);
  const [changes, setChanges] = useState(0);
  const [paperFor, setPaperFor] = useState<{ householdId: string; address: string } | null | undefined>(undefined);
  const pledging = phase === 'pledging';
  const published = covenantPhases.indexOf(phase) >= covenantPhases.indexOf('pledging');
  const canRecord = pledging && hasRole(me, pledgeRecorderRoles);
  const canNominate = hasRole(me, deliberationManagerRoles);
  const coverage = useLoaded(`${covenantId}/${by}/${changes}`, (signal) => pledgesApi.coverage(covenantId, { by }, signal));
  const changed = () => setChanges((n) => n + 1);
  const byLabel = by === 'building' ? t('covenantPledges.coverage.byBuilding') : t('covenantPledges.coverage.byGrid');

  if (!pledging && !published) return <Alert type="info" showIcon title={t('covenantPledges.tab.notYet')} />;
  const data = coverage.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {canRecord && (
          <Button type="primary" onClick={() => setPaperFor(null)}>
            {t('covenantPledges.paper.open')}
          </Button>
        )}
        <Button icon={<FilePdfOutlined />} href={pledgesApi.posterUrl(covenantId, 'A3')} target="_blank" rel="noopener">
          {t('covenantPledges.tab.posterA3')}
        </Button>
        <Button icon={<FilePdfOutlined />} href={pledgesApi.posterUrl(covenantId, 'A4')} target="_blank" rel="noopener">
          {t('covenantPledges.tab.posterA4')}
        </Button>
      </Space>

      <Card
        size="small"
        title={t('covenantPledges.coverage.title')}
        extra={
          <Segmented<CoverageGrouping>
            value={by}
            onChange={(v) => {
              setBy(v);
              setPicked(null);
            }}
            options={[
              { value: 'building', label: t('covenantPledges.coverage.byBuilding') },
              { value: 'grid', label: t('covenantPledges.coverage.byGrid') },
            ]}
          />
        }
      >
        {coverage.error ? <Alert type="error" showIcon title={errorText(coverage.error)} /> : null}
        {data && (
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col xs={8}>
              <Statistic title={t('covenantPledges.coverage.households')} value={data.total.households} />
            </Col>
            <Col xs={8}>
              <Statistic title={t('covenantPledges.coverage.pledged')} value={data.total.pledged} />
            </Col>
            <Col xs={8}>
              <Statistic title={t('covenantPledges.coverage.rate')} value={data.total.rate} suffix="%" precision={1} />
            </Col>
          </Row>
        )}
        {data && data.rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('covenantPledges.coverage.empty')} />
        ) : data ? (
          <>
            <PledgeCoverageChart rows={data.rows} byLabel={byLabel} onPick={setPicked} />
            <Space wrap>
              <span className="gz-muted">{t('covenantPledges.coverage.pickHint')}</span>
              {picked && (
                <Tag closable onClose={() => setPicked(null)} color="red">
                  {rowLabel(picked)} · {picked.pledged}/{picked.households} · {picked.rate}%
                </Tag>
              )}
            </Space>
          </>
        ) : null}
      </Card>

      <UnreachedList
        covenantId={covenantId}
        placeId={picked?.placeId}
        reloadKey={changes}
        onRecord={canRecord ? (h) => setPaperFor(h) : undefined}
      />
      <PledgeList covenantId={covenantId} placeId={picked?.placeId} reloadKey={changes} onChanged={changed} />
      <NominationsPanel covenantId={covenantId} canNominate={canNominate} reloadKey={changes} />

      {paperFor !== undefined && (
        <PaperPledgeModal
          covenantId={covenantId}
          initial={paperFor}
          onClose={() => setPaperFor(undefined)}
          onSaved={() => {
            setPaperFor(undefined);
            changed();
          }}
        />
      )}
    </Space>
  );
}
