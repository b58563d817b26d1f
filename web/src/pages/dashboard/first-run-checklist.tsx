// The first-run checklist on an empty dashboard: the five steps that make the CRM useful, each with
// its state and a link to where it is done, showing only the steps the user may do. It is gone once
// every step is done, or when the user hides it (remembered per workspace in this browser).
import { useState } from "preact/hooks";
import { useResource } from "../../api/use-resource";
import { Button, ButtonLink } from "../../components/button";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { firstRunMessages } from "./first-run.messages";

interface Checklist {
  steps: Array<{ key: "connect-shop" | "import-data" | "invite-staff" | "sms-provider" | "choose-plugins"; done: boolean; href: string; permission: string }>;
  complete: boolean;
}

const dismissedKey = (workspaceId: string) => `edge-crm:first-run-hidden:${workspaceId}`;

export function FirstRunChecklist() {
  const t = useMessages(firstRunMessages);
  const format = useFormat();
  const { me, can } = useSession();
  const workspaceId = me?.workspace.id ?? "";
  const [hidden, setHidden] = useState(() => localStorage.getItem(dismissedKey(workspaceId)) === "1");
  const checklist = useResource<Checklist>(hidden ? null : "/api/onboarding");
  const steps = (checklist.data?.steps ?? []).filter((step) => can(step.permission));
  if (hidden || !checklist.data || checklist.data.complete || steps.length === 0) return null;
  const done = steps.filter((step) => step.done).length;
  const hide = () => {
    localStorage.setItem(dismissedKey(workspaceId), "1");
    setHidden(true);
  };
  return (
    <section class="card first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t("title")}</h2>
      <p class="muted">{t("progress", { done: format.number(done), total: format.number(steps.length) })}</p>
      <progress max={steps.length} value={done} aria-labelledby="first-run-title" />
      <ol class="first-run__steps">
        {steps.map((step) => (
          <li key={step.key} class={step.done ? "first-run__step first-run__step--done" : "first-run__step"}>
            <span aria-hidden="true">{step.done ? "✓" : "○"}</span>
            <span class="first-run__label">
              {t(step.key)} <span class="visually-hidden">({step.done ? t("done") : t("todo")})</span>
            </span>
            {!step.done && (
              <ButtonLink href={step.href} small aria-label={`${t("open")}: ${t(step.key)}`}>
                {t("open")}
              </ButtonLink>
            )}
          </li>
        ))}
      </ol>
      <Button small onClick={hide}>
        {t("dismiss")}
      </Button>
    </section>
  );
}
