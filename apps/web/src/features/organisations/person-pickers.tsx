import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentView, UserView } from '@gongzhi/shared';
import { residentsApi } from '../registers/registers-api.js';
import { usersApi } from '../users/users-api.js';

interface Option {
  value: string;
  label: string;
}

interface PickerProps<T> {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined, picked: T | undefined) => void;
  'aria-label'?: string;
}

/** A select that asks the server as the person types, waiting for a pause, and keeps the chosen label. */
function useRemoteOptions<T extends { id: string }>(search: string, load: (q: string, signal: AbortSignal) => Promise<T[]>) {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  // `load` is a fresh arrow each render; the search text alone decides when to ask again.
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      loadRef.current(search.trim(), ctl.signal)
        .then((r) => !ctl.signal.aborted && setItems(r))
        .catch(() => undefined)
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [search]);
  return { items, loading };
}

function RemotePicker<T extends { id: string }>({
  props,
  load,
  toOption,
  placeholder,
}: {
  props: PickerProps<T>;
  load: (q: string, signal: AbortSignal) => Promise<T[]>;
  toOption: (item: T) => Option;
  placeholder: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<T | null>(null);
  const { items, loading } = useRemoteOptions(search, load);
  const list = chosen && chosen.id === props.value && !items.some((i) => i.id === chosen.id) ? [chosen, ...items] : items;
  return (
    <Select<string>
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={loading ? t('states.loading') : t('states.empty')}
      options={list.map(toOption)}
      onChange={(v) => {
        const picked = list.find((i) => i.id === v);
        setChosen(picked ?? null);
        props.onChange?.(v, picked);
      }}
      style={{ width: '100%' }}
    />
  );
}

/** Find a living resident by name (or phone tail / ID number, like the residents list). */
export function ResidentPicker(props: PickerProps<ResidentView>) {
  const { t } = useTranslation();
  return (
    <RemotePicker<ResidentView>
      props={props}
      placeholder={t('organisations.pickers.resident')}
      load={async (q, signal) => {
        const digits = q.replace(/\s+/g, '');
        const query = /^\d{17}[\dXx]$/.test(digits) ? { idNumber: digits.toUpperCase() } : /^\d{2,11}$/.test(digits) ? { phoneTail: digits } : { q: q || undefined };
        return (await residentsApi.list({ ...query, status: 'living', limit: 20, offset: 0 }, signal)).items;
      }}
      toOption={(r) => ({ value: r.id, label: [r.name, r.placeLabel, r.idNumberMasked].filter(Boolean).join(' · ') })}
    />
  );
}

/** Find an account by name, username or phone. */
export function UserPicker(props: PickerProps<UserView>) {
  const { t } = useTranslation();
  return (
    <RemotePicker<UserView>
      props={props}
      placeholder={t('organisations.pickers.user')}
      load={async (q) => (await usersApi.list({ q: q || undefined, limit: 20, offset: 0 })).items}
      toOption={(u) => ({ value: u.id, label: [u.displayName, u.username, u.phoneMasked].filter(Boolean).join(' · ') })}
    />
  );
}
