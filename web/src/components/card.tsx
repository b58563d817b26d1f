// Page header and card: the two frames every page is built from.
import type { ComponentChildren } from "preact";

export function PageHeader({ title, actions, subtitle }: { title: ComponentChildren; actions?: ComponentChildren; subtitle?: ComponentChildren }) {
  return (
    <header class="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p class="page-header__subtitle">{subtitle}</p>}
      </div>
      {actions && <div class="page-header__actions">{actions}</div>}
    </header>
  );
}

export function Card({ title, actions, children, class: className, labelledBy }: { title?: ComponentChildren; actions?: ComponentChildren; children: ComponentChildren; class?: string; labelledBy?: string }) {
  return (
    <section class={["card", className].filter(Boolean).join(" ")} aria-labelledby={labelledBy}>
      {(title || actions) && (
        <div class="card__header">
          {title && <h2 id={labelledBy}>{title}</h2>}
          {actions && <div class="card__actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}
