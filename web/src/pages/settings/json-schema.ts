// Reading a plugin's settings JSON Schema (zod's toJSONSchema, draft 2020-12) for a generated
// form: what kind of control each field needs, its default, its name and choices in the reader's
// language, and every path the form shows (so an API error at a path no field shows is still
// reported). Texts in both languages come in extension keywords (`x-title`, `x-description`,
// `x-labels`, see PLUGINS.md), since JSON Schema's own `title` and `description` are strings.

export type Localized = { en: string; fa: string };

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  title?: string | Localized;
  description?: string | Localized;
  /** The field's name in both languages; wins over `title`. */
  "x-title"?: Localized;
  /** One line about the field in both languages; wins over `description`. */
  "x-description"?: Localized;
  /** An enum's choices by value, each in both languages. */
  "x-labels"?: Record<string, Localized | string>;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  [keyword: string]: unknown;
}

export type FieldKind = "string" | "number" | "integer" | "boolean" | "enum" | "object" | "array" | "json";

/** Follows a local `$ref` ("#/$defs/Tier") against the document's root. */
export function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const target = current.$ref.replace(/^#\//, "").split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
    if (!target) break;
    const { $ref: _followed, ...rest } = current;
    current = { ...(target as JsonSchema), ...rest };
  }
  return current;
}

/** `T | null` written as `type: [T, "null"]` or `anyOf: [T, {type: "null"}]`: the T, and that null is allowed. */
export function unwrapNullable(raw: JsonSchema, root: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const schema = resolve(raw, root);
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const rest = schema.type.filter((type) => type !== "null");
    return { schema: { ...schema, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const others = union.filter((option) => resolve(option, root).type !== "null");
    if (others.length === 1 && others.length < union.length) {
      const { anyOf: _a, oneOf: _o, ...rest } = schema;
      return { schema: { ...resolve(others[0]!, root), ...rest }, nullable: true };
    }
  }
  if (Array.isArray(schema.enum) && schema.enum.includes(null)) return { schema: { ...schema, enum: schema.enum.filter((value) => value !== null) }, nullable: true };
  return { schema, nullable: false };
}

export function kindOf(schema: JsonSchema): FieldKind {
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((value) => typeof value === "string" || typeof value === "number")) return "enum";
  if (schema.const !== undefined) return "json";
  switch (schema.type) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
      return schema.type;
    case "object":
      return schema.properties ? "object" : "json";
    case "array":
      return schema.items ? "array" : "json";
    default:
      return schema.properties ? "object" : "json";
  }
}

/** The value a new field or array item starts with: its default, else an empty value of its kind. */
export function initialValue(raw: JsonSchema, root: JsonSchema): unknown {
  const { schema, nullable } = unwrapNullable(raw, root);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (nullable) return null;
  switch (kindOf(schema)) {
    case "string":
      return "";
    case "boolean":
      return false;
    case "enum":
      return schema.enum![0];
    case "object":
      return fillDefaults(schema, {}, root);
    case "array":
      return [];
    default:
      return undefined;
  }
}

/** An object's value with every missing field given its starting value (nested objects too). */
export function fillDefaults(raw: JsonSchema, value: unknown, root: JsonSchema): Record<string, unknown> {
  const schema = resolve(raw, root);
  const current = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const filled: Record<string, unknown> = { ...current };
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const inner = unwrapNullable(property, root).schema;
    if (filled[key] === undefined) {
      const start = initialValue(property, root);
      // An optional field without a default stays absent rather than being sent empty.
      if (start !== undefined && (inner.default !== undefined || schema.required?.includes(key) || kindOf(inner) === "object")) filled[key] = start;
    } else if (kindOf(inner) === "object" && filled[key] !== null) {
      filled[key] = fillDefaults(inner, filled[key], root);
    }
  }
  return filled;
}

/** Every path (dot-joined, as the API names errors below `body.settings`) the form renders. */
export function renderedPaths(raw: JsonSchema, value: unknown, root: JsonSchema, prefix = ""): string[] {
  const { schema } = unwrapNullable(raw, root);
  const paths = prefix ? [prefix] : [];
  const join = (key: string | number) => (prefix ? `${prefix}.${key}` : String(key));
  const kind = kindOf(schema);
  if (kind === "object") {
    const object = (value ?? {}) as Record<string, unknown>;
    for (const [key, property] of Object.entries(schema.properties ?? {})) paths.push(...renderedPaths(property, object[key], root, join(key)));
  } else if (kind === "array" && Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...renderedPaths(schema.items!, item, root, join(index))));
  }
  return paths;
}

const isText = (text: unknown): text is string | Localized =>
  typeof text === "string" || (Boolean(text) && typeof text === "object" && typeof (text as Localized).en === "string" && typeof (text as Localized).fa === "string");

/** The field's name (`x-title`, else `title`) or its one line (`x-description`, else `description`), when the plugin gave one. */
export function schemaText(schema: JsonSchema, which: "title" | "description"): string | Localized | undefined {
  const text = schema[`x-${which}`] ?? schema[which];
  return isText(text) ? text : undefined;
}

/** An enum choice's label from `x-labels`, when the plugin gave one. */
export function choiceText(schema: JsonSchema, value: unknown): string | Localized | undefined {
  const labels = schema["x-labels"];
  const text = labels && typeof labels === "object" ? (labels as Record<string, unknown>)[String(value)] : undefined;
  return isText(text) ? text : undefined;
}

/** "pointsPerAmount" or "points_per_amount" → "Points per amount", for a field without a title. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
