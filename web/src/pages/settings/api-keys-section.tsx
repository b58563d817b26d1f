// API keys (api_keys:manage): the list (name, scopes, last use), a new key with scopes whose
// secret is shown once, and revoking with confirmation. Scopes are limited to what the creator
// holds, so the catalogue here is the caller's own permissions.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { DateField } from "../../components/date-field";
import { TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { ConfirmButton } from "./confirm-button";
import { ListState } from "./list-state";
import { PermissionPicker } from "./permission-picker";
import { SecretBox } from "./secret-box";
import { settingsMessages } from "./settings.messages";
import { useCursorList } from "./use-cursor-list";
import { apiKeysMessages } from "./api-keys.messages";
import { endOfDay } from "./zoned-day";

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export function ApiKeysSection() {
  const t = useMessages(apiKeysMessages);
  const keys = useCursorList<ApiKey>("/api/api-keys");
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t("heading")}
      labelledBy="api-keys-heading"
      actions={
        !creating && (
          <Button variant="primary" small onClick={() => setCreating(true)}>
            {t("newKey")}
          </Button>
        )
      }
    >
      <p class="muted small card__intro">{t("intro")}</p>
      {creating && (
        <NewKeyForm
          onCreated={(key) => keys.setItems((items) => [key, ...items])}
          onClose={() => {
            setCreating(false);
          }}
        />
      )}
      <ListState list={keys} empty={t("noKeys")}>
        <ul class="settings-list">
          {keys.items.map((key) => (
            <ApiKeyItem key={key.id} apiKey={key} onRevoked={(revokedAt) => keys.setItems((items) => items.map((item) => (item.id === key.id ? { ...item, revokedAt } : item)))} />
          ))}
        </ul>
      </ListState>
    </Card>
  );
}

function ApiKeyItem({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: (revokedAt: string) => void }) {
  const t = useMessages(apiKeysMessages);
  const s = useMessages(settingsMessages);
  const f = useFormat();
  const toast = useToast();
  const revoke = useAction(async () => {
    await api.delete(`/api/api-keys/${apiKey.id}`);
    onRevoked(new Date().toISOString());
    toast(t("revoked"));
    return true;
  });
  const expired = apiKey.expiresAt !== null && Date.parse(apiKey.expiresAt) < Date.now();
  return (
    <li class="settings-item" aria-label={apiKey.name}>
      <div class="settings-item__main">
        <div class="settings-item__title">
          <strong>{apiKey.name}</strong>
          <code class="muted">{apiKey.prefix}…</code>
          {apiKey.revokedAt ? <span class="badge badge--danger">{t("revokedAt")}</span> : expired ? <span class="badge badge--warning">{t("expired")}</span> : null}
        </div>
        <div class="muted small">
          {t("lastUsed")}: {apiKey.lastUsedAt ? f.dateTime(apiKey.lastUsedAt) : s("never")} · {s("createdAt")}: {f.date(apiKey.createdAt)}
          {apiKey.expiresAt && (
            <>
              {" "}
              · {t("expiresAt")}: {f.date(apiKey.expiresAt)}
            </>
          )}
        </div>
        <div class="code-list" aria-label={t("scopeCount", { count: apiKey.scopes.length })}>
          {apiKey.scopes.map((scope) => (
            <code key={scope} class="badge">
              {scope}
            </code>
          ))}
        </div>
      </div>
      {!apiKey.revokedAt && (
        <div class="settings-item__controls">
          <ConfirmButton
            label={t("revoke")}
            title={t("revokeTitle", { name: apiKey.name })}
            message={t("revokeText")}
            busy={revoke.busy}
            error={<ErrorNotice error={revoke.error} />}
            onConfirm={async () => Boolean(await revoke.run())}
          />
        </div>
      )}
    </li>
  );
}

function NewKeyForm({ onCreated, onClose }: { onCreated: (key: ApiKey) => void; onClose: () => void }) {
  const t = useMessages(apiKeysMessages);
  const common = useMessages(commonMessages);
  const f = useFormat();
  const { me } = useSession();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [expires, setExpires] = useState("");
  const [secret, setSecret] = useState<string>();
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const create = useAction(async () => {
    const created = await api.post<ApiKey & { key: string }>("/api/api-keys", {
      name,
      scopes,
      ...(expires ? { expiresAt: new Date(endOfDay(expires, timeZone)).toISOString() } : {}),
    });
    const { key, ...listed } = created;
    onCreated(listed);
    setSecret(key);
  });
  if (secret)
    return (
      <div class="inline-panel">
        <SecretBox label={t("secretLabel")} value={secret} warning={t("secretWarning")} onDone={onClose} />
      </div>
    );
  return (
    <form
      class="form inline-panel"
      noValidate
      aria-labelledby="new-key-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void create.run();
      }}
    >
      <h3 id="new-key-heading">{t("newKeyTitle")}</h3>
      <div class="form__row">
        <TextField label={t("name")} name="name" value={name} onValue={setName} hint={t("nameHint")} error={create.error?.fieldError("name")} required />
        <DateField
          label={t("expires")}
          name="expiresAt"
          value={expires}
          onValue={setExpires}
          // The chosen day in words only under the browser's Gregorian picker; the Jalali parts say it.
          hint={expires && f.language === "en" ? f.date(endOfDay(expires, timeZone)) : t("expiresHint")}
          error={create.error?.fieldError("expiresAt")}
        />
      </div>
      <fieldset class="plain-fieldset">
        <legend class="field__label">{t("scopes")}</legend>
        <p class="field__hint">{t("scopesHint")}</p>
        <PermissionPicker catalogue={me?.permissions ?? []} value={scopes} onChange={setScopes} error={create.error?.fieldError("scopes")} />
      </fieldset>
      {create.error && !create.error.problem.errors?.length && <ErrorNotice error={create.error} />}
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={create.busy}>
          {t("create")}
        </Button>
        <Button onClick={onClose}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
