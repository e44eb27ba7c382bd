import { useMemo } from 'react';
import { Card, Empty, Space, Spin, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HotspotsView } from '@gongzhi/shared';

type Building = HotspotsView['buildings'][number];
type Estate = HotspotsView['estates'][number] & { buildings: Building[] };
type Grid = HotspotsView['grids'][number] & { estates: Estate[] };

const STEPS = 4;
/** 0 for no request, else 1–4 by the share of the largest count. */
const levelOf = (count: number, max: number) => (count === 0 || max === 0 ? 0 : Math.min(STEPS, Math.ceil((count * STEPS) / max)));

/** The legend's ranges, leaving out steps no whole count falls in. */
function legendSteps(max: number): { level: number; lo: number; hi: number }[] {
  const steps = [{ level: 0, lo: 0, hi: 0 }];
  for (let k = 1; k <= STEPS; k++) {
    const lo = Math.floor(((k - 1) * max) / STEPS) + 1;
    const hi = Math.floor((k * max) / STEPS);
    if (lo <= hi) steps.push({ level: k, lo, hi });
  }
  return steps;
}

/** Grids → estates → buildings, in the order the server gave (the place tree's). */
function nest(v: HotspotsView): { communityName: string | null; grids: Grid[] }[] {
  const byEstate = new Map<string, Building[]>();
  for (const b of v.buildings) byEstate.set(b.estateId, [...(byEstate.get(b.estateId) ?? []), b]);
  const byGrid = new Map<string, Estate[]>();
  for (const e of v.estates) byGrid.set(e.gridId, [...(byGrid.get(e.gridId) ?? []), { ...e, buildings: byEstate.get(e.id) ?? [] }]);
  const several = v.communities.length > 1;
  return v.communities.map((c) => ({
    communityName: several ? c.name : null,
    grids: v.grids.filter((g) => g.communityId === c.id).map((g) => ({ ...g, estates: byGrid.get(g.id) ?? [] })),
  }));
}

interface Props {
  data: HotspotsView | null;
  loading: boolean;
  /** Open the request queue at this building. */
  onPick: (buildingId: string) => void;
}

/** Every building as a cell coloured by its request count, blocked by estate within grid: no map tiles needed. */
export function HotspotsCard({ data, loading, onPick }: Props) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const groups = useMemo(() => (data ? nest(data) : []), [data]);
  const max = data?.max ?? 0;

  const tip = (b: Building, estate: string) => (
    <div>
      <div>
        <strong>
          {estate} {b.name}
        </strong>
      </div>
      <div>{t('analysis.hotspots.count', { count: b.count })}</div>
      {b.topCategory && (
        <div>{t('analysis.hotspots.top', { name: english ? b.topCategory.nameEn : b.topCategory.nameZh, count: b.topCategory.count })}</div>
      )}
    </div>
  );

  return (
    <Card size="small" title={t('analysis.hotspots.title')} extra={<Legend max={max} />}>
      {!data ? (
        <Spin />
      ) : data.buildings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analysis.hotspots.noBuildings')} />
      ) : (
        <Spin spinning={loading}>
          <Typography.Paragraph type="secondary">{t('analysis.hotspots.hint')}</Typography.Paragraph>
          {groups.map((c, ci) => (
            <section key={ci} className="gz-hot-community">
              {c.communityName && <Typography.Title level={5}>{c.communityName}</Typography.Title>}
              <div className="gz-hot-grids">
                {c.grids.map((g) => (
                  <section key={g.id} className="gz-hot-grid" aria-label={g.name}>
                    <div className="gz-hot-grid-head">
                      <strong>{g.name}</strong> <Typography.Text type="secondary">{t('analysis.hotspots.count', { count: g.count })}</Typography.Text>
                    </div>
                    {g.estates.map((e) => (
                      <div key={e.id} className="gz-hot-estate">
                        <div className="gz-hot-estate-name">
                          {e.name} <Typography.Text type="secondary">({e.count})</Typography.Text>
                        </div>
                        <div className="gz-hot-cells">
                          {e.buildings.map((b) => (
                            <Tooltip key={b.id} title={tip(b, e.name)}>
                              <button
                                type="button"
                                className={`gz-hot-cell gz-hot-${levelOf(b.count, max)}`}
                                aria-label={t('analysis.hotspots.cell', { name: `${e.name} ${b.name}`, count: b.count })}
                                onClick={() => onPick(b.id)}
                              >
                                <span className="gz-hot-cell-name">{b.name}</span>
                                <span className="gz-hot-cell-count">{b.count}</span>
                              </button>
                            </Tooltip>
                          ))}
                        </div>
                      </div>
                    ))}
                  </section>
                ))}
              </div>
            </section>
          ))}
          {data.unplaced > 0 && <Typography.Paragraph type="secondary">{t('analysis.hotspots.unplaced', { count: data.unplaced })}</Typography.Paragraph>}
        </Spin>
      )}
    </Card>
  );
}

function Legend({ max }: { max: number }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap aria-label={t('analysis.hotspots.legend')}>
      {legendSteps(max).map((s) => (
        <span key={s.level} className="gz-hot-legend">
          <span className={`gz-hot-swatch gz-hot-${s.level}`} aria-hidden />
          {s.lo === s.hi ? s.lo : `${s.lo}–${s.hi}`}
        </span>
      ))}
    </Space>
  );
}
