import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HouseholdView } from '@gongzhi/shared';
import { householdsApi } from './registers-api.js';

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** A household that cannot be chosen (the one the resident is in now). */
  excludeId?: string;
  'aria-label'?: string;
}

/** Find a household by its householder's name; each option shows the address too. */
export function HouseholdPicker({ id, value, onChange, excludeId, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<HouseholdView[]>([]);
  const [loading, setLoading] = useState(false);
  // The chosen household stays labelled even when a later search no longer lists it.
  const [chosen, setChosen] = useState<HouseholdView | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      setLoading(true);
      householdsApi
        .list({ q: search.trim() || undefined, status: 'active', limit: 20, offset: 0 }, ctl.signal)
        .then((r) => setOptions(r.items.filter((h) => h.id !== excludeId)))
        .catch(() => undefined)
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [search, excludeId]);

  return (
    <Select<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={(v) => {
        setChosen(options.find((h) => h.id === v) ?? null);
        onChange?.(v);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      placeholder={t('registers.households.pickerPlaceholder')}
      notFoundContent={loading ? t('states.loading') : t('registers.households.empty')}
      options={[...(chosen && chosen.id === value && !options.some((h) => h.id === chosen.id) ? [chosen] : []), ...options].map((h) => ({
        value: h.id,
        label: t('registers.households.option', { address: h.placeLabel, name: h.householderName ?? t('registers.households.noHouseholder') }),
      }))}
      style={{ width: '100%' }}
    />
  );
}
