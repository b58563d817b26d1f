// Each shop webhook adapter (WooCommerce, Shopify, generic) fuzzed at its door:
//   - correctly signed deliveries whose bodies are malformed (not JSON, wrong types, huge or
//     hostile strings, unknown topics): stored and answered 202 as the contract says, then
//     processed to `rejected` (or `processed` as ignored), never left failing, and no customer
//     or order is written from them;
//   - deliveries with malformed signatures, timestamps, ids or connection ids: a 4xx problem+json
//     and nothing stored at all.
// Never a 5xx. Bounded (RUNS per property) and seeded (FUZZ_SEED).
import { env } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, signUp, type ApiClient, type ApiResponse } from "../support/client";
import { databaseFingerprint } from "../support/snapshot";
import { connect, hmacBase64 } from "../../worker/core/webhooks-in/fixtures/deliver";
import { FUZZ_SEED, hostileString, hostileValue, notAnObjectBody, oddHeaderValue } from "./hostile";

const RUNS = 40;

type Platform = "woocommerce" | "shopify" | "generic";

let owner: ApiClient;
let workspaceId: string;
const connections = {} as Record<Platform, { id: string; secret: string }>;

let sequence = 0;
const nextDeliveryId = () => `fuzz-${Date.now()}-${sequence++}`;

const count = async (sql: string) => (await env.DB.prepare(sql).bind(workspaceId).first<{ n: number }>())!.n;

/** Resolves once nothing of the workspace is left `received` (processing runs after the answer). */
async function processed(timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await count("select count(*) as n from webhook_deliveries where workspace_id = ? and status = 'received'")) > 0) {
    if (Date.now() > until) {
      const stuck = await env.DB.prepare("select topic, reason, attempts from webhook_deliveries where workspace_id = ? and status = 'received' limit 5").bind(workspaceId).all();
      throw new Error(`deliveries left received (processing failed): ${JSON.stringify(stuck.results)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The headers a shop signs a delivery with. */
async function signed(platform: Platform, body: string, topic: string): Promise<Record<string, string>> {
  const { secret } = connections[platform];
  const id = nextDeliveryId();
  if (platform === "woocommerce") {
    return { "content-type": "application/json", "x-wc-webhook-topic": topic, "x-wc-webhook-delivery-id": id, "x-wc-webhook-signature": await hmacBase64(secret, body) };
  }
  if (platform === "shopify") {
    return { "content-type": "application/json", "x-shopify-topic": topic, "x-shopify-webhook-id": id, "x-shopify-hmac-sha256": await hmacBase64(secret, body) };
  }
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Uint8Array.from(atob(secret.replace(/^whsec_/, "")), (c) => c.charCodeAt(0));
  return { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${await hmacBase64(key, `${id}.${timestamp}.${body}`)}` };
}

const TOPICS: Record<Platform, string[]> = {
  woocommerce: ["order.created", "order.updated", "order.deleted", "order.restored", "customer.created", "customer.updated"],
  shopify: ["orders/create", "orders/paid", "orders/updated", "refunds/create", "customers/create", "customers/update"],
  generic: [""],
};

/** An id no shop sends: of a wrong type, negative, fractional or blank. */
const wrongShopId = fc.oneof(fc.boolean(), fc.constant(null), fc.constantFrom(-1, 1.5, "", "   "), fc.array(hostileValue, { maxLength: 2 }), fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }));

const person = fc.record({ phone: hostileValue, email: hostileValue, first_name: hostileValue, last_name: hostileValue }, { requiredKeys: [] });

/** A shop payload shaped like the real one, every value hostile, and its id surely wrong. */
const shopPayload = fc
  .record(
    {
      number: hostileValue,
      status: hostileValue,
      financial_status: hostileValue,
      currency: hostileValue,
      total: hostileValue,
      total_price: hostileValue,
      date_modified_gmt: hostileValue,
      updated_at: hostileValue,
      created_at: hostileValue,
      order_id: hostileValue,
      customer_id: hostileValue,
      billing: fc.oneof(person, hostileValue),
      customer: fc.oneof(fc.record({ id: hostileValue, phone: hostileValue, email: hostileValue }, { requiredKeys: [] }), hostileValue),
      line_items: fc.oneof(fc.array(fc.record({ name: hostileValue, quantity: hostileValue, price: hostileValue, sku: hostileValue }, { requiredKeys: [] }), { maxLength: 3 }), hostileValue),
      transactions: hostileValue,
    },
    { requiredKeys: [] },
  )
  .chain((payload) => wrongShopId.map((id) => JSON.stringify({ ...payload, id })));

/** A generic delivery of a known type whose data always carries a field the strict schema refuses. */
const genericPayload = fc
  .record({
    type: fc.oneof(fc.constantFrom("order.upserted", "customer.upserted"), hostileValue),
    data: fc.record({ id: hostileValue, mobile: hostileValue, email: hostileValue, status: hostileValue, total: hostileValue, customer: hostileValue }, { requiredKeys: [] }),
    unknown: fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !["id", "mobile", "email", "status", "total", "customer", "firstName", "lastName", "number", "currency", "items"].includes(key)),
    extra: hostileValue,
  })
  .map(({ type, data, unknown, extra }) => JSON.stringify({ type, data: { ...data, [unknown]: extra } }));

