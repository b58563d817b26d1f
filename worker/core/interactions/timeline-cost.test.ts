// A timeline page costs D1 rows in proportion to the page, whatever the workspace holds: its
// entries are loaded by id through the primary keys, never by walking the workspace's rows.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../../index";
import { signUp, type ApiClient, type Fetcher } from "../../../test/support/client";

/** Other customers' history, far larger than one customer's page. */
const OTHERS = 400;

const metered: Fetcher = {
  async fetch(request: Request) {
    const ctx = createExecutionContext();
    const response = await worker.fetch(request, { ...env, D1_METER: "on" } as Env, ctx);
    // Read before the context settles: the meter's log line waits for the body's end.
    const body = await response.arrayBuffer();
    await waitOnExecutionContext(ctx);
    return new Response(body, response);
  },
};

let owner: ApiClient;
let customerId: string;

beforeAll(async () => {
  // The metered Worker logs a line per request; the test reads its headers instead.
  vi.spyOn(console, "log").mockImplementation(() => {});
  const signed = await signUp({ worker: metered });
  owner = signed.owner;
  const created = await owner.post("/api/customers", { firstName: "مریم", mobile: "09121112233" });
  customerId = created.body.id;
  for (const summary of ["تماس اول", "تماس دوم", "پیگیری"]) await owner.post(`/api/customers/${customerId}/interactions`, { type: "call", direction: "inbound", summary });
  const time = Date.now();
  const rows = Array.from({ length: OTHERS }, (_, i) => [
    env.DB.prepare("insert into interactions (id, workspace_id, customer_id, type, direction, summary, occurred_at, created_at) values (?, ?, ?, 'note', 'internal', 'x', ?, ?)").bind(
      `int_other_${i}`,
      signed.workspaceId,
      `cus_other_${i}`,
      time - i,
      time - i,
    ),
    env.DB.prepare("insert into customer_stage_changes (id, workspace_id, customer_id, from_stage, to_stage, cause, at) values (?, ?, ?, 'prospect', 'new', 'order', ?)").bind(
      `csc_other_${i}`,
      signed.workspaceId,
      `cus_other_${i}`,
      time - i,
    ),
    env.DB.prepare(
      "insert into messages (id, workspace_id, customer_id, channel, idempotency_key, body, status, created_at) values (?, ?, ?, 'sms', ?, 'x', 'sent', ?)",
    ).bind(`msg_other_${i}`, signed.workspaceId, `cus_other_${i}`, `key_${i}`, time - i),
  ]);
  await env.DB.batch(rows.flat());
});

afterAll(() => vi.restoreAllMocks());

describe("the cost of a timeline page", () => {
  it("reads rows for the page's entries, not for the workspace's whole history", async () => {
    const response = await owner.get(`/api/customers/${customerId}/timeline`);
    expect(response.status).toBe(200);
    expect(response.body.items.filter((item: { kind: string }) => item.kind === "interaction")).toHaveLength(3);
    // A handful of rows per entry and per lookup; walking the others' history would read over 1,200.
    expect(Number(response.headers.get("x-d1-rows-read"))).toBeLessThan(100);
  });
});
