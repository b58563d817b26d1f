// Store connections (connections:manage): the connected shops, and connecting a new one: in one
// step with the shop's API key (shop-connect-form.tsx), or by hand (manual-setup.tsx): WooCommerce and
// generic connections get a generated secret, shown once; Shopify takes the key Shopify signs with.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { SelectField, TextField } from "../../components/field";
import { ErrorNotice, Notice } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { ConnectionItem, type Connection, type Platform } from "./connection-item";
import { connectionsMessages } from "./connections.messages";
import { ListState } from "./list-state";
import { ShopConnectForm } from "./shop-connect-form";
import { shopConnectMessages } from "./shop-connect.messages";
import { ManualSetup } from "./manual-setup";
import { manualSetupMessages } from "./manual-setup.messages";
import { useCursorList } from "./use-cursor-list";

export function ConnectionsSection() {
  const t = useMessages(connectionsMessages);
  const shop = useMessages(shopConnectMessages);
  const connections = useCursorList<Connection>("/api/connections");
  const [creating, setCreating] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const replace = (next: Connection) => connections.setItems((items) => items.map((item) => (item.id === next.id ? next : item)));
  return (
    <Card
      title={t("heading")}
      labelledBy="connections-heading"
      actions={
        !creating &&
        !connecting && (
          <>
            <Button variant="primary" small onClick={() => setConnecting(true)}>
              {shop("connectInOneStep")}
            </Button>
            <Button small onClick={() => setCreating(true)}>
              {t("newConnection")}
            </Button>
          </>
        )
      }
    >
      <p class="muted small card__intro">{t("intro")}</p>
      {connecting && <ShopConnectForm onConnected={(connection) => connections.setItems((items) => [connection, ...items])} onClose={() => setConnecting(false)} />}
      {creating && <NewConnectionForm onCreated={(connection) => connections.setItems((items) => [connection, ...items])} onClose={() => setCreating(false)} />}
      <ListState list={connections} empty={t("noConnections")}>
        <ul class="settings-list">
          {connections.items.map((connection) => (
            <ConnectionItem key={connection.id} connection={connection} onChanged={replace} />
          ))}
        </ul>
      </ListState>
    </Card>
  );
}

function NewConnectionForm({ onCreated, onClose }: { onCreated: (connection: Connection) => void; onClose: () => void }) {
  const t = useMessages(connectionsMessages);
  const common = useMessages(commonMessages);
  const [platform, setPlatform] = useState<Platform>("woocommerce");
  const [name, setName] = useState("");
  const [secret, setSecret] = useState("");
  const manual = useMessages(manualSetupMessages);
  const [created, setCreated] = useState<Connection & { secret?: string }>();
  const create = useAction(async () => {
    const connection = await api.post<Connection & { secret?: string }>("/api/connections", { platform, name, ...(platform === "shopify" ? { secret } : {}) });
    // The list keeps no secret; the panel below shows it this once.
    const { secret: _shownOnce, ...listed } = connection;
    onCreated(listed);
    setCreated(connection);
  });
  if (created)
    return (
      <div class="inline-panel stack">
        <h3>{created.name}</h3>
        <ManualSetup connection={created} secret={created.secret} onDone={onClose} />
        {!created.secret && (
          <div class="form__actions">
            <Button onClick={onClose}>{common("close")}</Button>
          </div>
        )}
      </div>
    );
  return (
    <form
      class="form inline-panel"
      noValidate
      aria-labelledby="new-connection-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void create.run();
      }}
    >
      <h3 id="new-connection-heading">{t("newTitle")}</h3>
      <div class="form__row">
        <SelectField
          label={t("platform")}
          name="platform"
          value={platform}
          onValue={(value) => setPlatform(value as Platform)}
          error={create.error?.fieldError("platform")}
          options={(["woocommerce", "shopify", "generic"] as const).map((value) => ({ value, label: t(value) }))}
        />
        <TextField label={t("name")} name="name" value={name} onValue={setName} hint={t("nameHint")} error={create.error?.fieldError("name")} required />
      </div>
      {platform === "shopify" ? (
        <TextField
          label={t("secret")}
          name="secret"
          type="password"
          dir="ltr"
          autoComplete="new-password"
          value={secret}
          onValue={setSecret}
          hint={manual("shopifyKey")}
          error={create.error?.fieldError("secret")}
          required
        />
      ) : (
        <Notice tone="info">{t("secretGeneratedNote")}</Notice>
      )}
      {create.error && !create.error.problem.errors?.length && <ErrorNotice error={create.error} />}
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={create.busy}>
          {t("connect")}
        </Button>
        <Button onClick={onClose}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
