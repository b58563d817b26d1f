// A segment's filter definition: an object of filter fields (segment-fields.ts), all of which
// must hold (AND); an empty filter is every live customer. Core's fields are spelled out in the
// schema (and so in /openapi.json); other keys are checked against the registry, so a plugin's
// field is validated by its own schema and an unknown key is a 400 at its path.
import { z } from "@hono/zod-openapi";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { customers } from "../data/schema";
import { CORE_SEGMENT_FIELDS } from "./core-segment-fields";
import { segmentField } from "./segment-fields";

const coreShape = Object.fromEntries(CORE_SEGMENT_FIELDS.map((field) => [field.name, (field.schema as z.ZodType).optional()])) as Record<
  (typeof CORE_SEGMENT_FIELDS)[number]["name"],
  z.ZodOptional<z.ZodType>
>;
const coreNames = new Set<string>(CORE_SEGMENT_FIELDS.map((field) => field.name));

export const SegmentFilterSchema = z
  .object(coreShape)
  .catchall(z.unknown())
  .superRefine((filter, ctx) => {
    for (const [name, value] of Object.entries(filter)) {
      if (coreNames.has(name) || value === undefined) continue;
      const field = segmentField(name);
      if (!field) {
        ctx.addIssue({ code: "custom", message: "unknown_filter_field", path: [name] });
        continue;
      }
      const parsed = field.schema.safeParse(value);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [name, ...issue.path] } as never);
    }
    // Also when core fields have issues, so every bad field is reported at once.
  }, { when: (payload) => typeof payload.value === "object" && payload.value !== null })
  .openapi("SegmentFilter", {
    description:
      "Every given field must hold (AND); `{}` is every customer. Besides core's fields, plugins may register their own (e.g. a loyalty tier).",
    example: { stages: ["at_risk", "lapsed"], totalSpent: { min: 5_000_000 }, consent: { sms: true } },
  });

export type SegmentFilter = Record<string, unknown>;

/** Live customers of the workspace: the population every segment is drawn from. */
export const liveCustomers = (scope: WorkspaceScope) =>
  and(eq(customers.workspaceId, scope.workspaceId), isNull(customers.erasedAt), isNull(customers.mergedInto))!;

/**
 * The filter as one condition on customers. A stored field that no longer validates, or whose
 * contributor is gone, matches nothing: a segment never silently widens to more customers.
 */
export function compileSegmentFilter(filter: SegmentFilter, scope: WorkspaceScope, timeZone: string): SQL {
  const conditions: SQL[] = [liveCustomers(scope)];
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    const field = segmentField(name);
    const parsed = field?.schema.safeParse(value);
    if (!field || !parsed?.success) return sql`0`;
    conditions.push(field.compile(parsed.data, { scope, timeZone }));
  }
  return and(...conditions)!;
}
