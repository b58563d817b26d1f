// Two businesses on one database: nothing of workspace B can be read, changed or even
// confirmed to exist by workspace A, through a session or an API key, by id, lookup, list,
// search, timeline, audit or export. Every route with a path parameter is tried with B's ids;
// a new core route fails here until it is given a valid body below. Every registered plugin is
// enabled in both workspaces, its records made and its routes probed from its own fixtures
// (plugins/<id>/test-fixtures.ts; test/support/isolation-probe.ts).
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { CORE_PERMISSIONS } from "../../worker/core/permissions/permissions";
import { plugins } from "../../plugins/registry";
import { ApiClient, signUp } from "../support/client";
import { enableAndSeedPlugins, pluginLeaks, pluginOf, type PluginIds } from "../support/isolation-probe";
import { concretePath, publishedRoutes, type PublishedRoute } from "../support/routes";
import { databaseFingerprint } from "../support/snapshot";

interface WorkspaceB {
  customerId: string;
  complaintId: string;
  attributeKey: string;
  identifierId: string;
  taskId: string;
  orderId: string;
  userId: string;
  roleId: string;
  apiKeyId: string;
  invitationId: string;
  webhookId: string;
  connectionId: string;
  messageId: string;
  deadDeliveryId: string;
  importJobId: string;
  segmentId: string;
  listId: string;
  templateId: string;
  plugins: PluginIds;
  mobile: string;
  email: string;
  name: string;
}

let b: WorkspaceB;
let ownerA: ApiClient;
let keyA: ApiClient;
let customerA: string;
let workspaceIdA: string;

// A valid body for each write route with a path parameter, so that A's request passes
// validation and reaches the lookup that must come back empty.
const VALID_BODIES: Record<string, unknown> = {
  "PATCH /api/customers/{id}": { firstName: "Changed" },
  "POST /api/customers/{id}/contact": { channel: "call" },
  "POST /api/customers/{id}/identifiers": { kind: "email", value: "planted@example.com" },
  "POST /api/customers/{id}/interactions": { type: "note", summary: "planted" },
  "POST /api/customers/{id}/messages": { channel: "sms", purpose: "transactional", body: "planted" },
  "POST /api/messages/{id}/simulated-report": { status: "delivered" },
  "PATCH /api/tasks/{id}": { title: "Changed" },
  "PATCH /api/orders/{id}": { status: "cancelled" },
  "PATCH /api/users/{id}": { status: "disabled" },
  "POST /api/users/{id}/reset-password": {},
  "POST /api/users/{id}/revoke-sessions": {},
  "PATCH /api/roles/{id}": { name: "Changed" },
  "PATCH /api/webhooks/{id}": { enabled: false },
  "PATCH /api/connections/{id}": { enabled: false },
  "POST /api/connections/{id}/rotate-secret": {},
  "PATCH /api/plugins/{id}": { enabled: true },
  "PATCH /api/segments/{id}": { name: "Changed" },
  "POST /api/lists/{id}/members": { add: ["cus_planted"] },
  "PATCH /api/messaging/templates/{id}": { name: "Changed" },
  "PATCH /api/complaints/{id}": { status: "resolved" },
  "PATCH /api/attribute-definitions/{key}": { labelEn: "Changed" },
};

function idsFor(route: PublishedRoute): Record<string, string> {
  if (route.path.startsWith("/api/customers/")) return { id: b.customerId, identifierId: b.identifierId };
  if (route.path.startsWith("/api/tasks/")) return { id: b.taskId };
  if (route.path.startsWith("/api/orders/")) return { id: b.orderId };
  if (route.path.startsWith("/api/users/")) return { id: b.userId };
  if (route.path.startsWith("/api/roles/")) return { id: b.roleId };
  if (route.path.startsWith("/api/api-keys/")) return { id: b.apiKeyId };
  if (route.path.startsWith("/api/invitations/")) return { id: b.invitationId };
  if (route.path.startsWith("/api/webhooks/")) return { id: b.webhookId };
  if (route.path.startsWith("/api/connections/")) return { id: b.connectionId, deliveryId: "whd_missing" };
  // A shop webhook is authenticated by its connection's signature, not a session: B's connection
  // answers an unsigned call 401 (webhooks-in.test.ts); an unknown connection is a 404.
  // An SMS callback is authenticated by its unguessable path: B's own path is B's to use (the
  // message and path isolation is in sms-inbound.test.ts); an unknown path is a 404.
  if (route.path.startsWith("/webhooks/sms/")) return { provider: "outbox", connectionId: "smsc_missing" };
  if (route.path.startsWith("/webhooks/")) return { platform: "generic", connectionId: "con_missing" };
  if (route.path.startsWith("/api/messages/")) return { id: b.messageId };
  if (route.path.startsWith("/api/events/dead/")) return { id: b.deadDeliveryId };
  if (route.path.startsWith("/api/import/jobs/")) return { id: b.importJobId };
  if (route.path.startsWith("/api/segments/")) return { id: b.segmentId };
  if (route.path.startsWith("/api/lists/")) return { id: b.listId };
  if (route.path.startsWith("/api/messaging/templates/")) return { id: b.templateId };
  if (route.path.startsWith("/api/complaints/")) return { id: b.complaintId };
  if (route.path.startsWith("/api/attribute-definitions/")) return { key: b.attributeKey };
  // A short link is public by design (its 48-bit code is the secret it is sent with); what A
  // must not reach is B's message through it, tested in templates-and-links.test.ts.
  if (route.path.startsWith("/s/")) return { code: "NoSuch12" };
  // Plugins are the same for every workspace; an unknown one is simply not found.
  if (route.path.startsWith("/api/plugins/")) return { id: "no-such-plugin" };
  throw new Error(`workspace-isolation: say which of B's ids fill ${route.path}`);
}

