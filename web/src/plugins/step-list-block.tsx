// The "steps" block: an ordered list of small forms (a flow's steps), each of a kind chosen from a
// list whose fields follow the kind. Items are added, removed and moved with buttons named after
// the item ("Move step 2 up"); moving keeps `item` fields pointing at the same items. The server's
// field errors (body.definition.steps.2.days) show at their item and field. The list's own fields
// (a flow's trigger and goal) come above the items and go in the same body.
import { useEffect, useId, useState } from "preact/hooks";
import type { UiBlock, UiText } from "../../../worker/plugin-api/ui-blocks";
import { ApiError, type FieldProblem } from "../api/client";
import { Button } from "../components/button";
import { Checkbox, SelectField, TextArea, TextField } from "../components/field";
import { ErrorNotice } from "../components/states";
import { useToast } from "../components/toast";
import { pickText, type Language } from "../i18n/i18n";
import { getField, putField, removeField, sendRequest, shownFields, toLatinDigits } from "./block-values";
import { stepListBody, withAppearingDefaults } from "./form-body";
import { fillPath } from "./plugin-surface";

type StepListBlock = Extract<UiBlock, { type: "steps" }>;
type Kind = StepListBlock["kinds"][number];
type Field = Kind["fields"][number];
type Item = { key: number; values: Record<string, unknown> };

const WORDS = {
  en: {
    kind: "Kind of step",
    add: "Add a step",
    remove: (item: string) => `Remove ${item}`,
    up: (item: string) => `Move ${item} up`,
    down: (item: string) => `Move ${item} down`,
    saved: "Saved",
    fix: "Correct the marked fields.",
  },
  fa: {
    kind: "نوع گام",
    add: "افزودن گام",
    remove: (item: string) => `حذف ${item}`,
    up: (item: string) => `بردن ${item} به بالا`,
    down: (item: string) => `بردن ${item} به پایین`,
    saved: "ذخیره شد",
    fix: "موارد مشخص‌شده را اصلاح کنید.",
  },
} as const;

let nextKey = 1;
const keyed = (values: Record<string, unknown>): Item => ({ key: nextKey++, values });

/** A new item of a kind: its kind and the defaults of its fields. */
function newItem(block: StepListBlock, kind: Kind): Record<string, unknown> {
  const values: Record<string, unknown> = { [block.kindKey]: kind.value };
  for (const field of kind.fields) if (field.default !== undefined) putField(values, field.name, field.default);
  return values;
}

/** After a move or a removal, `item` fields follow their items: `at(old)` is the new index, or undefined when it is gone. */
function renumber(block: StepListBlock, items: Item[], at: (old: number) => number | undefined): Item[] {
  return items.map((item) => {
    const kind = block.kinds.find((k) => k.value === item.values[block.kindKey]);
    const values = structuredClone(item.values);
    for (const field of kind?.fields ?? []) {
      if (field.input !== "item") continue;
      const old = getField(values, field.name);
      if (typeof old !== "number") continue;
      const now = at(old);
      if (now === undefined) removeField(values, field.name);
      else putField(values, field.name, now);
    }
    return { key: item.key, values };
  });
}

