// A form generated from a JSON Schema (a plugin's settings): text, numbers, switches, choices,
// nested objects and arrays of anything, to any depth; anything else is edited as JSON. Names,
// explanations and choices are shown in the reader's language when the plugin gives them. Each
// field shows the API's error for its own path (`tiers.0.threshold`).
import { useEffect, useState } from "preact/hooks";
import { Button } from "../../components/button";
import { Checkbox, SelectField, TextArea, TextField } from "../../components/field";
import { useFormat } from "../../i18n/format";
import { pickText, useLanguage, useMessages, type Language } from "../../i18n/i18n";
import { choiceText, humanize, initialValue, kindOf, schemaText, unwrapNullable, type JsonSchema, type Localized } from "./json-schema";
import { readNumber } from "./number-text";
import { pluginsMessages } from "./plugins.messages";

type Errors = ReadonlyMap<string, string>;

interface FieldProps {
  /** The property name (or the item's label inside an array). */
  name: string;
  label?: string;
  schema: JsonSchema;
  root: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  path: string;
  errors: Errors;
  /** Present in the parent's `required` list. */
  required: boolean;
}

export function SchemaForm({ schema, value, onChange, errors }: { schema: JsonSchema; value: Record<string, unknown>; onChange: (value: Record<string, unknown>) => void; errors: Errors }) {
  return <ObjectFields schema={schema} root={schema} value={value} onChange={onChange} path="" errors={errors} />;
}

function ObjectFields({ schema, root, value, onChange, path, errors }: { schema: JsonSchema; root: JsonSchema; value: Record<string, unknown>; onChange: (value: Record<string, unknown>) => void; path: string; errors: Errors }) {
  return (
    <div class="schema-fields">
      {Object.entries(schema.properties ?? {}).map(([key, property]) => (
        <SchemaField
          key={key}
          name={key}
          schema={property}
          root={root}
          value={value[key]}
          required={Boolean(schema.required?.includes(key))}
          path={path ? `${path}.${key}` : key}
          errors={errors}
          onChange={(next) => {
            const copy = { ...value };
            if (next === undefined) delete copy[key];
            else copy[key] = next;
            onChange(copy);
          }}
        />
      ))}
    </div>
  );
}

function useLabel(schema: JsonSchema, name: string, given?: string) {
  const t = useMessages(pluginsMessages);
  const { language } = useLanguage();
  if (given) return given;
  const title = schemaText(schema, "title");
  if (title) return pickText(title, language);
  // Text given in both languages ({ en, fa }) is common in plugin settings: name the halves.
  if (name === "en") return t("english");
  if (name === "fa") return t("persian");
  return humanize(name);
}

