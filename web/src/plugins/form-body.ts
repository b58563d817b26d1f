// The request body a plugin's form block or step list sends: typed values, dotted names nested,
// empty fields left out (or sent as null where the field says an emptied value clears it), and
// fields hidden by their `shownWhen` left out.
import type { UiBlock } from "../../../worker/plugin-api/ui-blocks";
import { getField, putField, removeField, shownFields } from "./block-values";

type FormBlock = Extract<UiBlock, { type: "form" }>;
type StepListBlock = Extract<UiBlock, { type: "steps" }>;

export function formBody(block: FormBlock, values: Record<string, string | boolean | undefined>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...block.body };
  for (const field of shownFields(block.fields, (name) => values[name])) {
    const value = values[field.name];
    if (field.input === "checkbox") putField(body, field.name, Boolean(value));
    else if (value === "" || value === undefined) {
      if (field.emptyAs === "null") putField(body, field.name, null);
    } else if (field.input === "select") putField(body, field.name, field.options?.find((option) => String(option.value) === value)?.value ?? value);
    else putField(body, field.name, field.input === "number" ? Number(value) : value);
  }
  return body;
}

/** A step list's body: its fixed members as its own fields left them (minus those hidden now), and the items as `name`. */
export function stepListBody(block: StepListBlock, values: Record<string, unknown>, items: Array<Record<string, unknown>>): Record<string, unknown> {
  const body = structuredClone(values);
  const fields = block.fields ?? [];
  // Two fields may share a member (one per condition): it goes when none that is shown has it.
  const shown = new Set(shownFields(fields, (name) => getField(values, name)).map((field) => field.name));
  for (const field of fields) if (!shown.has(field.name)) removeField(body, field.name);
  putField(body, block.name, items);
  return body;
}

/** After a change of a list's own field `edited`: a field that appears with no value takes its default (the one just emptied stays empty). */
export function withAppearingDefaults(block: StepListBlock, values: Record<string, unknown>, edited: string): Record<string, unknown> {
  for (const field of shownFields(block.fields ?? [], (name) => getField(values, name))) {
    if (field.name !== edited && field.default !== undefined && getField(values, field.name) === undefined) putField(values, field.name, field.default);
  }
  return values;
}