export function StepList({ pluginId, block, language, onChanged }: { pluginId: string; block: StepListBlock; language: Language; onChanged: () => void }) {
  const toast = useToast();
  const words = WORDS[language];
  const id = useId();
  const [items, setItems] = useState<Item[]>(() => block.items.map(keyed));
  const [own, setOwn] = useState<Record<string, unknown>>(() => structuredClone(block.body ?? {}));
  const [busy, setBusy] = useState<number>();
  const [error, setError] = useState<ApiError>();
  const [focus, setFocus] = useState<string>();
  const text = (value: UiText | undefined) => pickText(value, language);
  const number = (n: number) => new Intl.NumberFormat(language === "fa" ? "fa-IR" : "en-US").format(n);
  const labelOf = (index: number) => text(block.itemLabel).replace("{n}", number(index + 1));
  // Inside a sentence ("Move step 2 up"), the item's name is not a heading.
  const named = (index: number) => (language === "en" ? labelOf(index).replace(/^./, (c) => c.toLowerCase()) : labelOf(index));

  // A reload (after saving) brings the list as the server keeps it.
  const shown = JSON.stringify(block.items);
  useEffect(() => setItems(block.items.map(keyed)), [shown]);
  const shownOwn = JSON.stringify(block.body ?? {});
  useEffect(() => setOwn(structuredClone(block.body ?? {})), [shownOwn]);
  function updateOwn(name: string, value: unknown) {
    const values = structuredClone(own);
    if (value === undefined) removeField(values, name);
    else putField(values, name, value);
    setOwn(withAppearingDefaults(block, values, name));
  }
  useEffect(() => {
    if (!focus) return;
    const target = document.getElementById(focus);
    (target?.matches("button, select") ? target : target?.querySelector("select"))?.focus();
    setFocus(undefined);
  }, [focus]);

  const kindOf = (item: Item) => block.kinds.find((kind) => kind.value === item.values[block.kindKey]) ?? block.kinds[0]!;
  function update(index: number, change: (values: Record<string, unknown>) => void) {
    setItems(
      items.map((item, i) => {
        if (i !== index) return item;
        const values = structuredClone(item.values);
        change(values);
        return { key: item.key, values };
      }),
    );
  }

  function move(index: number, by: -1 | 1) {
    const other = index + by;
    const next = [...items];
    [next[index], next[other]] = [next[other]!, next[index]!];
    setItems(renumber(block, next, (old) => (old === index ? other : old === other ? index : old)));
    // The button follows its item; at the end of the list, the other one takes the focus.
    const atEdge = other === 0 || other === items.length - 1;
    setFocus(`${id}-${items[index]!.key}-${atEdge ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down"}`);
  }
  function remove(index: number) {
    setItems(renumber(block, items.filter((_, i) => i !== index), (old) => (old === index ? undefined : old > index ? old - 1 : old)));
    setFocus(`${id}-add`);
  }
  function add() {
    const item = keyed(newItem(block, block.kinds[0]!));
    setItems([...items, item]);
    setFocus(`${id}-${item.key}-kind`);
  }

  async function send(index: number) {
    const submit = block.submits[index]!;
    setBusy(index);
    setError(undefined);
    try {
      const body = stepListBody(block, own, items.map((item) => item.values));
      const answer = (await sendRequest<Record<string, unknown>>(pluginId, submit.request, fillPath(submit.request.path, block.body ?? {}), body)) ?? {};
      if (submit.then) await sendRequest(pluginId, submit.then, fillPath(submit.then.path, block.body ?? {}), {});
      toast(submit.successText ? fillPath(text(submit.successText), answer).replace(/%20/g, " ") : words.saved);
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));
    } finally {
      setBusy(undefined);
    }
  }

  const prefix = `body.${block.name}.`;
  const problemsAt = (index: number): FieldProblem[] =>
    error?.problem.errors?.filter((problem) => problem.path === `${prefix}${index}` || problem.path.startsWith(`${prefix}${index}.`)) ?? [];
  const fieldProblem = (problems: FieldProblem[], index: number, field: Field) => {
    const path = `${prefix}${index}.${field.name}`;
    return problems.find((problem) => problem.path === path || problem.path.startsWith(`${path}.`));
  };
  const ownFields = shownFields(block.fields ?? [], (name) => getField(own, name));
  const ownProblem = (field: Field) => error?.problem.errors?.find((problem) => problem.path === `body.${field.name}` || problem.path.startsWith(`body.${field.name}.`));
  // Problems outside the items that no field of the list shows (a trigger's member without a field).
  const ownUnplaced = (error?.problem.errors ?? []).filter(
    (problem) => problem.path.startsWith("body.") && !problem.path.startsWith(prefix) && !ownFields.some((field) => ownProblem(field) === problem),
  );

  return (
    <section class="step-list stack" aria-labelledby={block.title ? `${id}-title` : undefined}>
      {ownFields.length > 0 && (
        <fieldset class="step-list__fieldset">
          {block.fieldsTitle && <legend class="step-list__legend">{text(block.fieldsTitle)}</legend>}
          {ownUnplaced.map((problem) => (
            <p key={problem.path} class="field__error" role="alert">
              {problem.message}
            </p>
          ))}
          <div class="form__row">
            {ownFields.map((field) => (
              <StepField
                key={field.name}
                field={field}
                value={getField(own, field.name)}
                error={ownProblem(field)?.message}
                text={text}
                language={language}
                items={[]}
                onValue={(value) => updateOwn(field.name, value)}
              />
            ))}
          </div>
        </fieldset>
      )}
      {block.title && <h3 id={`${id}-title`}>{text(block.title)}</h3>}
      <ol class="step-list__items">
        {items.map((item, index) => {
          const kind = kindOf(item);
          const problems = problemsAt(index);
          const unplaced = problems.filter((problem) => !kind.fields.some((field) => fieldProblem([problem], index, field)));
          return (
            <li key={item.key} class={problems.length ? "step-list__item step-list__item--invalid" : "step-list__item"}>
              <fieldset class="step-list__fieldset">
                <legend class="step-list__legend">
                  {labelOf(index)} · {text(kind.label)}
                </legend>
                {unplaced.map((problem) => (
                  <p key={problem.path} class="field__error" role="alert">
                    {problem.message}
                  </p>
                ))}
                <div class="form__row">
                  <div id={`${id}-${item.key}-kind`}>
                    <SelectField
                      label={words.kind}
                      value={kind.value}
                      onValue={(value) => update(index, (values) => {
                        for (const key of Object.keys(values)) delete values[key];
                        Object.assign(values, newItem(block, block.kinds.find((k) => k.value === value) ?? kind));
                      })}
                      options={block.kinds.map((k) => ({ value: k.value, label: text(k.label) }))}
                    />
                  </div>
                  {shownFields(kind.fields, (name) => getField(item.values, name)).map((field) => (
                    <StepField
                      key={`${kind.value}-${field.name}`}
                      field={field}
                      value={getField(item.values, field.name)}
                      error={fieldProblem(problems, index, field)?.message}
                      text={text}
                      language={language}
                      items={items.map((_, i) => ({ value: String(i), label: labelOf(i) })).filter((_, i) => i !== index)}
                      onValue={(value) => update(index, (values) => (value === undefined ? removeField(values, field.name) : putField(values, field.name, value)))}
                    />
                  ))}
                </div>
                <div class="row step-list__tools">
                  <Button small id={`${id}-${item.key}-up`} disabled={index === 0} aria-label={words.up(named(index))} onClick={() => move(index, -1)}>
                    <span aria-hidden="true">↑</span>
                  </Button>
                  <Button small id={`${id}-${item.key}-down`} disabled={index === items.length - 1} aria-label={words.down(named(index))} onClick={() => move(index, 1)}>
                    <span aria-hidden="true">↓</span>
                  </Button>
                  <Button small variant="danger" disabled={items.length <= 1} onClick={() => remove(index)}>
                    {words.remove(named(index))}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div class="row">
        <Button id={`${id}-add`} disabled={block.maxItems !== undefined && items.length >= block.maxItems} onClick={add}>
          {words.add}
        </Button>
      </div>
      {error && <ErrorNotice error={error.problem.errors?.length ? new ApiError({ ...error.problem, detail: words.fix }) : error} />}
      <div class="form__actions row">
        {block.submits.map((submit, index) => (
          <Button key={index} variant={submit.primary ? "primary" : "secondary"} busy={busy === index} disabled={busy !== undefined && busy !== index} onClick={() => void send(index)}>
            {text(submit.label)}
          </Button>
        ))}
      </div>
    </section>
  );
}

/** One field of an item; an empty value removes the member, so the server sees it absent. */
function StepField({
  field,
  value,
  error,
  text,
  language,
  items,
  onValue,
}: {
  field: Field;
  value: unknown;
  error: string | undefined;
  text: (value: UiText | undefined) => string;
  language: Language;
  items: Array<{ value: string; label: string }>;
  onValue: (value: unknown) => void;
}) {
  const common = { label: text(field.label), error, hint: text(field.help) || undefined, required: field.required };
  const inDigits = (value: string) => (language === "fa" ? value.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!) : value);
  const shown = value === undefined || value === null ? "" : String(value);
  const orAbsent = (next: string) => onValue(next === "" ? undefined : next);
  switch (field.input) {
    case "checkbox":
      return <Checkbox label={common.label} checked={value === true} onChecked={(checked) => onValue(checked)} hint={common.hint} />;
    case "textarea":
      return <TextArea {...common} value={shown} onValue={orAbsent} />;
    case "select":
      return (
        <SelectField
          {...common}
          value={shown}
          // The option's own value: a number stays a number.
          onValue={(next) => onValue(next === "" ? undefined : (field.options?.find((option) => String(option.value) === next)?.value ?? next))}
          options={[{ value: "", label: "—" }, ...(field.options ?? []).map((option) => ({ value: String(option.value), label: text(option.label) }))]}
        />
      );
    case "item":
      return <SelectField {...common} value={shown} onValue={(next) => onValue(next === "" ? undefined : Number(next))} options={[{ value: "", label: "—" }, ...items]} />;
    case "number":
      return (
        <TextField
          {...common}
          inputMode="numeric"
          placeholder={text(field.placeholder)}
          // Persian digits in Persian; either kind typed is read as the number.
          value={inDigits(shown)}
          // A number when it reads as one; else the text, which the server names as wrong at this field.
          onValue={(next) => {
            const latin = toLatinDigits(next).trim();
            onValue(latin === "" ? undefined : /^-?\d+(\.\d+)?$/.test(latin) ? Number(latin) : latin);
          }}
        />
      );
    case "time":
      // In the reader's digits; sent as 10:00 whichever digits were typed.
      return <TextField {...common} inputMode="numeric" dir="ltr" placeholder={text(field.placeholder)} value={inDigits(shown)} onValue={(next) => orAbsent(toLatinDigits(next).trim())} />;
    default:
      return <TextField {...common} type={field.input === "date" ? "date" : "text"} placeholder={text(field.placeholder)} value={shown} onValue={orAbsent} />;
  }
}
