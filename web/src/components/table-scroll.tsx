// A wide table's own scrolling region, so on a phone the table scrolls sideways and the page does
// not (WCAG 1.4.10). Named after its table and reachable by Tab, so a keyboard can scroll it too;
// shadows at its edges show that more is hidden that way (see .table-scroll in app.css).
import type { ComponentChildren } from "preact";

export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