const brief = (text: string) => text.slice(0, 160);

function notAProblem(response: ApiResponse): string | null {
  if (response.status < 400 || response.status >= 500) return `status ${response.status}: ${response.text.slice(0, 300)}`;
  if (!response.headers.get("content-type")?.includes("application/problem+json")) return `status ${response.status} without problem+json`;
  return null;
}

beforeAll(async () => {
  ({ owner, workspaceId } = await signUp({ workspaceName: "فروشگاه فاز" }));
  connections.woocommerce = await connect(owner, "woocommerce", "wc-fuzz-secret");
  connections.shopify = await connect(owner, "shopify", "shpss_fuzz_secret");
  connections.generic = await connect(owner, "generic");
});

describe.each(["woocommerce", "shopify", "generic"] as const)("fuzzed %s deliveries", (platform) => {
  it("takes correctly signed malformed deliveries, rejects them in processing and writes no customer or order", async () => {
    const body = platform === "generic" ? fc.oneof(notAnObjectBody, genericPayload) : fc.oneof(notAnObjectBody, shopPayload);
    const topic = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOPICS[platform]) }, { weight: 1, arbitrary: oddHeaderValue });
    await fc.assert(
      fc.asyncProperty(body, topic, async (text, topicHeader) => {
        const headers = await signed(platform, text, topicHeader);
        const response = await anonymous().request("POST", `/webhooks/${platform}/${connections[platform].id}`, text, headers);
        if (response.status >= 500 || ![200, 202].includes(response.status)) throw new Error(`status ${response.status} for ${brief(text)}: ${response.text.slice(0, 300)}`);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
    await processed();
    const outcomes = await env.DB.prepare("select status, count(*) as n from webhook_deliveries where workspace_id = ? group by status").bind(workspaceId).all<{ status: string; n: number }>();
    expect(outcomes.results.map((row) => row.status).filter((status) => !["rejected", "processed", "duplicate"].includes(status))).toEqual([]);
    // They were stored and judged, not dropped at the door.
    const judged = await env.DB.prepare("select count(*) as n from webhook_deliveries where workspace_id = ? and connection_id = ? and status = 'rejected'")
      .bind(workspaceId, connections[platform].id)
      .first<{ n: number }>();
    expect(judged!.n).toBeGreaterThan(RUNS / 2);
    expect(await count("select count(*) as n from customers where workspace_id = ?")).toBe(0);
    expect(await count("select count(*) as n from orders where workspace_id = ?")).toBe(0);
  });

  it("refuses malformed signatures, timestamps, ids and connections with a 4xx problem and stores nothing", async () => {
    const before = await databaseFingerprint();
    const attack = fc.record({
      body: fc.oneof(notAnObjectBody, platform === "generic" ? genericPayload : shopPayload),
      flaw: fc.constantFrom("unsigned", "wrong key", "hostile signature", "stale", "hostile id", "other connection", "hostile connection", "other platform"),
      signature: oddHeaderValue,
      id: oddHeaderValue,
      connectionId: hostileString.filter((text) => text.length > 0 && text.length < 300),
    });
    await fc.assert(
      fc.asyncProperty(attack, async ({ body, flaw, signature, id, connectionId }) => {
        const headers = await signed(platform, body, TOPICS[platform][0]!);
        const signatureHeader = platform === "woocommerce" ? "x-wc-webhook-signature" : platform === "shopify" ? "x-shopify-hmac-sha256" : "webhook-signature";
        let path = `/webhooks/${platform}/${connections[platform].id}`;
        if (flaw === "unsigned") delete headers[signatureHeader];
        if (flaw === "wrong key") headers[signatureHeader] = platform === "generic" ? `v1,${await hmacBase64("not-the-key", body)}` : await hmacBase64("not-the-secret", body);
        if (flaw === "hostile signature") headers[signatureHeader] = signature;
        if (flaw === "stale") {
          if (platform === "generic") headers["webhook-timestamp"] = String(Math.floor(Date.now() / 1000) - 3600);
          else headers[signatureHeader] = await hmacBase64(connections[platform].secret, `${body} `);
        }
        if (flaw === "hostile id") {
          if (platform === "generic") headers["webhook-id"] = id;
          else delete headers[signatureHeader];
        }
        if (flaw === "other connection") path = `/webhooks/${platform}/con_0000000000000000000000000`;
        if (flaw === "hostile connection") path = `/webhooks/${platform}/${[...new TextEncoder().encode(connectionId)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")}`;
        if (flaw === "other platform") path = `/webhooks/${platform === "shopify" ? "woocommerce" : "shopify"}/${connections[platform].id}`;
        // WooCommerce's unsigned ping (webhook_id=<digits>) is answered 200 by design; no body here is one.
        const response = await anonymous().request("POST", path, body, headers);
        const failure = notAProblem(response);
        if (failure) throw new Error(`${flaw}: ${failure} (body ${brief(body)})`);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
    const after = await databaseFingerprint();
    expect(Object.keys(after).filter((table) => after[table] !== before[table])).toEqual([]);
  });
});
