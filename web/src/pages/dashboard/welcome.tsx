// What a brand-new workspace sees instead of empty charts: where to start.
import { ButtonLink } from "../../components/button";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { dashboardMessages } from "./dashboard.messages";

export function Welcome() {
  const t = useMessages(dashboardMessages);
  const { me, can } = useSession();
  return (
    <section class="card welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t("welcomeTitle", { workspace: me?.workspace.name ?? "" })}</h2>
      <p>{t("welcomeText")}</p>
      <div class="row">
        {can("customers:write") && (
          <ButtonLink href="/customers/new" variant="primary">
            {t("addCustomer")}
          </ButtonLink>
        )}
        {can("import:run") && <ButtonLink href="/import">{t("importData")}</ButtonLink>}
      </div>
      <p class="muted small">{t("welcomeLater")}</p>
    </section>
  );
}
