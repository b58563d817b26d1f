// One connected shop: where it posts, what to subscribe to, enabling and disabling, replacing
// its secret, and its recent deliveries.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { Dialog } from "../../components/dialog";
import { TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { ConfirmButton } from "./confirm-button";
import { ConnectionDeliveries } from "./connection-deliveries";
import { connectionsMessages } from "./connections.messages";
import { CopyField, SecretBox } from "./secret-box";
import { settingsMessages } from "./settings.messages";
import { TopicsList } from "./topics-list";

export type Platform = "woocommerce" | "shopify" | "generic";

export interface Connection {
  id: string;
  platform: Platform;
  name: string;
  enabled: boolean;
  webhookUrl: string;
  topics: string[];
  lastDeliveryAt: string | null;
  createdAt: string;
}

export function ConnectionItem({ connection, onChanged }: { connection: Connection; onChanged: (connection: Connection) => void }) {
  const t = useMessages(connectionsMessages);
  const s = useMessages(settingsMessages);
  const f = useFormat();
  const toast = useToast();
  const [showDeliveries, setShowDeliveries] = useState(false);
  const [rotating, setRotating] = useState(false);
  const toggle = useAction(async (enabled: boolean) => {
    onChanged(await api.patch<Connection>(`/api/connections/${connection.id}`, { enabled }));
    toast(enabled ? t("enabledNow") : t("disabledNow"));
    return true;
  });
  return (
    <li class="settings-item" aria-label={connection.name}>
      <div class="settings-item__main">
        <div class="settings-item__title">
          <strong>{connection.name}</strong>
          <span class="badge badge--primary">{t(connection.platform)}</span>
          <span class={connection.enabled ? "badge badge--success" : "badge badge--danger"}>{connection.enabled ? s("enabled") : s("disabled")}</span>
        </div>
        <div class="muted small">
          {t("lastDelivery")}: {connection.lastDeliveryAt ? f.dateTime(connection.lastDeliveryAt) : s("never")}
        </div>
      </div>
      <div class="settings-item__controls row">
        {connection.enabled ? (
          <ConfirmButton
            label={s("disable")}
            title={t("disableTitle", { name: connection.name })}
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
        <Button small onClick={() => setRotating(true)}>
          {s("rotateSecret")}
        </Button>
        <Button small aria-expanded={showDeliveries} onClick={() => setShowDeliveries(!showDeliveries)}>
          {showDeliveries ? s("hideDeliveries") : s("deliveries")}
        </Button>
      </div>
      <div class="settings-item__extra stack">
        <CopyField label={t("webhookUrl")} value={connection.webhookUrl} />
        <TopicsList topics={connection.topics} />
        {toggle.error && <ErrorNotice error={toggle.error} />}
        {showDeliveries && <ConnectionDeliveries connection={connection} />}
      </div>
      {rotating && <RotateSecretDialog connection={connection} onClose={() => setRotating(false)} />}
    </li>
  );
}

function RotateSecretDialog({ connection, onClose }: { connection: Connection; onClose: () => void }) {
  const t = useMessages(connectionsMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const [secret, setSecret] = useState("");
  const [generated, setGenerated] = useState<string>();
  const generic = connection.platform === "generic";
  const rotate = useAction(async () => {
    const result = await api.post<Connection & { secret?: string }>(`/api/connections/${connection.id}/rotate-secret`, generic ? {} : { secret });
    toast(t("rotated"));
    if (result.secret) setGenerated(result.secret);
    else onClose();
  });
  return (
    <Dialog open title={t("rotateTitle", { name: connection.name })} onClose={onClose}>
      {generated ? (
        <SecretBox label={t("generatedSecret")} value={generated} warning={t("generatedWarning")} onDone={onClose} />
      ) : (
        <form
          class="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void rotate.run();
          }}
        >
          <p>{generic ? t("rotateGenericText") : t("rotateShopText")}</p>
          {!generic && (
            <TextField label={t("newSecret")} name="secret" type="password" dir="ltr" autoComplete="new-password" value={secret} onValue={setSecret} error={rotate.error?.fieldError("secret")} required />
          )}
          {rotate.error && !rotate.error.problem.errors?.length && <ErrorNotice error={rotate.error} />}
          <div class="form__actions">
            <Button type="submit" variant="primary" busy={rotate.busy}>
              {t("rotate")}
            </Button>
            <Button onClick={onClose}>{common("cancel")}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
