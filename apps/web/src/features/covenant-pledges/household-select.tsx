import { useEffect, useRef, useState } from 'react';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PledgeHouseholdOption } from '@gongzhi/shared';
import { pledgesApi } from './pledges-api.js';

interface Props {
  id?: string;
  covenantId: string;
  value?: string;
  onChange?: (householdId: string | undefined) => void;
  /** A household chosen elsewhere (from the unreached list), shown before searching. */
  initial?: { householdId: string; address: string } | null;
  /** Only households that have pledged (nominations) or all (paper pledges). */
  pledgedOnly?: boolean;
}

/** Households within the caller's places, found by householder name or door number as one types. */
export function HouseholdSelect({ id, covenantId, value, onChange, initial, pledgedOnly }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<PledgeHouseholdOption[]>(initial ? [{ ...initial, householderName: null, pledged: false }] : []);
  const [loading, setLoading] = useState(false);
  const pending = useRef<AbortController | null>(null);
  const search = (q: string) => {
    pending.current?.abort();
    const ctl = new AbortController();
    pending.current = ctl;
    setLoading(true);
    pledgesApi.households(covenantId, q, ctl.signal).then(
      (r) => {
        if (ctl.signal.aborted) return;
        setOptions(pledgedOnly ? r.items.filter((h) => h.pledged) : r.items);
        setLoading(false);
      },
      () => {
        if (!ctl.signal.aborted) setLoading(false);
      },
    );
  };
  // Once, on opening (the first page of households, unless one was chosen already); later searches come from typing.
  const first = useRef(initial ? null : search);
  useEffect(() => {
    first.current?.('');
    return () => pending.current?.abort();
  }, []);
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={loading}
      placeholder={t('covenantPledges.paper.householdPlaceholder')}
      options={options.map((h) => ({
        value: h.householdId,
        label: (
          <span>
            {h.address}
            {h.householderName ? ` · ${h.householderName}` : ''}
            {h.pledged && !pledgedOnly ? (
              <Tag color="green" style={{ marginLeft: 6 }}>
                {t('covenantPledges.paper.pledgedAlready')}
              </Tag>
            ) : null}
          </span>
        ),
      }))}
    />
  );
}
