import { useEffect, useMemo, useState } from 'react';
import { Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { organisationKindLabels, placeKinds, type HouseholdView, type OrganisationKind, type PlaceKind, type PlaceTreeNode } from '@gongzhi/shared';
import { useLoaded } from '../../api/use-loaded.js';
import { useLabel } from '../../i18n/labels.js';
import { useOrganisations } from '../organisations/use-organisations.js';
import { placesApi } from '../places/places-api.js';
import { householdsApi } from '../registers/registers-api.js';
import { visitsApi } from './visits-api.js';

interface MultiProps {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  'aria-label'?: string;
}

interface Node {
  value: string;
  title: string;
  children?: Node[];
}

/** Keep nodes down to `kind`, dropping branches without any place of that kind (they would count as picks). */
function prune(nodes: PlaceTreeNode[], kind: PlaceKind): Node[] {
  const target = placeKinds.indexOf(kind);
  const out: Node[] = [];
  for (const n of nodes) {
    const at = placeKinds.indexOf(n.kind);
    if (at === target) out.push({ value: n.id, title: n.name });
    else if (at < target) {
      const children = prune(n.children, kind);
      if (children.length) out.push({ value: n.id, title: n.name, children });
    }
  }
  return out;
}

/** Pick several grids or buildings; ticking a grid or an estate ticks every building under it. */
export function PlaceMultiPicker({ kind, ...props }: MultiProps & { kind: 'grid' | 'building' }) {
  const { t } = useTranslation();
  // Deep enough for buildings from a subdistrict root; a grid worker's tree starts lower and ends sooner.
  const { data: tree, loading } = useLoaded(kind, () => placesApi.tree({ depth: kind === 'grid' ? 2 : 4 }).then((r) => prune(r.roots, kind)));
  const [expanded, setExpanded] = useState<string[]>([]);
  useEffect(() => {
    if (!tree) return;
    // Open everything above the estates, so grids (or estates, for buildings) show at once.
    const open: string[] = [];
    const visit = (ns: Node[], depth: number) => {
      for (const n of ns) {
        if (!n.children) continue;
        open.push(n.value);
        if (depth < 1) visit(n.children, depth + 1);
      }
    };
    visit(tree, 0);
    setExpanded(open);
  }, [tree]);
  return (
    <TreeSelect<string[]>
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      treeData={tree ?? []}
      loading={loading}
      treeCheckable
      showCheckedStrategy={TreeSelect.SHOW_CHILD}
      treeExpandedKeys={expanded}
      onTreeExpand={(keys) => setExpanded(keys.map(String))}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t(`visits.pickers.${kind}`)}
      maxTagCount="responsive"
      style={{ width: '100%' }}
    />
  );
}

/** Find households by the householder's name and pick several; each shows its address. */
export function HouseholdMultiPicker(props: MultiProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<HouseholdView[]>([]);
  const [chosen, setChosen] = useState<Map<string, HouseholdView>>(new Map());
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      householdsApi
        .list({ q: search.trim() || undefined, status: 'active', limit: 20, offset: 0 }, ctl.signal)
        .then((r) => setOptions(r.items))
        .catch(() => undefined)
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [search]);
  const all = [...chosen.values(), ...options.filter((h) => !chosen.has(h.id))];
  return (
    <Select<string[]>
      id={props.id}
      aria-label={props['aria-label']}
      mode="multiple"
      value={props.value}
      onChange={(ids) => {
        const known = new Map(all.map((h) => [h.id, h]));
        setChosen(new Map(ids.flatMap((id) => (known.has(id) ? [[id, known.get(id)!] as const] : []))));
        props.onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      placeholder={t('visits.pickers.household')}
      notFoundContent={loading ? t('states.loading') : t('states.empty')}
      options={all.map((h) => ({ value: h.id, label: `${h.householderName ?? t('visits.pickers.noHouseholder')} · ${h.placeLabel}` }))}
      style={{ width: '100%' }}
    />
  );
}

/** Organisations one visits: stationed units, property companies, committees and social organisations. */
const visitable: OrganisationKind[] = ['stationed_unit', 'property_company', 'owners_committee', 'social_org', 'residents_committee', 'supervision_committee'];

function useOrganisationOptions() {
  const label = useLabel();
  const orgs = useOrganisations({});
  const options = useMemo(
    () => orgs.items.filter((o) => visitable.includes(o.kind)).map((o) => ({ value: o.id, label: `${o.name}（${label(organisationKindLabels[o.kind])}）` })),
    [orgs.items, label],
  );
  return { options, loading: orgs.loading };
}

/** Pick one organisation of the viewer's communities by name. */
export function OrganisationSelect(props: { id?: string; value?: string; onChange?: (v: string | undefined) => void; 'aria-label'?: string }) {
  const { t } = useTranslation();
  const { options, loading } = useOrganisationOptions();
  return (
    <Select<string>
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      placeholder={t('visits.pickers.organisation')}
      options={options}
      style={{ width: '100%' }}
    />
  );
}

/** Pick several organisations (a plan's targets). */
export function OrganisationMultiSelect(props: MultiProps) {
  const { t } = useTranslation();
  const { options, loading } = useOrganisationOptions();
  return (
    <Select<string[]>
      id={props.id}
      aria-label={props['aria-label']}
      mode="multiple"
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      placeholder={t('visits.pickers.organisation')}
      options={options}
      style={{ width: '100%' }}
    />
  );
}

/** The community's staff and grid workers, who may carry a plan or host a meeting. */
export function AssigneeSelect(props: { id?: string; value?: string; onChange?: (v: string | undefined) => void; placeId?: string; 'aria-label'?: string }) {
  const { t } = useTranslation();
  const { data, loading } = useLoaded(props.placeId ?? '', () => visitsApi.assignees(props.placeId));
  return (
    <Select<string>
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      placeholder={t('visits.pickers.assignee')}
      options={(data?.items ?? []).map((a) => ({ value: a.userId, label: `${a.displayName}（${a.roles.map((r) => t(`roles.${r}`)).join('、')}）` }))}
      style={{ width: '100%' }}
    />
  );
}
