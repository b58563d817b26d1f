// The table of every event and its payload, rendered from the zod schemas (core's catalog and each
// registered plugin's own events) into the marked section of PLUGINS.md. One piece of code for
// `npm run docs:events` (which writes the section) and for the test that finds it stale.
import { z } from "@hono/zod-openapi";
import { BEFORE_EVENT_NAMES } from "../plugin-runtime/before-events";
import type { AnyPlugin } from "../plugin-runtime/validate-plugins";
import { coreEvents } from "./event-catalog";

export const EVENTS_START = "<!-- events:start -->";
export const EVENTS_END = "<!-- events:end -->";

/** Events from one source: core, or one plugin (its `events`). */
export interface EventGroup {
  /** "core", or the plugin's id. */
  source: string;
  events: Record<string, z.ZodType>;
}

/** Core's events, then each plugin's own, in registry order. */
export function eventGroups(plugins: readonly AnyPlugin[]): EventGroup[] {
  return [
    { source: "core", events: coreEvents },
    ...plugins.filter((plugin) => Object.keys(plugin.events ?? {}).length > 0).map((plugin) => ({ source: plugin.id, events: plugin.events as Record<string, z.ZodType> })),
  ];
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** A JSON Schema as a short TypeScript-like type: `string | null`, `"a" | "b"`, `string[]`, `{ a: number }`. */
function typeOf(schema: JsonSchema, defs: Record<string, JsonSchema>, depth = 0): string {
  if (depth > 6) return "…";
  const inner = (s: JsonSchema) => typeOf(s, defs, depth + 1);
  if (schema.$ref) {
    const name = schema.$ref.split("/").at(-1)!;
    return defs[name] ? inner(defs[name]) : name;
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.map(inner))].join(" | ");
  if (schema.allOf) return schema.allOf.map(inner).join(" & ");
  if ("const" in schema) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (Array.isArray(schema.type)) return schema.type.map((type) => inner({ ...schema, type })).join(" | ");
  switch (schema.type) {
    case "string":
      return schema.format ? `string (${schema.format})` : "string";
    case "integer":
    case "number":
    case "boolean":
    case "null":
      return schema.type;
    case "array": {
      if (schema.prefixItems) return `[${schema.prefixItems.map(inner).join(", ")}]`;
      const item = schema.items ? inner(schema.items) : "unknown";
      return /[ |&]/.test(item) && !item.startsWith("{") ? `(${item})[]` : `${item}[]`;
    }
    case "object": {
      if (schema.properties && Object.keys(schema.properties).length > 0) {
        const fields = Object.entries(schema.properties).map(([name, field]) => `${name}${schema.required?.includes(name) ? "" : "?"}: ${inner(field)}`);
        return `{ ${fields.join("; ")} }`;
      }
      if (schema.additionalProperties && typeof schema.additionalProperties === "object") return `Record<string, ${inner(schema.additionalProperties)}>`;
      return "object";
    }
    default:
      return "unknown";
  }
}

/** A Markdown table cell: pipes escaped (also inside code spans, as GFM requires), no line breaks. */
const cell = (text: string) => text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");

/** One line per payload field: `name: type` (a `?` when optional), then its description if it has one. */
export function payloadFields(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
  const defs = json.$defs ?? {};
  if (json.type !== "object" || !json.properties) return [`\`${typeOf(json, defs)}\``];
  return Object.entries(json.properties).map(([name, field]) => {
    const optional = json.required?.includes(name) ? "" : "?";
    const description = field.description ? ` ${field.description}` : "";
    return `\`${name}${optional}: ${typeOf(field, defs)}\`${description}`;
  });
}

/** The Markdown table of every event: name, where it comes from, whether it has `before` hooks, payload fields. */
export function renderEventTable(groups: readonly EventGroup[], beforeEvents: readonly string[] = BEFORE_EVENT_NAMES): string {
  const rows = groups.flatMap((group) =>
    Object.entries(group.events).map(([name, schema]) => {
      const from = group.source === "core" ? "core" : `plugin \`${group.source}\``;
      const before = beforeEvents.includes(name) ? "yes" : "no";
      const fields = payloadFields(schema).map(cell).join("<br>");
      return `| \`${name}\` | ${from} | ${before} | ${fields} |`;
    }),
  );
  return ["| Event | From | `before` hooks | Payload fields |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

const GENERATED_NOTE = "<!-- Generated from the event schemas by `npm run docs:events`; edit the schemas, not this table. -->";

/** What belongs between the markers: the note and the table. */
export function renderEventSection(groups: readonly EventGroup[]): string {
  return `${GENERATED_NOTE}\n\n${renderEventTable(groups)}\n`;
}

function markers(doc: string): { start: number; end: number } | null {
  const start = doc.indexOf(EVENTS_START);
  const end = doc.indexOf(EVENTS_END);
  return start === -1 || end < start ? null : { start: start + EVENTS_START.length, end };
}

/** The text between the markers (without its surrounding line breaks), or null when they are missing. */
export function eventSection(doc: string): string | null {
  const at = markers(doc);
  return at ? doc.slice(at.start, at.end).replace(/^\r?\n/, "") : null;
}

/** The document with the text between the markers replaced; throws when the markers are missing. */
export function withEventSection(doc: string, section: string): string {
  const at = markers(doc);
  if (!at) throw new Error(`no ${EVENTS_START} … ${EVENTS_END} section`);
  return `${doc.slice(0, at.start)}\n${section}${doc.slice(at.end)}`;
}
