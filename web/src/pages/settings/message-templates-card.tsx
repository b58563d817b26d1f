// Saved message templates (settings:manage): the list, and a dialog to create or edit one with its
// Persian and English text. Deleting asks first.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { Dialog } from "../../components/dialog";
import { Empty, ErrorNotice, Loading } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import type { MessageTemplate } from "../../messaging/message-types";
import { customerWords } from "../customers/customer-words.messages";
import { ConfirmButton } from "./confirm-button";
import { MessageTemplateForm } from "./message-template-form";
import { templatesMessages } from "./message-templates.messages";

export function MessageTemplatesCard() {
  const t = useMessages(templatesMessages);
  const templates = useResource<{ items: MessageTemplate[] }>("/api/messaging/templates");
  /** The template being edited, "new", or none. */
  const [editing, setEditing] = useState<MessageTemplate | "new" | null>(null);
  const saved = (template: MessageTemplate) => {
    templates.mutate((current) => {
      const items = current?.items ?? [];
      const known = items.some((item) => item.id === template.id);
      return { items: known ? items.map((item) => (item.id === template.id ? template : item)) : [...items, template] };
    });
    setEditing(null);
  };
  const items = templates.data?.items ?? [];
  return (
    <Card
      title={t("title")}
      labelledBy="message-templates-heading"
      actions={
        <Button small variant="primary" onClick={() => setEditing("new")}>
          {t("add")}
        </Button>
      }
    >
      {templates.error && !templates.data ? (
        <ErrorNotice error={templates.error} onRetry={() => void templates.reload()} />
      ) : !templates.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{t("empty")}</Empty>
      ) : (
        <ul class="settings-list">
          {items.map((template) => (
            <TemplateItem
              key={template.id}
              template={template}
              onEdit={() => setEditing(template)}
              onDeleted={() => templates.mutate((current) => ({ items: (current?.items ?? []).filter((item) => item.id !== template.id) }))}
            />
          ))}
        </ul>
      )}
      <Dialog open={editing !== null} title={editing === "new" ? t("add") : t("editTitle", { name: editing?.name ?? "" })} onClose={() => setEditing(null)}>
        {editing !== null && <MessageTemplateForm key={editing === "new" ? "new" : editing.id} template={editing === "new" ? null : editing} onSaved={saved} onCancel={() => setEditing(null)} />}
      </Dialog>
    </Card>
  );
}

function TemplateItem({ template, onEdit, onDeleted }: { template: MessageTemplate; onEdit: () => void; onDeleted: () => void }) {
  const t = useMessages(templatesMessages);
  const w = useMessages(customerWords);
  const toast = useToast();
  const remove = useAction(async () => {
    await api.delete(`/api/messaging/templates/${encodeURIComponent(template.id)}`);
    toast(t("deleted"));
    onDeleted();
    return true;
  });
  return (
    <li class="settings-item" aria-label={template.name}>
      <div class="settings-item__main">
        <div class="settings-item__title">
          <strong class="ltr break" dir="ltr">
            {template.name}
          </strong>
          <span class="badge">{w(`channel_${template.channel}`)}</span>
          <span class="badge">{w(`purpose_${template.purpose}`)}</span>
          {template.providerTemplate && (
            <span class="badge" dir="ltr">
              {t("pattern", { name: template.providerTemplate })}
            </span>
          )}
        </div>
        <p class="template-text" lang="fa" dir="rtl">
          {template.text.fa}
        </p>
        <p class="template-text" lang="en" dir="ltr">
          {template.text.en}
        </p>
      </div>
      <div class="settings-item__actions">
        <Button small onClick={onEdit} aria-label={t("editNamed", { name: template.name })}>
          {t("edit")}
        </Button>
        <ConfirmButton
          label={t("delete")}
          title={t("deleteTitle", { name: template.name })}
          message={t("deleteMessage")}
          onConfirm={async () => (await remove.run()) === true}
          busy={remove.busy}
          error={<ErrorNotice error={remove.error} />}
        />
      </div>
    </li>
  );
}
