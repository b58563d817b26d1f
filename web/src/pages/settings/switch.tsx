// An on/off switch that acts at once (role="switch"), labelled by its visible text. The checkbox
// itself is drawn as the track (its ::before is the thumb), so a click always lands on it.
import type { ComponentChildren } from "preact";

export function Switch({ label, checked, onChange, busy = false, disabled = false }: { label: ComponentChildren; checked: boolean; onChange: (checked: boolean) => void; busy?: boolean; disabled?: boolean }) {
  return (
    <label class="switch">
      <input type="checkbox" role="switch" checked={checked} aria-checked={checked} aria-busy={busy || undefined} disabled={disabled || busy} onChange={(event) => onChange((event.target as HTMLInputElement).checked)} />
      <span class="switch__label">{label}</span>
    </label>
  );
}