function SchemaField(props: FieldProps) {
  const { name, root, value, onChange, path, errors, required } = props;
  const { schema, nullable } = unwrapNullable(props.schema, root);
  const { language } = useLanguage();
  const label = useLabel(schema, name, props.label);
  const description = schemaText(schema, "description");
  const hint = description ? pickText(description, language) : undefined;
  const error = errors.get(path);
  // What an emptied box sends: null where allowed, nothing for an optional field, else the empty value.
  const optional = !required && schema.default === undefined;
  const empty = nullable ? null : optional ? undefined : "";

  switch (kindOf(schema)) {
    case "string":
      return (
        <TextField
          label={label}
          hint={hint}
          error={error}
          required={required && schema.default === undefined}
          dir="auto"
          type={schema.format === "email" ? "email" : schema.format === "uri" ? "url" : "text"}
          value={typeof value === "string" ? value : value === null || value === undefined ? "" : String(value)}
          onValue={(text) => onChange(text === "" ? empty : text)}
        />
      );
    case "number":
    case "integer":
      return <NumberField label={label} hint={hint} error={error} required={required && schema.default === undefined} integer={schema.type === "integer"} value={value} onChange={(next) => onChange(next === undefined ? (nullable ? null : optional ? undefined : null) : next)} />;
    case "boolean":
      return (
        <div class={error ? "field field--invalid" : "field"}>
          <Checkbox label={label} hint={hint} checked={value === true} onChecked={onChange} />
          {error && (
            <p class="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
      );
    case "enum": {
      const options = schema.enum!.map((option) => {
        const text = choiceText(schema, option);
        return { value: String(option), label: text ? pickText(text, language) : String(option) };
      });
      if (nullable || optional || value === undefined || value === null) options.unshift({ value: "", label: "—" });
      return (
        <SelectField
          label={label}
          hint={hint}
          error={error}
          value={value === null || value === undefined ? "" : String(value)}
          onValue={(text) => onChange(text === "" ? empty : (schema.enum!.find((option) => String(option) === text) ?? text))}
          options={options}
        />
      );
    }
    case "object":
      return (
        <fieldset class="schema-group">
          <legend>{label}</legend>
          {hint && <p class="field__hint">{hint}</p>}
          {error && (
            <p class="field__error" role="alert">
              {error}
            </p>
          )}
          <ObjectFields schema={schema} root={root} value={(value ?? {}) as Record<string, unknown>} onChange={onChange} path={path} errors={errors} />
        </fieldset>
      );
    case "array":
      return <ArrayField {...props} schema={schema} label={label} hint={hint} />;
    default:
      return <JsonField label={label} hint={hint} error={error} value={value} onChange={onChange} />;
  }
}

function NumberField({ label, hint, error, required, integer, value, onChange }: { label: string; hint?: string; error?: string; required: boolean; integer: boolean; value: unknown; onChange: (value: number | string | undefined) => void }) {
  const f = useFormat();
  const show = (current: unknown) => (current === null || current === undefined ? "" : f.digits(String(current)));
  const [text, setText] = useState(() => show(value));
  // Follow changes made elsewhere (restored defaults, an item removed above), not our own typing.
  useEffect(() => {
    const typed = readNumber(text);
    if (typed !== value && !(typed === undefined && (value === null || value === undefined))) setText(show(value));
  }, [value]);
  return (
    <TextField
      label={label}
      hint={hint}
      error={error}
      required={required}
      inputMode={integer ? "numeric" : "decimal"}
      dir="ltr"
      value={text}
      onValue={(next) => {
        setText(next);
        onChange(readNumber(next));
      }}
    />
  );
}

function JsonField({ label, hint, error, value, onChange }: { label: string; hint?: string; error?: string; value: unknown; onChange: (value: unknown) => void }) {
  const t = useMessages(pluginsMessages);
  const [text, setText] = useState(() => (value === undefined ? "" : JSON.stringify(value, null, 2)));
  const [invalid, setInvalid] = useState(false);
  return (
    <TextArea
      label={label}
      hint={hint ?? t("jsonHint")}
      error={error ?? (invalid ? t("invalidJson") : undefined)}
      rows={4}
      dir="ltr"
      value={text}
      onValue={(next) => {
        setText(next);
        if (next.trim() === "") {
          setInvalid(false);
          onChange(undefined);
          return;
        }
        try {
          onChange(JSON.parse(next));
          setInvalid(false);
        } catch {
          // Sent as typed, so the API's validation names the field too.
          setInvalid(true);
          onChange(next);
        }
      }}
    />
  );
}

/** "Item 2 · gold": the item's name, title or key, when it has one, tells the items apart. */
function itemTitle(numbered: string, item: unknown, language: Language) {
  if (!item || typeof item !== "object") return numbered;
  const fields = item as Record<string, unknown>;
  // Text in both languages (a tier's benefit): the item is its own title.
  if (typeof fields.en === "string" && typeof fields.fa === "string" && pickText(fields as unknown as Localized, language).trim()) return `${numbered} · ${pickText(fields as unknown as Localized, language).trim()}`;
  for (const key of ["name", "title", "label", "key"]) {
    const value = fields[key];
    const text = typeof value === "string" ? value : value && typeof value === "object" && "en" in value && "fa" in value ? pickText(value as Localized, language) : "";
    if (text.trim()) return `${numbered} · ${text.trim()}`;
  }
  return numbered;
}

function ArrayField({ schema, root, value, onChange, path, errors, label, hint }: FieldProps & { label: string; hint?: string }) {
  const t = useMessages(pluginsMessages);
  const { language } = useLanguage();
  const f = useFormat();
  const items = Array.isArray(value) ? value : [];
  const itemSchema = unwrapNullable(schema.items ?? {}, root).schema;
  const itemsAreObjects = kindOf(itemSchema) === "object";
  // "Tier 2" when the items have a name of their own, else "Item 2".
  const itemName = schemaText(itemSchema, "title");
  const numbered = (n: string) => (itemName ? `${pickText(itemName, language)} ${n}` : t("itemN", { n }));
  const error = errors.get(path);
  const replace = (index: number, next: unknown) => onChange(items.map((item, i) => (i === index ? next : item)));
  const remove = (index: number) => onChange(items.filter((_, i) => i !== index));
  return (
    <fieldset class="schema-group schema-array">
      <legend>{label}</legend>
      {hint && <p class="field__hint">{hint}</p>}
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      {items.length > 0 && (
        <ol class="schema-array__items">
          {items.map((item, index) => {
            const n = f.number(index + 1);
            const removeButton = (
              <Button small variant="ghost" class="button--danger-text" onClick={() => remove(index)}>
                {t("removeItem", { n })}
              </Button>
            );
            return (
              <li key={index} class="schema-array__item">
                {itemsAreObjects ? (
                  <fieldset class="schema-group">
                    <legend>{itemTitle(numbered(n), item, language)}</legend>
                    {errors.get(`${path}.${index}`) && (
                      <p class="field__error" role="alert">
                        {errors.get(`${path}.${index}`)}
                      </p>
                    )}
                    <ObjectFields schema={itemSchema} root={root} value={(item ?? {}) as Record<string, unknown>} onChange={(next) => replace(index, next)} path={`${path}.${index}`} errors={errors} />
                    <div class="form__actions">{removeButton}</div>
                  </fieldset>
                ) : (
                  <div class="schema-array__row">
                    <SchemaField name={String(index)} label={itemName ? numbered(n) : `${label} ${n}`} schema={schema.items ?? {}} root={root} value={item} onChange={(next) => replace(index, next)} path={`${path}.${index}`} errors={errors} required />
                    {removeButton}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <Button small onClick={() => onChange([...items, initialValue(schema.items ?? {}, root)])}>
          + {t("addItem", { label })}
        </Button>
      </div>
    </fieldset>
  );
}
