// Settings → Workspace → Customer attributes: the workspace's custom attribute definitions, with a
// form to add one (key, labels in both languages, type, choices) and a button to remove each.
import { Trash2 } from "lucide-preact";
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { SelectField, TextArea, TextField } from "../../components/field";
import { ErrorNotice, Loading } from "../../components/states";
import { useToast } from "../../components/toast";
import { useLanguage, useMessages } from "../../i18n/i18n";
import type { AttributeDefinitionView as AttributeDefinition } from "../../../../worker/core/attributes/attribute.schemas";
import { attributeDefinitionsMessages } from "./attribute-definitions.messages";

const TYPES = ["text", "number", "date", "boolean", "choice"] as const;

export function AttributeDefinitionsCard() {
  const t = useMessages(attributeDefinitionsMessages);
  const { language } = useLanguage();
  const toast = useToast();
  const list = useResource<{ items: AttributeDefinition[] }>("/api/attribute-definitions");
  const [key, setKey] = useState("");
  const [labelFa, setLabelFa] = useState("");
  const [labelEn, setLabelEn] = useState("");
  const [type, setType] = useState<(typeof TYPES)[number]>("text");
  const [choices, setChoices] = useState("");
  const add = useAction(async () => {
    const chosen = type === "choice" ? choices.split("\n").map((line) => line.trim()).filter(Boolean) : [];
    await api.post("/api/attribute-definitions", { key, labelFa, labelEn, type, choices: chosen });
    toast(t("added"));
    setKey("");
    setLabelFa("");
    setLabelEn("");
    setChoices("");
    await list.reload();
  });
  const remove = useAction(async (definition: AttributeDefinition) => {
    await api.delete(`/api/attribute-definitions/${encodeURIComponent(definition.key)}`);
    toast(t("removed"));
    await list.reload();
  });
  const fieldError = (name: string) => add.error?.fieldError(name);
  return (
    <Card title={t("heading")} labelledBy="attribute-definitions-heading">
      <p class="muted">{t("intro")}</p>
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={() => void list.reload()} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p class="muted">{t("none")}</p>
      ) : (
        <ul class="attribute-definitions">
          {list.data.items.map((definition) => {
            const label = language === "fa" ? definition.labelFa : definition.labelEn;
            return (
              <li key={definition.key} class="attribute-definitions__item">
                <span>
                  <strong>{label}</strong> <span class="muted small" dir="ltr">{definition.key}</span> · {t(`type_${definition.type}`)}
                  {definition.choices.length > 0 && <span class="muted small"> ({definition.choices.join(language === "fa" ? "، " : ", ")})</span>}
                </span>
                <Button variant="ghost" aria-label={t("remove", { label })} onClick={() => void remove.run(definition)}>
                  <Trash2 size={16} aria-hidden="true" />
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorNotice error={remove.error} />
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add.run();
        }}
      >
        <div class="form__row form__row--top">
          <TextField label={t("key")} name="attributeKey" dir="ltr" value={key} onValue={setKey} hint={t("keyHint")} error={fieldError("key")} required />
          <SelectField label={t("type")} name="attributeType" value={type} onValue={(value) => setType(value as (typeof TYPES)[number])} options={TYPES.map((value) => ({ value, label: t(`type_${value}`) }))} />
        </div>
        <div class="form__row form__row--top">
          <TextField label={t("labelFa")} name="labelFa" dir="rtl" value={labelFa} onValue={setLabelFa} error={fieldError("labelFa")} required />
          <TextField label={t("labelEn")} name="labelEn" dir="ltr" value={labelEn} onValue={setLabelEn} error={fieldError("labelEn")} required />
        </div>
        {type === "choice" && <TextArea label={t("choices")} name="choices" value={choices} onValue={setChoices} rows={3} hint={t("choicesHint")} error={fieldError("choices")} />}
        {add.error && !add.error.problem.errors?.length && <ErrorNotice error={add.error} />}
        <div class="form__actions">
          <Button type="submit" busy={add.busy}>
            {t("add")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
