// The segment filter field "loyaltyTiers" (a list, like core's valueTiers): customers who are
// members in one of the given tiers (by key, e.g. ["silver", "gold"]). Declared in the plugin's
// `segmentFields`, so saved segments and previews accept it; a stored segment keeps working (on
// the kept rows) while the club is off.
import { z } from "@hono/zod-openapi";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { customersTable, type PluginSegmentField } from "../../worker/plugin-api";
import { loyaltyMembers } from "./schema";

export const loyaltyTierField: PluginSegmentField<string[]> = {
  name: "loyaltyTiers",
  schema: z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/)).min(1).max(10),
  compile: (tiers, { workspaceId }) =>
    sql`exists (select 1 from ${loyaltyMembers} where ${and(
      eq(loyaltyMembers.workspaceId, workspaceId),
      eq(loyaltyMembers.customerId, customersTable.id),
      isNull(loyaltyMembers.erasedAt),
      inArray(loyaltyMembers.tier, tiers),
    )})`,
};