beforeAll(async () => {
  const workspaceB = await signUp({ workspaceName: "Shop B" });
  const ownerB = workspaceB.owner;
  b = { mobile: "09121234567", email: "shared.name@example.com", name: "Nasrin Tehrani" } as WorkspaceB;
  const customer = await ownerB.post("/api/customers", { firstName: "Nasrin", lastName: "Tehrani", mobile: b.mobile, email: b.email, city: "Tehran" });
  b.customerId = customer.body.id;
  b.identifierId = customer.body.identifiers.find((i: { kind: string }) => i.kind === "email").id;
  await ownerB.post(`/api/customers/${b.customerId}/interactions`, { type: "call", direction: "inbound", summary: "B's private call" });
  b.complaintId = (await ownerB.post(`/api/customers/${b.customerId}/interactions`, { type: "complaint", summary: "B's complaint" })).body.id;
  b.attributeKey = (await ownerB.post("/api/attribute-definitions", { key: "b_only", labelFa: "ب", labelEn: "B", type: "text" })).body.key;
  b.taskId = (await ownerB.post("/api/tasks", { title: "B's task", customerId: b.customerId })).body.id;
  b.orderId = (await ownerB.post("/api/orders", { customerId: b.customerId, total: 1000, status: "pending" })).body.id;
  const roles = (await ownerB.get("/api/roles")).body.items as Array<{ id: string; key: string }>;
  b.roleId = (await ownerB.post("/api/roles", { key: "cashier", name: "Cashier", permissions: ["customers:read"] })).body.id;
  b.invitationId = (await ownerB.post("/api/users", { email: "staff-b@example.com", roleId: roles.find((r) => r.key === "agent")!.id })).body.invitation.id;
  b.userId = workspaceB.me.user.id;
  b.apiKeyId = (await ownerB.post("/api/api-keys", { name: "B key", scopes: ["customers:read"] })).body.id;
  b.segmentId = (await ownerB.post("/api/segments", { name: "B segment", filter: { cities: ["Tehran"] } })).body.id;
  b.listId = (await ownerB.post("/api/lists", { name: "B list" })).body.id;
  b.templateId = (await ownerB.post("/api/messaging/templates", { name: "b-thanks", channel: "sms", purpose: "transactional", text: { fa: "ممنون {firstName}", en: "Thanks {firstName}" } })).body.id;
  // Subscribed to an event this test never causes, so no background delivery changes the database.
  b.webhookId = (await ownerB.post("/api/webhooks", { url: "https://hooks.example.com/b", events: ["order.refunded"] })).body.id;
  b.connectionId = (await ownerB.post("/api/connections", { platform: "generic", name: "B shop" })).body.id;
  b.messageId = (await ownerB.post(`/api/customers/${b.customerId}/messages`, { channel: "sms", purpose: "transactional", body: "B's message" })).body.id;
  // A delivery of one of B's events that failed every attempt.
  const event = await env.DB.prepare("select id from events where workspace_id = ? limit 1").bind(workspaceB.workspaceId).first<{ id: string }>();
  b.deadDeliveryId = "dlv_isolation_b";
  await env.DB.prepare("insert into event_deliveries (id, workspace_id, event_id, target, status, attempts, last_error, updated_at) values (?, ?, ?, 'plugin:x', 'dead', 5, 'boom', ?)")
    .bind(b.deadDeliveryId, workspaceB.workspaceId, event!.id, Date.now())
    .run();

  b.importJobId = (await ownerB.post("/api/import/customers", { csv: "mobile\n09121234567\n", mapping: { mobile: "mobile" }, dryRun: true })).body.id;
  // Every plugin on in both workspaces, so A's requests reach its lookups.
  b.plugins = await enableAndSeedPlugins(ownerB, plugins, { customerId: b.customerId, workspaceId: workspaceB.workspaceId });

  const workspaceA = await signUp({ workspaceName: "Shop A" });
  ownerA = workspaceA.owner;
  workspaceIdA = workspaceA.workspaceId;
  customerA = (await ownerA.post("/api/customers", { firstName: "Nasrin", lastName: "Tehrani", mobile: "09351112233", city: "Tehran" })).body.id;
  await enableAndSeedPlugins(ownerA, plugins, { customerId: customerA, workspaceId: workspaceIdA });
  const pluginScopes = ((await ownerA.get("/api/roles")).body.permissions as string[]).filter((permission) => !(CORE_PERMISSIONS as readonly string[]).includes(permission));
  const key = await ownerA.post("/api/api-keys", { name: "A key", scopes: [...CORE_PERMISSIONS, ...pluginScopes] });
  keyA = new ApiClient({ authorization: `Bearer ${key.body.key}` });
  await keyA.get("/api/auth/me"); // the first use records last_used_at; later calls write nothing
});

