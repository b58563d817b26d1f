// A delivery killed at any step (the isolate dies, the local queue dies with its process) must
// not lose the event: the sweeper re-sends what is not settled, receipts keep each target's
// effect to one, and what the queue gives up on lands in the dead-letter list.
import { createMessageBatch, env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { countRows, createPluginTestbed } from "../../../test/support/plugin-harness";
import { flakyAttempts, flakyPlugin, stampsPlugin } from "../../../test/support/test-plugins";
import { eventConsumer } from "./consumer";
import type { DeliveryTargetSource } from "./delivery-target";
import { dispatchEvents } from "./dispatch";
import { UNSETTLED_AFTER_MS } from "./delivery-policy";

const MINUTE = 60_000;
const notes = (workspaceId: string, summary: string) => countRows("interactions", "workspace_id = ? and summary = ?", workspaceId, summary);

type CrashPoint = "before the first target" | "between targets" | "after the last target's write, before the ack";

/**
 * The Worker's delivery sources, with the invocation dying once at `point`: from there on
 * nothing more happens (no write, no ack, no retry), as when the process is killed.
 */
function dyingAt(point: CrashPoint, sources: readonly DeliveryTargetSource[]) {
  let armed = true;
  let died!: () => void;
  const dead = new Promise<void>((resolve) => (died = resolve));
  const die = () => {
    armed = false;
    died();
    return new Promise<never>(() => {});
  };
  const source: DeliveryTargetSource = async (workerEnv, event) => {
    const targets = (await Promise.all(sources.map((each) => each(workerEnv, event)))).flat();
    return targets.map((target, index) => ({
      key: target.key,
      async deliver(delivered) {
        if (armed && point === "before the first target" && index === 0) return die();
        if (armed && point === "between targets" && index === 1) return die();
        const outcome = await target.deliver(delivered);
        if (armed && point === "after the last target's write, before the ack" && index === targets.length - 1) return die();
        return outcome;
      },
    }));
  };
  return { sources: [source], dead };
}

async function settledAt(eventId: string) {
  return (await env.DB.prepare("select settled_at from events where id = ?").bind(eventId).first<{ settled_at: number | null }>())?.settled_at ?? null;
}

/** A workspace with two plugins hooked on customer.created, one new customer, its event queued. */
async function customerCreated() {
  const bed = await createPluginTestbed({ plugins: [stampsPlugin, flakyPlugin], settings: { flaky: { failures: 0 } } });
  expect((await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" })).status).toBe(201);
  const event = await env.DB.prepare("select id from events where workspace_id = ? and name = 'customer.created'").bind(bed.workspaceId).first<{ id: string }>();
  await dispatchEvents(env, bed.workspaceId, [event!.id]);
  return { bed, eventId: event!.id, message: { workspaceId: bed.workspaceId, eventId: event!.id } };
}

/** Starts the delivery of one message in an invocation that dies at `point`; resolves once it has. */
async function deliverAndDie(bed: Awaited<ReturnType<typeof customerCreated>>["bed"], message: object, point: CrashPoint) {
  const dying = dyingAt(point, bed.worker.deliverySources);
  const batch = createMessageBatch("edge-crm-events", [{ id: "dying", timestamp: new Date(), attempts: 1, body: message }]);
  void eventConsumer(dying.sources)(batch, env);
  await dying.dead;
}

beforeEach(() => flakyAttempts.clear());

describe("an event whose delivery is killed mid-way", () => {
  it.each<CrashPoint>(["before the first target", "between targets", "after the last target's write, before the ack"])(
    "is re-sent by the sweeper when killed %s, and reaches each target exactly once",
    async (point) => {
      const { bed, eventId, message } = await customerCreated();
      await deliverAndDie(bed, message, point);
      expect(await settledAt(eventId)).toBeNull();

      // Within the queue's own retry span the sweeper leaves it alone.
      expect((await bed.tick(new Date(Date.now() + 10 * MINUTE))).events).not.toContainEqual(message);
      const later = await bed.tick(new Date(Date.now() + UNSETTLED_AFTER_MS + MINUTE));
      expect(later.events).toContainEqual(message);

      expect((await bed.deliver(later.events)).retried).toBe(0);
      expect(await settledAt(eventId)).not.toBeNull();
      expect(await countRows("delivery_receipts", "event_id = ?", eventId)).toBe(2);
      expect(await notes(bed.workspaceId, "stamped")).toBe(1);
      expect(await notes(bed.workspaceId, "flaky delivered")).toBe(1);

      // Settled: later sweeps send it no more, and a stray repeat changes nothing.
      expect((await bed.tick(new Date(Date.now() + 3 * UNSETTLED_AFTER_MS))).events).not.toContainEqual(message);
      await bed.drain();
      expect(await notes(bed.workspaceId, "stamped")).toBe(1);
      expect(await notes(bed.workspaceId, "flaky delivered")).toBe(1);
      expect(await countRows("event_deliveries", "workspace_id = ?", bed.workspaceId)).toBe(0);
    },
  );

  it("lands in the dead-letter list, for every target still owed, when the queue gives up on it", async () => {
    const { bed, eventId, message } = await customerCreated();
    await deliverAndDie(bed, message, "between targets");
    // The runtime's attempts ran out: the message goes to the dead-letter queue.
    await bed.deliver([message], "edge-crm-events-dead");

    const dead = await bed.owner.get("/api/events/dead");
    expect(dead.body.items).toHaveLength(1);
    expect(dead.body.items[0]).toMatchObject({ eventId, eventName: "customer.created", lastError: expect.stringContaining("gave up") });
    expect(await countRows("delivery_receipts", "event_id = ?", eventId)).toBe(1);
    expect(await settledAt(eventId)).not.toBeNull();
    expect((await bed.tick(new Date(Date.now() + 2 * UNSETTLED_AFTER_MS))).events).not.toContainEqual(message);

    // An admin's retry unsettles it again until the one missing target has it.
    expect((await bed.owner.post(`/api/events/dead/${dead.body.items[0].id}/retry`)).status).toBe(202);
    expect(await settledAt(eventId)).toBeNull();
    await bed.deliver([{ ...message, target: dead.body.items[0].target }]);
    expect(await settledAt(eventId)).not.toBeNull();
    expect(await countRows("delivery_receipts", "event_id = ?", eventId)).toBe(2);
    expect(await notes(bed.workspaceId, "stamped")).toBe(1);
    expect(await notes(bed.workspaceId, "flaky delivered")).toBe(1);
  });

  it("ends every event of a burst delivered once per target or dead-lettered, whichever step killed it", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin, flakyPlugin], settings: { flaky: { failures: 0 } } });
    const points: Array<CrashPoint | "lost" | "given up" | null> = ["before the first target", "between targets", "after the last target's write, before the ack", "lost", "given up", null];
    for (let i = 0; i < points.length; i++) {
      expect((await bed.owner.post("/api/customers", { firstName: `C${i}`, mobile: `0912000000${i}` })).status).toBe(201);
    }
    const created = (await env.DB.prepare("select id from events where workspace_id = ? and name = 'customer.created' order by id").bind(bed.workspaceId).all<{ id: string }>()).results;
    await dispatchEvents(env, bed.workspaceId, created.map((row) => row.id));
    for (const [i, point] of points.entries()) {
      const message = { workspaceId: bed.workspaceId, eventId: created[i]!.id };
      if (point === null) await bed.deliver([message]);
      else if (point === "given up") {
        await deliverAndDie(bed, message, "before the first target");
        await bed.deliver([message], "edge-crm-events-dead");
      } else if (point !== "lost") await deliverAndDie(bed, message, point);
    }
    const swept = await bed.tick(new Date(Date.now() + UNSETTLED_AFTER_MS + MINUTE));
    await bed.deliver(swept.events);

    const outcome = await env.DB.prepare(
      `select e.id, e.settled_at as settled,
         (select count(*) from delivery_receipts r where r.event_id = e.id) as receipts,
         (select count(*) from event_deliveries d where d.event_id = e.id and d.status = 'dead') as dead
       from events e where e.workspace_id = ? and e.name = 'customer.created' order by e.id`,
    )
      .bind(bed.workspaceId)
      .all<{ id: string; settled: number | null; receipts: number; dead: number }>();
    for (const row of outcome.results) {
      expect(row.settled).not.toBeNull();
      expect(row.receipts + row.dead).toBe(2);
    }
    expect(outcome.results.map((row) => row.dead)).toEqual([0, 0, 0, 0, 2, 0]);
    expect(await notes(bed.workspaceId, "flaky delivered")).toBe(5);
    expect(await countRows("interactions", "workspace_id = ? and summary = 'stamped'", bed.workspaceId)).toBe(5);
  });
});
