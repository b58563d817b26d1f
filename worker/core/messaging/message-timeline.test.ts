import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addMember } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { TIMELINE_SOURCES, timelineKeysQuery } from "../interactions/timeline";
import { customerWith } from "./messaging.test-support";

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe("messages on the customer timeline", () => {
  it("shows each message in time order with its delivery status, to anyone who may read the customer", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted", email: "withdrawn" });
    await owner.post(`/api/customers/${customerId}/interactions`, { type: "call", direction: "inbound", summary: "Asked for the price", occurredAt: hoursAgo(2) });
    await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "The price is 120,000 toman" });
    await owner.post(`/api/customers/${customerId}/messages`, { channel: "email", purpose: "transactional", subject: "Catalogue", body: "Attached" });

    const viewer = await addMember(workspaceId, "viewer");
    const timeline = await viewer.get(`/api/customers/${customerId}/timeline`);
    expect(timeline.status).toBe(200);
    const entries = timeline.body.items as Array<Record<string, unknown>>;
    expect(entries.map((entry) => entry.kind)).toEqual(["message", "message", "interaction"]);
    expect(entries[0]).toMatchObject({ kind: "message", channel: "email", status: "skipped", reason: "no_consent", subject: "Catalogue" });
    expect(entries[1]).toMatchObject({ kind: "message", channel: "sms", status: "recorded", provider: "outbox", to: "0912*****67", body: "The price is 120,000 toman" });
    expect(entries[1]!.at).toBe(entries[1]!.createdAt);
    // Paging by one walks the same entries.
    const first = await viewer.get(`/api/customers/${customerId}/timeline?limit=1`);
    const second = await viewer.get(`/api/customers/${customerId}/timeline?limit=1&cursor=${first.body.nextCursor}`);
    expect([first.body.items[0].id, second.body.items[0].id]).toEqual([entries[0]!.id, entries[1]!.id]);
  });

  it("reads the message branch from its index alone, without sorting", async () => {
    const scope = openWorkspace(env, "ws_plan");
    const plan = async (before: { at: number; id: string } | null) => {
      const messagesOnly = TIMELINE_SOURCES.filter((source) => source.kind === "message");
      const query = timelineKeysQuery(scope, messagesOnly, "cus_plan", before, 50);
      return (await scope.db.all<{ detail: string }>(sql`explain query plan ${query}`)).map((row) => row.detail);
    };
    expect(await plan(null)).toEqual([expect.stringMatching(/SEARCH messages USING COVERING INDEX messages_customer_time_idx \(workspace_id=\? AND customer_id=\?\)/)]);
    const later = await plan({ at: Date.now(), id: "msg_x" });
    expect(later).toEqual([expect.stringContaining("messages_customer_time_idx (workspace_id=? AND customer_id=? AND (created_at,id)<(?,?))")]);
  });
});