describe("workspace isolation", () => {
  for (const [label, client] of [["a session", () => ownerA], ["an API key", () => keyA]] as const) {
    it(`answers 404 to ${label} of A for every route given B's ids, and changes nothing`, async () => {
      const routes = (await publishedRoutes()).filter((route) => route.path.includes("{"));
      expect(routes.length).toBeGreaterThan(8);
      const before = await databaseFingerprint();
      const leaks = await pluginLeaks(client(), routes, b.plugins, workspaceIdA);
      for (const route of routes.filter((route) => !pluginOf(route))) {
        const key = `${route.method} ${route.path}`;
        const body = route.hasJsonBody ? VALID_BODIES[key] : undefined;
        if (route.hasJsonBody && body === undefined) leaks.push(`${key}: no valid body in VALID_BODIES`);
        const response = await client().request(route.method, concretePath(route.path, idsFor(route)), body);
        if (response.status !== 404) leaks.push(`${key}: ${response.status}`);
      }
      expect(leaks).toEqual([]);
      expect(await databaseFingerprint()).toEqual(before);
    });
  }

  it("finds none of B's customers by lookup, search or list", async () => {
    for (const identifier of [b.mobile, "+98 912 123 4567", b.email, "C-00001"]) {
      const found = await ownerA.get(`/api/customers/lookup?identifier=${encodeURIComponent(identifier)}`);
      expect(found.status === 404 || found.body.id === customerA, identifier).toBe(true);
      expect(found.body.id).not.toBe(b.customerId);
    }
    for (const query of ["?q=Nasrin", `?q=${b.mobile}`, "?city=Tehran", ""]) {
      const ids = (await ownerA.get(`/api/customers${query}`)).body.items.map((c: { id: string }) => c.id);
      expect(ids, query).not.toContain(b.customerId);
    }
  });

  it("keeps B out of A's tasks, audit, duplicates and merges", async () => {
    expect((await ownerA.get(`/api/tasks?customerId=${b.customerId}`)).body.items).toEqual([]);
    expect((await ownerA.get("/api/tasks")).body.items.map((t: { id: string }) => t.id)).not.toContain(b.taskId);
    expect((await ownerA.get(`/api/audit?customerId=${b.customerId}`)).body.items).toEqual([]);
    expect(JSON.stringify((await ownerA.get("/api/customers/duplicates")).body)).not.toContain(b.customerId);
    expect((await ownerA.post("/api/customers/merge", { survivorId: customerA, mergedId: b.customerId })).status).toBe(404);
    expect((await ownerA.get("/api/users")).body.items.map((u: { id: string }) => u.id)).not.toContain(b.userId);
    expect((await ownerA.get("/api/api-keys")).body.items.map((k: { id: string }) => k.id)).not.toContain(b.apiKeyId);
    expect((await ownerA.get("/api/invitations")).body.items.map((i: { id: string }) => i.id)).not.toContain(b.invitationId);
  });

  it("exports none of B's data", async () => {
    const csv = await ownerA.get("/api/export/customers.csv");
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("Nasrin");
    expect(csv.text).not.toContain("0912");
    const json = await ownerA.get("/api/export/workspace.json");
    expect(json.status).toBe(200);
    for (const secret of [b.customerId, b.taskId, b.userId, b.roleId, b.apiKeyId, "B's private call", b.email]) {
      expect(json.text).not.toContain(secret);
    }
  });
});
