import { useEffect, useMemo, useState } from 'react';
import { Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from './choice-group.js';
import { myRequestsApi, type PlaceOption, type PlaceOptions } from './my-requests-api.js';

/** How many places of the community are listed at once; typing narrows them. */
const SHOWN = 20;
const OTHER = 'other';
const NONE = 'none';

/**
 * Where the matter is: my home, my building, my estate (one tap each), somewhere else in the community
 * (typed and picked from a short list), or no particular place.
 */
export function PlacePicker({ value, onChange, labelledBy }: { value: string | null; onChange: (id: string | null) => void; labelledBy: string }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<PlaceOptions | null>(null);
  const [failed, setFailed] = useState(false);
  /** A place id of mine, `other` or `none`. */
  const [choice, setChoice] = useState<string>(NONE);
  const [query, setQuery] = useState('');

  useEffect(() => {
    myRequestsApi.placeOptions().then(setOptions, () => setFailed(true));
  }, []);

  const mine = useMemo(() => (options?.items ?? []).filter((o) => o.mine), [options]);
  const matches = useMemo(() => {
    const q = query.trim();
    const rest = (options?.items ?? []).filter((o) => !o.mine);
    return (q ? rest.filter((o) => o.label.includes(q) || o.name.includes(q)) : rest).slice(0, SHOWN);
  }, [options, query]);

  const ownName = (o: PlaceOption) =>
    o.kind === 'dwelling' ? t('myRequests.place.home') : o.kind === 'building' ? t('myRequests.place.building') : o.kind === 'estate' ? t('myRequests.place.estate') : o.name;

  if (!options && !failed) return <p className="gz-muted">{t('myRequests.place.loading')}</p>;

  const choose = (c: string) => {
    setChoice(c);
    onChange(c === OTHER || c === NONE ? null : c);
  };
  return (
    <>
      <ChoiceGroup
        value={choice}
        labelledBy={labelledBy}
        onChange={choose}
        options={[
          ...mine.map((o) => ({ value: o.id, label: ownName(o), hint: o.label })),
          ...(options ? [{ value: OTHER, label: t('myRequests.place.other') }] : []),
          { value: NONE, label: t('myRequests.place.none') },
        ]}
      />
      {options && mine.length === 0 && <p className="gz-muted">{t('myRequests.place.noHome')}</p>}
      {choice === OTHER && (
        <div className="gz-place-search">
          <label htmlFor="gz-place-q" className="gz-field-label">
            {t('myRequests.place.pickOther')}
          </label>
          <Input id="gz-place-q" value={query} onChange={setQuery} placeholder={t('myRequests.place.search')} clearable />
          {matches.length === 0 && <p className="gz-muted">{t('myRequests.place.noMatch')}</p>}
          <div className="gz-choices-compact">
            <ChoiceGroup
              value={value}
              label={t('myRequests.place.matches')}
              onChange={onChange}
              options={matches.map((o) => ({ value: o.id, label: o.label || o.name }))}
            />
          </div>
        </div>
      )}
    </>
  );
}
