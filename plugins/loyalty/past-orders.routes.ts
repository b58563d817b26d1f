// The contract of crediting existing buyers: a preview, then one chunk per call until done.
import { z } from "@hono/zod-openapi";
import { pluginRoute, problemResponses } from "../../worker/plugin-api";
import { LOYALTY_PERMISSIONS as P } from "./permissions";

const tags = ["Loyalty club"];
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const HOW =
  "Turning the club on credits nothing for orders paid before. This credits each past paid order in the workspace's currency once, at the base rate (floor(net total ÷ amountPerPoint)), under the same key as a live purchase, so no order ever earns twice. Tier multipliers and one-off bonuses apply from now on.";

export const PastOrdersPreviewSchema = z
  .object({
    orders: z.number().int().openapi({ description: "Past paid orders that have earned nothing yet." }),
    buyers: z.number().int(),
    newMembers: z.number().int().openapi({ description: "Buyers who are not members yet and would be enrolled." }),
    points: z.number().int(),
    liability: z.number().int().openapi({ description: "What the points are worth (points × pointValue), in the currency's smallest unit." }),
    currency: z.string(),
  })
  .openapi("LoyaltyPastOrdersPreview");

export const previewPastOrdersRoute = pluginRoute(P.manage, {
  method: "get",
  path: "/past-orders/preview",
  tags,
  summary: "What crediting past paid orders would do: orders, buyers, new members, points, liability",
  description: HOW,
  responses: { 200: json("The preview.", PastOrdersPreviewSchema), ...problemResponses },
});

export const creditPastOrdersRoute = pluginRoute(P.manage, {
  method: "post",
  path: "/past-orders/credit",
  tags,
  summary: "Credit the next chunk of past paid orders (call again with `next` until it is null)",
  description: HOW,
  request: { body: { content: { "application/json": { schema: z.object({ after: z.string().min(1).max(64).nullish() }).strict() } }, required: true } },
  responses: {
    200: json(
      "What this chunk did.",
      z.object({ looked: z.number().int(), credited: z.number().int(), points: z.number().int(), enrolled: z.number().int(), next: z.string().nullable() }).openapi("LoyaltyPastOrdersChunk"),
    ),
    ...problemResponses,
  },
});
