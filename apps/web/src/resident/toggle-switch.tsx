/** An on/off switch that is a real button: focusable, keyboard-operable, named by its label. */
export function ToggleSwitch({
  checked,
  onChange,
  label,
  id,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  label: string;
  id?: string;
}) {
  return (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      className={`gz-switch${checked ? ' gz-switch-on' : ''}`}
      onClick={() => onChange(!checked)}
    >
      <span className="gz-switch-handle" />
    </button>
  );
}
