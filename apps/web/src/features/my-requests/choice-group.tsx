/** One choice: its words, and an optional line saying when to pick it. */
export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

/** Large one-tap choices that act as a radio group (big targets for unsteady fingers; no pop-up picker). */
export function ChoiceGroup<V extends string>({
  value,
  options,
  onChange,
  labelledBy,
  label,
  columns = 1,
  invalid = false,
}: {
  value: V | null;
  options: Choice<V>[];
  onChange: (v: V) => void;
  /** The id of the visible question, or else `label`. */
  labelledBy?: string;
  label?: string;
  columns?: 1 | 2 | 3;
  invalid?: boolean;
}) {
  return (
    <div
      className={`gz-choices gz-choices-${columns}`}
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : label}
      aria-invalid={invalid || undefined}
    >
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          className={`gz-choice${value === o.value ? ' gz-choice-on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <span className="gz-choice-title">{o.label}</span>
          {o.hint && <span className="gz-choice-hint">{o.hint}</span>}
        </button>
      ))}
    </div>
  );
}
