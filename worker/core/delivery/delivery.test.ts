import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { countRows, createPluginTestbed } from "../../../test/support/plugin-harness";
import { brokenPlugin, brokenState, flakyAttempts, flakyPlugin, stampsPlugin } from "../../../test/support/test-plugins";
import { deliverEvent } from "./deliver-event";
import { MAX_ATTEMPTS } from "./delivery-policy";

const notes = (workspaceId: string, summary: string) => countRows("interactions", "workspace_id = ? and summary = ?", workspaceId, summary);

beforeEach(() => {
  brokenState.fixed = false;
  flakyAttempts.clear();
});

describe("on hooks, delivered through the queue", () => {
  it("runs an enabled plugin's hook after the write, and delivers the events it emits", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin], settings: { stamps: { note: "welcome stamp" } } });
    const created = await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" });
    expect(created.status).toBe(201);
    expect(await notes(bed.workspaceId, "welcome stamp")).toBe(0); // nothing runs inside the request
    await bed.drain();
    expect(await notes(bed.workspaceId, "welcome stamp")).toBe(1);
    expect(await notes(bed.workspaceId, "stamp seen")).toBe(1);
  });

  it("does not hand a plugin the events committed before it was switched on, even when they are delivered after", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin], enable: [] });
    await bed.owner.post("/api/customers", { firstName: "Before", mobile: "09121234567" });
    // A busy queue: the event still waits for delivery when the owner switches the plugin on.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await bed.owner.patch("/api/plugins/stamps", { enabled: true })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await bed.owner.post("/api/customers", { firstName: "After", mobile: "09121234568" });
    await bed.drain();
    expect(await notes(bed.workspaceId, "stamped")).toBe(1);
    expect(await countRows("events", "workspace_id = ? and name = 'stamps.given'", bed.workspaceId)).toBe(1);
    // A settings change alone does not move its clock.
    expect((await bed.owner.patch("/api/plugins/stamps", { settings: { note: "second stamp" } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await bed.owner.post("/api/customers", { firstName: "Later", mobile: "09121234569" });
    await bed.drain();
    expect(await notes(bed.workspaceId, "second stamp")).toBe(1);
    expect(await countRows("events", "workspace_id = ? and settled_at is null", bed.workspaceId)).toBe(0);
  });

  it("has one effect when the same event is delivered again", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" });
    await bed.drain();
    await bed.drain(); // every event delivered a second time
    await bed.drain();
    expect(await notes(bed.workspaceId, "stamped")).toBe(1);
    expect(await notes(bed.workspaceId, "stamp seen")).toBe(1);
  });

  it("has one effect when two consumers deliver the same event at once", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" });
    const event = await env.DB.prepare("select id from events where workspace_id = ? and name = 'customer.created'").bind(bed.workspaceId).first<{ id: string }>();
    const message = { workspaceId: bed.workspaceId, eventId: event!.id };
    await Promise.all([deliverEvent(env, bed.worker.deliverySources, message), deliverEvent(env, bed.worker.deliverySources, message)]);
    expect(await notes(bed.workspaceId, "stamped")).toBe(1);
  });

  it("retries a hook that throws twice and applies its effect once", async () => {
    const bed = await createPluginTestbed({ plugins: [flakyPlugin] });
    await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" });
    const report = await bed.drain();
    expect(report.retries).toBe(2);
    expect([...flakyAttempts.values()]).toEqual([3]);
    expect(await notes(bed.workspaceId, "flaky delivered")).toBe(1);
    expect(await countRows("event_deliveries", "workspace_id = ?", bed.workspaceId)).toBe(0);
  });

  it("dead-letters a hook that always throws, delivers the other plugins, and retries from the dead list", async () => {
    const bed = await createPluginTestbed({ plugins: [brokenPlugin, stampsPlugin] });
    const created = await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" });
    expect(created.status).toBe(201); // a plugin's failure never fails the request
    const report = await bed.drain();
    expect(report.retries).toBe(MAX_ATTEMPTS - 1);
    expect(await notes(bed.workspaceId, "stamped")).toBe(1);
    expect(await notes(bed.workspaceId, "broken delivered")).toBe(0);

    const dead = await bed.owner.get("/api/events/dead");
    expect(dead.status).toBe(200);
    expect(dead.body.items).toEqual([
      expect.objectContaining({ eventName: "customer.created", target: "plugin:broken", attempts: MAX_ATTEMPTS, lastError: "broken hook" }),
    ]);
    expect((await (await bed.member("manager")).get("/api/events/dead")).status).toBe(403);

    brokenState.fixed = true;
    const retry = await bed.owner.post(`/api/events/dead/${dead.body.items[0].id}/retry`);
    expect(retry.status).toBe(202);
    expect(await countRows("audit_log", "workspace_id = ? and action = 'event.delivery_retried'", bed.workspaceId)).toBe(1);
    await bed.drain();
    expect(await notes(bed.workspaceId, "broken delivered")).toBe(1);
    expect((await bed.owner.get("/api/events/dead")).body.items).toEqual([]);
  });

  it("calls no hook of a plugin the workspace has disabled", async () => {
    const bed = await createPluginTestbed({ plugins: [flakyPlugin], enable: [] });
    await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" });
    await bed.drain();
    expect(flakyAttempts.size).toBe(0);
    expect(await notes(bed.workspaceId, "flaky delivered")).toBe(0);
  });
});

