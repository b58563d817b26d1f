// The extension point of segment filters: a registry of filter fields keyed by name. Each field
// has a zod schema for its value and compiles that value to a SQL condition on `customers` (a
// plain column test, or an EXISTS over the contributor's own table keyed by customers.id). Core
// registers its fields through it (core-segment-fields.ts); a plugin can add one (a loyalty tier,
// say) with `registerSegmentField`, and saved segments and previews accept it from then on.
import type { z } from "@hono/zod-openapi";
import type { SQL } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";

export interface SegmentFieldContext {
  scope: WorkspaceScope;
  /** The workspace's time zone: a plain date in a filter means that day's local midnight. */
  timeZone: string;
}

export interface SegmentField<T = unknown> {
  /** The key in a filter definition ("stages", "loyaltyTier"). */
  name: string;
  /** "core" or the contributing plugin's id. */
  source: string;
  schema: z.ZodType<T>;
  compile(value: T, context: SegmentFieldContext): SQL;
}

const registry = new Map<string, SegmentField<any>>();

export function registerSegmentField<T>(field: SegmentField<T>): void {
  const existing = registry.get(field.name);
  if (existing && existing !== field) throw new Error(`segment filter field "${field.name}" is already registered by ${existing.source}`);
  registry.set(field.name, field);
}

export function segmentField(name: string): SegmentField<unknown> | undefined {
  return registry.get(name);
}

/** For tests of the extension point: forget a field registered by the test. */
export function unregisterSegmentField(name: string): void {
  if (registry.get(name)?.source !== "core") registry.delete(name);
}
