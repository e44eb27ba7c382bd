import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoaded } from '../../api/use-loaded.js';
import { residentsApi } from '../registers/registers-api.js';

interface Props {
  id?: string;
  communityId: string;
  value?: string;
  onChange?: (residentId: string | undefined) => void;
}

/**
 * A living resident of the community, found by name as one types (the register's own search), shown with their
 * birth year and dwelling. Nothing is asked of the server until the field is opened; a late answer to an older
 * search is dropped by `useLoaded`.
 */
export function ResidentSelect({ id, communityId, value, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | null>(null);
  const found = useLoaded(`${communityId}:${q ?? ''}:${q === null}`, (signal) =>
    q === null ? Promise.resolve({ items: [], total: 0 }) : residentsApi.list({ q: q.trim() || undefined, placeId: communityId, limit: 20 }, signal),
  );
  const loading = q !== null && found.loading;
  return (
    <Select<string>
      id={id}
      style={{ minWidth: 260 }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onFocus={() => q === null && setQ('')}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={loading}
      placeholder={t('elections.console.residentSearch')}
      notFoundContent={loading ? t('states.loading') : t('elections.console.residentNone')}
      options={(found.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name}${r.birthDate ? `（${r.birthDate.slice(0, 4)}）` : ''} ${r.placeLabel}` }))}
    />
  );
}