describe("the sweeper", () => {
  it("re-sends an event whose queue send was lost", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    const eventId = await bed.emit("stamps.given", { customerId: "cus_x" });
    const written = Date.now() - 10 * 60_000;
    await env.DB.prepare("update events set created_at = ?, dispatched_at = null where id = ?").bind(written, eventId).run();
    await bed.tick(new Date());
    const row = await env.DB.prepare("select dispatched_at from events where id = ?").bind(eventId).first<{ dispatched_at: number | null }>();
    expect(row?.dispatched_at).not.toBeNull();
  });

  it("leaves a recent event to the request that wrote it", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    const eventId = await bed.emit("stamps.given", { customerId: "cus_x" });
    await bed.tick(new Date());
    const row = await env.DB.prepare("select dispatched_at from events where id = ?").bind(eventId).first<{ dispatched_at: number | null }>();
    expect(row?.dispatched_at).toBeNull();
  });
});

describe("a batch of events", () => {
  it("stays within the plan's D1 queries per invocation: events that might not fit go back to the queue untouched, and arrive next time", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    for (const [firstName, mobile] of [["Sara", "09121234567"], ["Reza", "09121234568"], ["Mina", "09121234569"]]) {
      expect((await bed.owner.post("/api/customers", { firstName, mobile })).status).toBe(201);
    }
    const { results: created } = await env.DB.prepare("select id from events where workspace_id = ? and name = 'customer.created' order by id").bind(bed.workspaceId).all<{ id: string }>();
    expect(created).toHaveLength(3);
    // A plan allowing 1 query per invocation: the first event is delivered (a batch always makes
    // progress), the other two wait for an invocation of their own.
    const tight = { ...env, D1_QUERIES_PER_INVOCATION: "1" } as Env;
    const messages = created.map(({ id }, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body: { workspaceId: bed.workspaceId, eventId: id } }));
    const batch = createMessageBatch("edge-crm-events", messages);
    const ctx = createExecutionContext();
    await bed.worker.queue(batch, tight, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["m0"]);
    expect(result.retryMessages.map((retry) => retry.msgId)).toEqual(["m1", "m2"]);
    expect(await notes(bed.workspaceId, "stamped")).toBe(1);

    for (const message of messages.slice(1)) {
      const again = createMessageBatch("edge-crm-events", [message]);
      const againCtx = createExecutionContext();
      await bed.worker.queue(again, tight, againCtx);
      expect((await getQueueResult(again, againCtx)).explicitAcks).toEqual([message.id]);
    }
    expect(await notes(bed.workspaceId, "stamped")).toBe(3);
  });
});
