// The workspace the accessibility sweep looks at: every registered plugin enabled, customers (two
// alike (same name and city), so the duplicates page has a pair; a Persian name and an English e-mail in both UIs), a
// paid order (so the dashboard draws its charts), a task, a pending invitation and an NPS survey sent.
import type { BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { newAccount, sameOrigin } from "./accounts";
import type { SweepWorkspace } from "./ui-routes";
import type { Language } from "./words";

/** What the sweep reads of GET /api/plugins. */
interface PluginInfo {
  id: string;
  enabled: boolean;
  ui: { page?: unknown };
}

async function post(context: BrowserContext, path: string, data: unknown, method: "post" | "patch" = "post") {
  const response = await context.request[method](path, { data, headers: sameOrigin() });
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Enables every registered plugin; returns the enabled plugins as the UI reads them. */
export async function enableEveryPlugin(context: BrowserContext): Promise<PluginInfo[]> {
  const listed = (await (await context.request.get("/api/plugins")).json()) as { items: PluginInfo[] };
  for (const plugin of listed.items) if (!plugin.enabled) await post(context, `/api/plugins/${plugin.id}`, { enabled: true }, "patch");
  const after = (await (await context.request.get("/api/plugins")).json()) as { items: PluginInfo[] };
  expect(after.items.every((plugin) => plugin.enabled)).toBe(true);
  return after.items;
}

export async function sweepWorkspace(context: BrowserContext, language: Language): Promise<SweepWorkspace> {
  await post(context, "/api/auth/signup", { ...newAccount(language), locale: language });
  const plugins = await enableEveryPlugin(context);
  const first = await post(context, "/api/customers", { firstName: "سارا", lastName: "احمدی", mobile: "09121234567", email: "sara.ahmadi@example.com", city: "Tehran", tags: ["VIP"] });
  await post(context, "/api/customers", { firstName: "سارا", lastName: "احمدی", mobile: "09351234567", city: "Tehran" });
  await post(context, "/api/customers", { firstName: "Alexandra", lastName: "Montgomery", mobile: "+98 935 111 2233", email: "alexandra.montgomery@example.org", city: "Shiraz" });
  const order = await post(context, "/api/orders", { customerId: first.id, items: [{ name: "کیف چرمی", sku: "BAG-12", quantity: 2, unitPrice: 1_250_000 }], shipping: 50_000, status: "paid" });
  await post(context, "/api/tasks", { title: language === "fa" ? "تماس پیگیری" : "Follow-up call", customerId: first.id });
  const roles = (await (await context.request.get("/api/roles")).json()) as { items: Array<{ id: string; key: string }> };
  const invited = await post(context, "/api/users", { email: `invited-${Date.now()}@example.com`, roleId: roles.items.find((role) => role.key === "agent")!.id });
  const balance = await post(context, `/api/plugins/loyalty/members/${first.id}/balance-link`, {});
  // An NPS survey sent to the first customer (with consent): its answer page, and a tapped score.
  await post(context, `/api/customers/${first.id}`, { consent: { sms: "granted" } }, "patch");
  const survey = await post(context, "/api/plugins/nps/surveys", { name: language === "fa" ? "پس از تحویل" : "After delivery", reviewUrl: "https://example.com/reviews" });
  await post(context, `/api/plugins/nps/surveys/${survey.id}/send`, {});
  const sends = (await (await context.request.get(`/api/plugins/nps/surveys/${survey.id}/sends?customerId=${first.id}`)).json()) as { items: Array<{ path: string }> };
  const answer = sends.items[0]!.path;
  return {
    customerId: String(first.id),
    orderId: String(order.id),
    invitePath: new URL(String(invited.link)).pathname,
    pluginPages: plugins.filter((plugin) => plugin.ui.page).map((plugin) => plugin.id),
    pluginPublicPages: {
      "/p/loyalty/{workspaceId}/balance/{token}": String(balance.path),
      "/p/nps/{workspaceId}/a/{token}": answer,
      "/p/nps/{workspaceId}/a/{token}/{score}": `${answer}/10`,
    },
  };
}
