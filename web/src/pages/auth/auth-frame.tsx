// The centred card the signed-out pages share, with the language switch.
import type { ComponentChildren } from "preact";
import { useMessages } from "../../i18n/i18n";
import { LanguageSwitch } from "../../layout/language-switch";
import { authMessages } from "./auth.messages";

export function AuthFrame({ title, children, footer }: { title: string; children: ComponentChildren; footer?: ComponentChildren }) {
  const t = useMessages(authMessages);
  return (
    <div class="auth">
      <div class="auth__language">
        <LanguageSwitch label={t("language")} />
      </div>
      <main class="auth__card" id="main">
        <p class="auth__product">{t("product")}</p>
        <p class="auth__tagline">{t("tagline")}</p>
        <h1>{title}</h1>
        {children}
        {footer && <p class="auth__footer">{footer}</p>}
      </main>
    </div>
  );
}
