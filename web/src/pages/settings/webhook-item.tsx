// One outgoing webhook: its health (last status, failures, why it was disabled), its deliveries,
// and disabling, a new secret (shown once) and deleting, each confirmed.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { ConfirmButton } from "./confirm-button";
import { SecretBox } from "./secret-box";
import { settingsMessages } from "./settings.messages";
import { WebhookDeliveries } from "./webhook-deliveries";
import { webhooksMessages } from "./webhooks.messages";

export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  failureCount: number;
  createdAt: string;
}

export function WebhookItem({ webhook, onChanged, onDeleted }: { webhook: Webhook; onChanged: (webhook: Webhook) => void; onDeleted: () => void }) {
  const t = useMessages(webhooksMessages);
  const s = useMessages(settingsMessages);
  const f = useFormat();
  const toast = useToast();
  const [showDeliveries, setShowDeliveries] = useState(false);
  const [secret, setSecret] = useState<string>();
  const toggle = useAction(async (enabled: boolean) => {
    onChanged(await api.patch<Webhook>(`/api/webhooks/${webhook.id}`, { enabled }));
    toast(enabled ? t("enabledNow") : t("disabledNow"));
    return true;
  });
  const rotate = useAction(async () => {
    const { secret: shownOnce, ...rest } = await api.post<Webhook & { secret: string }>(`/api/webhooks/${webhook.id}/rotate-secret`);
    onChanged(rest);
    setSecret(shownOnce);
    return true;
  });
  const remove = useAction(async () => {
    await api.delete(`/api/webhooks/${webhook.id}`);
    toast(t("deleted"));
    onDeleted();
    return true;
  });
  const healthy = webhook.lastStatus !== null && webhook.lastStatus >= 200 && webhook.lastStatus < 300;
  return (
    <li class="settings-item" aria-label={webhook.url}>
      <div class="settings-item__main">
        <div class="settings-item__title">
          <strong class="ltr break">{webhook.url}</strong>
          <span class={webhook.enabled ? "badge badge--success" : "badge badge--danger"}>{webhook.enabled ? s("enabled") : s("disabled")}</span>
        </div>
        {webhook.description && <div>{webhook.description}</div>}
        <div class="code-list">
          {webhook.events.map((name) => (
            <code key={name} class="badge">
              {name}
            </code>
          ))}
        </div>
        <div class="muted small">
          {t("lastAttempt")}: {webhook.lastAttemptAt ? f.dateTime(webhook.lastAttemptAt) : s("never")}
          {webhook.lastStatus !== null && (
            <>
              {" · "}
              <span class={healthy ? "badge badge--success" : "badge badge--danger"}>{t("lastStatus", { status: f.digits(String(webhook.lastStatus)) })}</span>
            </>
          )}
          {webhook.failureCount > 0 && <> · {t("failures", { count: webhook.failureCount })}</>}
        </div>
        {webhook.lastError && <p class="delivery__reason code">{webhook.lastError}</p>}
        {!webhook.enabled && webhook.disabledReason && <p class="small">{t("disabledReason", { reason: webhook.disabledReason })}</p>}
      </div>
      <div class="settings-item__controls row">
        {webhook.enabled ? (
          <ConfirmButton
            label={s("disable")}
            title={t("disableTitle", { url: webhook.url })}
            message={t("disableText")}
            busy={toggle.busy}
            error={<ErrorNotice error={toggle.error} />}
            onConfirm={async () => Boolean(await toggle.run(false))}
          />
        ) : (
          <Button small busy={toggle.busy} onClick={() => void toggle.run(true)}>
            {s("enable")}
          </Button>
        )}
        <ConfirmButton
          label={s("rotateSecret")}
          confirmLabel={t("rotate")}
          title={t("rotateTitle")}
          message={t("rotateText")}
          variant="primary"
          busy={rotate.busy}
          error={<ErrorNotice error={rotate.error} />}
          onConfirm={async () => Boolean(await rotate.run())}
        />
        <Button small aria-expanded={showDeliveries} onClick={() => setShowDeliveries(!showDeliveries)}>
          {showDeliveries ? s("hideDeliveries") : s("deliveries")}
        </Button>
        <ConfirmButton
          label={t("deleteWebhook")}
          title={t("deleteTitle", { url: webhook.url })}
          message={t("deleteText")}
          busy={remove.busy}
          error={<ErrorNotice error={remove.error} />}
          onConfirm={async () => Boolean(await remove.run())}
        />
      </div>
      {(secret || toggle.error || showDeliveries) && (
        <div class="settings-item__extra stack">
          {secret && <SecretBox label={t("secretLabel")} value={secret} warning={t("secretWarning")} onDone={() => setSecret(undefined)} />}
          {toggle.error && <ErrorNotice error={toggle.error} />}
          {showDeliveries && <WebhookDeliveries webhook={webhook} />}
        </div>
      )}
    </li>
  );
}
