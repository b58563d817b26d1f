// Outgoing webhooks (webhooks:manage): subscriptions with their delivery health, a new one whose
// signing secret is shown once, and per subscription: deliveries, disable / enable, a new secret,
// delete.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { EventPicker } from "./event-picker";
import { ListState } from "./list-state";
import { SecretBox } from "./secret-box";
import { useCursorList } from "./use-cursor-list";
import { WebhookItem, type Webhook } from "./webhook-item";
import { webhooksMessages } from "./webhooks.messages";

export function WebhooksSection() {
  const t = useMessages(webhooksMessages);
  const webhooks = useCursorList<Webhook>("/api/webhooks");
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t("heading")}
      labelledBy="webhooks-heading"
      actions={
        !creating && (
          <Button variant="primary" small onClick={() => setCreating(true)}>
            {t("newWebhook")}
          </Button>
        )
      }
    >
      <p class="muted small card__intro">{t("intro")}</p>
      {creating && <NewWebhookForm onCreated={(webhook) => webhooks.setItems((items) => [webhook, ...items])} onClose={() => setCreating(false)} />}
      <ListState list={webhooks} empty={t("noWebhooks")}>
        <ul class="settings-list">
          {webhooks.items.map((webhook) => (
            <WebhookItem
              key={webhook.id}
              webhook={webhook}
              onChanged={(next) => webhooks.setItems((items) => items.map((item) => (item.id === next.id ? next : item)))}
              onDeleted={() => webhooks.setItems((items) => items.filter((item) => item.id !== webhook.id))}
            />
          ))}
        </ul>
      </ListState>
    </Card>
  );
}

function NewWebhookForm({ onCreated, onClose }: { onCreated: (webhook: Webhook) => void; onClose: () => void }) {
  const t = useMessages(webhooksMessages);
  const common = useMessages(commonMessages);
  const [url, setUrl] = useState("https://");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const [secret, setSecret] = useState<string>();
  const create = useAction(async () => {
    const created = await api.post<Webhook & { secret: string }>("/api/webhooks", { url: url.trim(), events, ...(description.trim() ? { description: description.trim() } : {}) });
    const { secret: shownOnce, ...listed } = created;
    onCreated(listed);
    setSecret(shownOnce);
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
      aria-labelledby="new-webhook-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void create.run();
      }}
    >
      <h3 id="new-webhook-heading">{t("newTitle")}</h3>
      <TextField label={t("url")} name="url" type="url" dir="ltr" value={url} onValue={setUrl} error={create.error?.fieldError("url")} required />
      <TextField label={t("description")} name="description" value={description} onValue={setDescription} error={create.error?.fieldError("description")} />
      <EventPicker value={events} onChange={setEvents} error={create.error?.fieldError("events")} />
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
