import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '@gongzhi/shared';
import { residentsApi } from '../registers/registers-api.js';

interface Props {
  id?: string;
  communityId: string;
  value?: string;
  onChange?: (residentId: string | undefined) => void;
}

/** A living resident of the community, found by name as one types (the register's own search), shown with their dwelling. */
export function ResidentSelect({ id, communityId, value, onChange }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<ResidentView[]>([]);
  const [loading, setLoading] = useState(false);
  const pending = useRef<AbortController | null>(null);
  const search = (q: string) => {
    pending.current?.abort();
    const ctl = new AbortController();
    pending.current = ctl;
    setLoading(true);
    residentsApi.list({ q: q.trim() || undefined, placeId: communityId, limit: 20 }, ctl.signal).then(
      (r) => {
        if (ctl.signal.aborted) return;
        setOptions(r.items);
        setLoading(false);
      },
      () => {
        if (!ctl.signal.aborted) setLoading(false);
      },
    );
  };
  useEffect(() => () => pending.current?.abort(), []);
  return (
    <Select<string>
      id={id}
      style={{ minWidth: 260 }}
      showSearch={{ filterOption: false, onSearch: search }}
      onFocus={() => options.length === 0 && search('')}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={loading}
      placeholder={t('elections.console.residentSearch')}
      notFoundContent={loading ? t('states.loading') : t('elections.console.residentNone')}
      options={options.map((r) => ({ value: r.id, label: `${r.name}${r.birthDate ? `（${r.birthDate.slice(0, 4)}）` : ''} ${r.placeLabel}` }))}
    />
  );
}
