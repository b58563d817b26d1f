// Type tests of the plugin contract, checked by `tsc --noEmit -p .` (npm run typecheck, and the
// scaffold check): each `@ts-expect-error` marks a mistake that must not compile. Were the
// contract to accept one, the directive would be unused and tsc would fail on this file.
import { z } from "@hono/zod-openapi";
import { createPluginRouter, definePlugin, pluginContext, pluginRoute, type PluginContext } from "../../worker/plugin-api";

const settings = z.object({ bonus: z.number().int().default(10) });
const events = { "gift.sold": z.object({ code: z.string(), amount: z.number().int() }) };

const soldRoute = pluginRoute("customers:read", { method: "post", path: "/sold", responses: { 201: { description: "Sold." } } });

export const giftPlugin = definePlugin({
  id: "gift",
  name: { en: "Gift cards", fa: "کارت هدیه" },
  description: { en: "Gift cards.", fa: "کارت هدیه." },
  version: "1.0.0",
  settings,
  events,
  routes: createPluginRouter().openapi(soldRoute, async (c) => {
    const ctx = pluginContext<z.infer<typeof settings>, typeof events>(c);
    await ctx.db.batch([ctx.event("gift.sold", { code: "G-1", amount: 5 })]);
    // @ts-expect-error a misspelt own event, in a route
    ctx.event("gift.sodl", { code: "G-1", amount: 5 });
    // @ts-expect-error a wrong payload (amount is a number), in a route
    ctx.event("gift.sold", { code: "G-1", amount: "5" });
    // @ts-expect-error a payload missing a field
    ctx.event("gift.sold", { code: "G-1" });
    return c.body(null, 201);
  }),
  on: {
    "order.paid": (event, ctx) => {
      ctx.write(ctx.event("gift.sold", { code: event.payload.orderId, amount: event.payload.total + ctx.settings.bonus }));
      // @ts-expect-error a misspelt own event, in a hook
      ctx.write(ctx.event("gift.sodl", { code: "G-1", amount: 5 }));
      // @ts-expect-error a wrong payload, in a hook
      ctx.write(ctx.event("gift.sold", { code: 1, amount: 5 }));
      // @ts-expect-error another plugin's event is not this plugin's to emit
      ctx.write(ctx.event("loyalty.tier_changed", { customerId: "c" }));
    },
  },
  schedules: [
    {
      id: "daily",
      timing: { every: "day", at: "03:00" },
      run: async (ctx) => {
        // @ts-expect-error a misspelt own event, in a schedule
        await ctx.db.batch([ctx.event("gift.expried", { code: "G-1", amount: 0 })]);
      },
    },
  ],
});

/** A helper typed with the plugin's events is checked the same way. */
export function soldStatement(ctx: PluginContext<unknown, typeof events>) {
  // @ts-expect-error a misspelt own event, in a helper
  ctx.event("gift.sodl", { code: "G-1", amount: 1 });
  return ctx.event("gift.sold", { code: "G-1", amount: 1 });
}

/** A route context without the plugin's events emits nothing: name them in pluginContext<S, E>. */
export function untyped(c: Parameters<typeof pluginContext>[0]) {
  // @ts-expect-error no events given to pluginContext
  return pluginContext(c).event("gift.sold", { code: "G-1", amount: 1 });
}
