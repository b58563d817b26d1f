// How many customers a flow could take in now, shown before it is activated: the live customers
// matching its entry conditions and, for a segment trigger, in its segment. One counting query.
import { and, count } from "drizzle-orm";
import { customersTable, filterCondition, segmentCondition, type PluginContext } from "../../worker/plugin-api";
import type { FlowDefinition } from "./flow-definition";

export async function flowAudience(ctx: PluginContext<unknown>, definition: FlowDefinition): Promise<number> {
  const segment = definition.trigger.type === "segment" ? await segmentCondition(ctx, definition.trigger.segmentId) : null;
  if (definition.trigger.type === "segment" && !segment) return 0;
  const row = await ctx.db
    .select({ n: count() })
    .from(customersTable)
    .where(and(filterCondition(ctx, definition.conditions ?? {}), segment?.condition))
    .get();
  return row?.n ?? 0;
}
