// The request body a plugin's form block sends: typed values, dotted names nested, empty fields
// left out (or sent as null where the field says an emptied value clears it).
import type { UiBlock } from "../../../worker/plugin-api/ui-blocks";
import { putField } from "./block-values";

type FormBlock = Extract<UiBlock, { type: "form" }>;

export function formBody(block: FormBlock, values: Record<string, string | boolean | undefined>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...block.body };
  for (const field of block.fields) {
    const value = values[field.name];
    if (field.input === "checkbox") putField(body, field.name, Boolean(value));
    else if (value === "" || value === undefined) {
      if (field.emptyAs === "null") putField(body, field.name, null);
    } else putField(body, field.name, field.input === "number" ? Number(value) : value);
  }
  return body;
}
