// Custom attribute definitions: the fields a workspace adds to its customers (a shoe size, a
// wedding date, a preferred branch), each with a label in both languages and a type that every
// customer write is checked against.
import { primaryKey, sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { createdAt, json, updatedAt, workspaceId } from "../data/columns";

export const ATTRIBUTE_TYPES = ["text", "number", "date", "boolean", "choice"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const attributeDefinitions = sqliteTable(
  "attribute_definitions",
  {
    workspaceId: workspaceId(),
    // The key the value is stored under in customers.attributes.
    key: text("key").notNull(),
    labelFa: text("label_fa").notNull(),
    labelEn: text("label_en").notNull(),
    type: text("type", { enum: ATTRIBUTE_TYPES }).notNull(),
    // For `choice`: the allowed values, in the order they are offered.
    choices: json<string[]>("choices").notNull(),
    // Shown in this order on the customer page.
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);
