// The centred card the signed-out pages share, with the language switch. Its form's first field
// takes the focus when the page opens, and again when `focusKey` changes (the next step).
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useMessages } from "../../i18n/i18n";
import { LanguageSwitch } from "../../layout/language-switch";
import { authMessages } from "./auth.messages";

export function AuthFrame({ title, children, footer, focusKey }: { title: string; children: ComponentChildren; footer?: ComponentChildren; focusKey?: string | undefined }) {
  const t = useMessages(authMessages);
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    card.current?.querySelector<HTMLElement>("form input:not([type=hidden]), form select, form textarea")?.focus();
  }, [title, focusKey]);
  return (
    <div class="auth">
      <div class="auth__language">
        <LanguageSwitch label={t("language")} />
      </div>
      <main class="auth__card" id="main" ref={card}>
        <p class="auth__product">{t("product")}</p>
        <p class="auth__tagline">{t("tagline")}</p>
        <h1>{title}</h1>
        {children}
        {footer && <p class="auth__footer">{footer}</p>}
      </main>
    </div>
  );
}
