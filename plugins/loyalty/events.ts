// The club's own events, for other plugins' hooks and outgoing webhooks (automation can greet a
// new gold member, a shop can show a coupon as used).
import { z } from "@hono/zod-openapi";

export const loyaltyEvents = {
  "loyalty.tier_changed": z.object({
    customerId: z.string(),
    from: z.string(),
    to: z.string(),
    direction: z.enum(["up", "down"]),
    cause: z.enum(["earn", "review", "merge"]),
    value: z.number().int(),
  }),
  // rewardId is null for a gift coupon (issued for another plugin, costing no points).
  "loyalty.coupon_issued": z.object({ customerId: z.string(), couponId: z.string(), rewardId: z.string().nullable(), cost: z.number().int(), expiresAt: z.string() }),
  "loyalty.coupon_used": z.object({ customerId: z.string(), couponId: z.string(), rewardId: z.string().nullable(), reference: z.string().nullable() }),
  "loyalty.raffle_drawn": z.object({ raffleId: z.string(), winners: z.array(z.string()) }),
};

export type LoyaltyEvents = typeof loyaltyEvents;
