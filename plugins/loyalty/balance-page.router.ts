// A member's own balance page: the link staff send (its token rotates when remade; erasure voids
// it) and the small page it opens, in the visitor's language, with no account and nothing but the
// member's first name, points and tier.
import { and, eq } from "drizzle-orm";
import { html } from "hono/html";
import { createPluginRouter, customersTable, newId, pluginContext, pluginNotFound, publicContext, workspaceProfile } from "../../worker/plugin-api";
import { balancePageRoute, makeBalanceLinkRoute } from "./balance-page.routes";
import type { LoyaltyEvents } from "./events";
import { ensureMember, liveCustomer } from "./members";
import { loyaltyMembers } from "./schema";
import type { LoyaltySettings } from "./settings";
import { numberIn, PLUGIN_NAME } from "./texts";
import { tierByKey } from "./tiers";

export const balanceLinkRouter = createPluginRouter().openapi(makeBalanceLinkRoute, async (c) => {
  const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
  const { customerId } = c.req.valid("param");
  const customer = await liveCustomer(ctx, customerId);
  if (!customer || customer.id !== customerId) throw pluginNotFound("customerId", "path");
  await ensureMember(ctx, customer.id);
  const token = newId("lbt").replace(/^lbt_/, "");
  await ctx.db
    .update(loyaltyMembers)
    .set({ balanceToken: token, updatedAt: ctx.now() })
    .where(and(eq(loyaltyMembers.workspaceId, ctx.workspaceId), eq(loyaltyMembers.customerId, customer.id)));
  return c.json({ path: `/p/loyalty/${ctx.workspaceId}/balance/${token}`, token }, 201);
});

export const balancePageRouter = createPluginRouter().openapi(balancePageRoute, async (c) => {
  const ctx = publicContext<LoyaltySettings, LoyaltyEvents>(c);
  const { token } = c.req.valid("param");
  const member = await ctx.db
    .select({ balance: loyaltyMembers.balance, tier: loyaltyMembers.tier, firstName: customersTable.firstName })
    .from(loyaltyMembers)
    .innerJoin(customersTable, and(eq(customersTable.workspaceId, loyaltyMembers.workspaceId), eq(customersTable.id, loyaltyMembers.customerId)))
    .where(and(eq(loyaltyMembers.workspaceId, ctx.workspaceId), eq(loyaltyMembers.balanceToken, token)))
    .get();
  if (!member) throw pluginNotFound("token", "path");
  const fa = ctx.locale === "fa";
  const shop = (await workspaceProfile(ctx)).name;
  const tier = tierByKey(ctx.settings.tiers, member.tier)?.name[ctx.locale] ?? member.tier;
  const points = numberIn(member.balance, ctx.locale);
  const greeting = member.firstName ? (fa ? `${member.firstName} عزیز` : `Dear ${member.firstName}`) : fa ? "عضو گرامی" : "Dear member";
  c.header("cache-control", "no-store");
  c.header("referrer-policy", "no-referrer");
  return c.html(
    html`<!doctype html>
      <html lang="${ctx.locale}" dir="${fa ? "rtl" : "ltr"}">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>${shop} · ${PLUGIN_NAME[ctx.locale]}</title>
          <style>
            body { font-family: system-ui, sans-serif; margin: 0; padding: 2rem 1rem; max-width: 28rem; margin-inline: auto; line-height: 1.6; }
            .points { font-size: 2.5rem; font-weight: 700; margin: 0.5rem 0; }
          </style>
        </head>
        <body>
          <p>${shop} · ${PLUGIN_NAME[ctx.locale]}</p>
          <h1>${greeting}</h1>
          <p class="points">${points} ${fa ? "امتیاز" : "points"}</p>
          <p>${fa ? "سطح شما" : "Your tier"}: <strong>${tier}</strong></p>
        </body>
      </html>`,
    200,
  );
});
