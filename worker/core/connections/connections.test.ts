// Connecting shops: who may, what is shown once, what is never shown, and that a connection of
// another workspace does not exist for you.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient } from "../../../test/support/client";
import { databaseFingerprint } from "../../../test/support/snapshot";
import { sendWoo } from "../webhooks-in/fixtures/deliver";

let owner: ApiClient;
let workspaceId: string;

beforeAll(async () => {
  ({ owner, workspaceId } = await signUp());
});

describe("shop connections", () => {
  it("creates a WooCommerce connection with the absolute webhook URL and its topics, never echoing the secret", async () => {
    const response = await owner.post("/api/connections", { platform: "woocommerce", name: "فروشگاه اصلی", secret: "my-woo-secret-1" });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ platform: "woocommerce", name: "فروشگاه اصلی", enabled: true });
    expect(response.body.webhookUrl).toBe(`https://crm.test/webhooks/woocommerce/${response.body.id}`);
    expect(response.body.topics).toEqual(expect.arrayContaining(["order.created", "order.updated", "customer.created"]));
    expect(response.body.secret).toBeUndefined();
    expect(response.text).not.toContain("my-woo-secret-1");
    const list = await owner.get("/api/connections");
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(response.body.id);
    expect(list.text).not.toContain("my-woo-secret-1");
  });

  it("generates a whsec_ secret for generic, shows it once, and rotates it", async () => {
    const created = await owner.post("/api/connections", { platform: "generic", name: "My app" });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const list = await owner.get("/api/connections");
    expect(list.text).not.toContain(created.body.secret);
    const rotated = await owner.post(`/api/connections/${created.body.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const audit = await env.DB.prepare("select action, details from audit_log where workspace_id = ? and entity_type = 'connection'").bind(workspaceId).all<{ action: string; details: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(expect.arrayContaining(["connection.created", "connection.secret_rotated"]));
    for (const row of audit.results) {
      expect(row.details ?? "").not.toContain(created.body.secret);
      expect(row.details ?? "").not.toContain(rotated.body.secret);
    }
  });

  it("generates a WooCommerce secret when none is given, shows it once, and deliveries signed with it are accepted", async () => {
    const created = await owner.post("/api/connections", { platform: "woocommerce", name: "Manual shop" });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect((await owner.get("/api/connections")).text).not.toContain(created.body.secret);
    const accepted = await sendWoo(created.body.id, created.body.secret, "customer.created", { id: 77, email: "a@example.com", first_name: "Sara" });
    expect(accepted.status).toBe(202);
    expect((await sendWoo(created.body.id, "some-other-secret", "customer.created", { id: 78 })).status).toBe(401);
    const rotated = await owner.post(`/api/connections/${created.body.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
  });

  it("needs Shopify's own signing key, refuses a secret for generic, and writes nothing on bad input", async () => {
    const before = await databaseFingerprint();
    const cases = [
      { platform: "shopify", name: "No secret" },
      { platform: "generic", name: "Mine", secret: "chosen-by-me-123" },
      { platform: "magento", name: "Other", secret: "whatever-123" },
      { platform: "woocommerce", name: "", secret: "short" },
    ];
    for (const body of cases) {
      const response = await owner.post("/api/connections", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors.length).toBeGreaterThan(0);
    }
    const woo = (await owner.post("/api/connections", { platform: "woocommerce", name: "W", secret: "woo-secret-123" })).body;
    const after = await databaseFingerprint();
    expect(Object.keys(after).filter((t) => after[t] !== before[t] && t !== "shop_connections" && t !== "audit_log")).toEqual([]);
    expect((await owner.post(`/api/connections/${woo.id}/rotate-secret`, { secret: "new-woo-secret-456" })).status).toBe(200);
    const shop = (await owner.post("/api/connections", { platform: "shopify", name: "S", secret: "shpss_abcdefgh" })).body;
    expect((await owner.post(`/api/connections/${shop.id}/rotate-secret`, {})).status).toBe(400);
  });

  it("renames and disables a connection", async () => {
    const created = (await owner.post("/api/connections", { platform: "shopify", name: "Old", secret: "shpss_abcdefgh" })).body;
    const changed = await owner.patch(`/api/connections/${created.id}`, { name: "New", enabled: false });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: "New", enabled: false });
  });

  it("refuses staff without connections:manage (agent, manager) with 403", async () => {
    for (const role of ["agent", "manager", "viewer"]) {
      const member = await addMember(workspaceId, role);
      expect((await member.get("/api/connections")).status).toBe(403);
      expect((await member.post("/api/connections", { platform: "generic", name: "x" })).status).toBe(403);
    }
  });

  it("answers 404 for another workspace's connection and its deliveries", async () => {
    const other = await signUp();
    const theirs = (await other.owner.post("/api/connections", { platform: "generic", name: "Theirs" })).body;
    const before = await databaseFingerprint();
    expect((await owner.patch(`/api/connections/${theirs.id}`, { enabled: false })).status).toBe(404);
    expect((await owner.post(`/api/connections/${theirs.id}/rotate-secret`, {})).status).toBe(404);
    expect((await owner.get(`/api/connections/${theirs.id}/deliveries`)).status).toBe(404);
    expect((await owner.post(`/api/connections/${theirs.id}/deliveries/whd_x/replay`)).status).toBe(404);
    expect(await databaseFingerprint()).toEqual(before);
    expect((await owner.get("/api/connections")).text).not.toContain(theirs.id);
  });
});
