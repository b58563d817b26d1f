// The customer's custom attributes, shown by their label in the reader's language with values in
// their type (a date in the reader's calendar, a choice, yes/no), and edited with typed inputs for
// those who may write customers. Attributes with no definition (an integration's) show by key.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { DateField } from "../../components/date-field";
import { SelectField, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { EmbeddedText } from "../../components/embedded-text";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { readNumber } from "../settings/number-text";
import type { AttributeDefinitionView as AttributeDefinition } from "../../../../worker/core/attributes/attribute.schemas";
import { formatCalendarDay } from "./calendar-day";
import type { Customer } from "./customer-types";
import { customerPageMessages } from "./customer-page.messages";
import { unmatchedProblem } from "./field-errors";

type Value = string | number | boolean | null;

export function AttributeValue({ definition, value }: { definition: AttributeDefinition | undefined; value: Value | undefined }) {
  const t = useMessages(customerPageMessages);
  const f = useFormat();
  if (value === null || value === undefined || value === "") return <span class="muted">{t("notSet")}</span>;
  if (typeof value === "boolean") return <>{value ? t("yes") : t("no")}</>;
  if (typeof value === "number") return <>{f.number(value)}</>;
  if (definition?.type === "date") return <>{formatCalendarDay(value, f.language)}</>;
  return <EmbeddedText>{value}</EmbeddedText>;
}

/** The form's text for a stored value, and the value the API takes back from the text. */
const asText = (value: Value | undefined) => (value === null || value === undefined ? "" : String(value));
function fromText(definition: AttributeDefinition, text: string): Value {
  if (text.trim() === "") return null;
  if (definition.type === "number") return readNumber(text) ?? null;
  if (definition.type === "boolean") return text === "true";
  return text;
}

function AttributesForm({ customer, definitions, onDone, onCancel }: { customer: Customer; definitions: AttributeDefinition[]; onDone: () => void; onCancel: () => void }) {
  const t = useMessages(customerPageMessages);
  const common = useMessages(commonMessages);
  const f = useFormat();
  const toast = useToast();
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(definitions.map((d) => [d.key, asText(customer.attributes[d.key])])));
  const set = (key: string) => (text: string) => setTexts((current) => ({ ...current, [key]: text }));
  const save = useAction(async () => {
    // The whole set is replaced: undefined attributes are kept as they were.
    const attributes = { ...customer.attributes, ...Object.fromEntries(definitions.map((d) => [d.key, fromText(d, texts[d.key] ?? "")])) };
    await api.patch(`/api/customers/${encodeURIComponent(customer.id)}`, { attributes });
    toast(t("attributesSaved"));
    onDone();
  });
  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      {definitions.map((definition) => {
        const label = f.language === "fa" ? definition.labelFa : definition.labelEn;
        const props = { label, name: `attribute-${definition.key}`, value: texts[definition.key] ?? "", onValue: set(definition.key), error: save.error?.fieldError(`attributes.${definition.key}`) };
        switch (definition.type) {
          case "date":
            return <DateField key={definition.key} {...props} />;
          case "boolean":
            return (
              <SelectField
                key={definition.key}
                {...props}
                options={[
                  { value: "", label: t("notSet") },
                  { value: "true", label: t("yes") },
                  { value: "false", label: t("no") },
                ]}
              />
            );
          case "choice":
            return <SelectField key={definition.key} {...props} options={[{ value: "", label: t("notSet") }, ...definition.choices.map((choice) => ({ value: choice, label: choice }))]} />;
          case "number":
            return <TextField key={definition.key} {...props} inputMode="decimal" dir="ltr" />;
          default:
            return <TextField key={definition.key} {...props} />;
        }
      })}
      <ErrorNotice error={unmatchedProblem(save.error, definitions.map((d) => `attributes.${d.key}`))} />
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={save.busy}>
          {t("saveAttributes")}
        </Button>
        <Button onClick={onCancel}>{common("cancel")}</Button>
      </div>
    </form>
  );
}

export function CustomerAttributes({ customer, onChanged }: { customer: Customer; onChanged: () => void }) {
  const t = useMessages(customerPageMessages);
  const f = useFormat();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const definitions = useResource<{ items: AttributeDefinition[] }>("/api/attribute-definitions");
  const defined = definitions.data?.items ?? [];
  const byKey = new Map(defined.map((definition) => [definition.key, definition]));
  const others = Object.keys(customer.attributes).filter((key) => !byKey.has(key));
  if (defined.length === 0 && others.length === 0) return null;
  return (
    <Card
      title={t("attributes")}
      labelledBy="attributes-title"
      actions={can("customers:write") && defined.length > 0 && !editing ? <Button onClick={() => setEditing(true)}>{t("editAttributes")}</Button> : undefined}
    >
      {editing ? (
        <AttributesForm
          customer={customer}
          definitions={defined}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
        />
      ) : (
        <dl class="profile-facts">
          {defined.map((definition) => (
            <div class="profile-facts__row" key={definition.key}>
              <dt>{f.language === "fa" ? definition.labelFa : definition.labelEn}</dt>
              <dd>
                <AttributeValue definition={definition} value={customer.attributes[definition.key]} />
              </dd>
            </div>
          ))}
          {others.map((key) => (
            <div class="profile-facts__row" key={key}>
              <dt dir="ltr">{key}</dt>
              <dd>
                <AttributeValue definition={undefined} value={customer.attributes[key]} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
