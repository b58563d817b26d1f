// One connected shop: its health and "Send a test", enabling and disabling, replacing its
// secret, its recent deliveries, and (made by hand) what to paste where in the shop.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { Dialog } from "../../components/dialog";
import { TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { ConfirmButton } from "./confirm-button";
import { ConnectionDeliveries } from "./connection-deliveries";
import { connectionsMessages } from "./connections.messages";
import { ConnectionHealth } from "./connection-health";
import { connectionHealthMessages } from "./connection-health.messages";
import { ManualSetup } from "./manual-setup";
import { SecretBox } from "./secret-box";
import { settingsMessages } from "./settings.messages";

export type Platform = "woocommerce" | "shopify" | "generic";

export interface Connection {
  id: string;
  platform: Platform;
  name: string;
  enabled: boolean;
  webhookUrl: string;
  topics: string[];
  lastDeliveryAt: string | null;
  shopUrl?: string | null;
  connectedByApi?: boolean;
  createdAt: string;
}

export function ConnectionItem({ connection, onChanged }: { connection: Connection; onChanged: (connection: Connection) => void }) {
  const t = useMessages(connectionsMessages);
  const s = useMessages(settingsMessages);
  const toast = useToast();
  const [showDeliveries, setShowDeliveries] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [tested, setTested] = useState(0);
  const h = useMessages(connectionHealthMessages);
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
        {connection.shopUrl && (
          <div class="muted small break" dir="ltr">
            {connection.shopUrl}
          </div>
        )}
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
        <ConnectionHealth connection={connection} onTested={() => setTested((n) => n + 1)} />
        {!connection.connectedByApi && (
          <details class="connection-setup">
            <summary>{h("setupHelp")}</summary>
            <ManualSetup connection={connection} />
          </details>
        )}
        {toggle.error && <ErrorNotice error={toggle.error} />}
        {showDeliveries && <ConnectionDeliveries connection={connection} refresh={tested} />}
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
  // Shopify signs with a key of its own; for the others the CRM makes the new secret.
  const generates = connection.platform !== "shopify";
  const rotate = useAction(async () => {
    const result = await api.post<Connection & { secret?: string }>(`/api/connections/${connection.id}/rotate-secret`, generates ? {} : { secret });
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
          <p>{generates ? t("rotateGenericText") : t("rotateShopText")}</p>
          {!generates && (
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
