// The segment filter field "loyaltyTiers" (a list, like core's valueTiers): customers who are
// members in one of the given tiers (by key, e.g. ["silver", "gold"]). Registered when the Worker
// is built, so saved segments and previews accept it; a stored segment keeps working (on the kept
// rows) while the club is off.
import { z } from "@hono/zod-openapi";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { customersTable, registerSegmentField } from "../../worker/plugin-api";
import { loyaltyMembers } from "./schema";

export const loyaltyTierField = {
  name: "loyaltyTiers",
  source: "loyalty",
  schema: z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/)).min(1).max(10),
  compile: (tiers: string[], { scope }: { scope: { workspaceId: string } }) =>
    sql`exists (select 1 from ${loyaltyMembers} where ${and(
      eq(loyaltyMembers.workspaceId, scope.workspaceId),
      eq(loyaltyMembers.customerId, customersTable.id),
      isNull(loyaltyMembers.erasedAt),
      inArray(loyaltyMembers.tier, tiers),
    )})`,
};

registerSegmentField(loyaltyTierField);
