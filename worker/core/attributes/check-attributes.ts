// Checks a customer's custom attributes against the workspace's definitions on every write:
// a defined key takes only a value of its type (a number for `number`, a real YYYY-MM-DD day for
// `date`, one of the choices for `choice`); null clears it. Keys without a definition (a
// customer's `locale`, values an integration stores) are kept as before.
import { isCalendarDay } from "../calendar/calendar-day";
import type { WorkspaceScope } from "../data/database";
import { Problem } from "../http/problem";
import { listAttributeDefinitions, type AttributeDefinitionRow } from "./attributes.repository";

type AttributeValue = string | number | boolean | null;

/** The error code for a value that does not fit its definition, or null when it fits. */
export function attributeProblem(definition: Pick<AttributeDefinitionRow, "type" | "choices">, value: AttributeValue): string | null {
  if (value === null) return null;
  switch (definition.type) {
    case "text":
      return typeof value === "string" && value.trim().length > 0 ? null : "attribute_not_text";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "attribute_not_number";
    case "boolean":
      return typeof value === "boolean" ? null : "attribute_not_boolean";
    case "date":
      return typeof value === "string" && isCalendarDay(value) ? null : "attribute_not_date";
    case "choice":
      return typeof value === "string" && definition.choices.includes(value) ? null : "attribute_not_a_choice";
  }
}

/** A 400 naming every attribute whose value does not fit its definition; nothing when all fit. */
export async function checkAttributes(scope: WorkspaceScope, attributes: Record<string, AttributeValue> | null | undefined): Promise<void> {
  if (!attributes || Object.keys(attributes).length === 0) return;
  const definitions = new Map((await listAttributeDefinitions(scope)).map((definition) => [definition.key, definition]));
  const errors = Object.entries(attributes).flatMap(([key, value]) => {
    const definition = definitions.get(key);
    const code = definition ? attributeProblem(definition, value) : null;
    return code ? [{ path: `body.attributes.${key}`, code, params: { choices: definition!.choices.join(", ") } }] : [];
  });
  if (errors.length) throw new Problem(400, "validation_failed", { errors });
}
