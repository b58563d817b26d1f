import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../../../test/support/client";
import { databaseFingerprint } from "../../../test/support/snapshot";
import { INTERACTION_TYPES } from "./interactions.schema";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function withCustomer() {
  const session = await signUp();
  const customer = await session.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" });
  return { ...session, customerId: customer.body.id as string };
}

describe("logging interactions", () => {
  it("logs every type of interaction and shows each on the timeline, newest first", async () => {
    const { owner, customerId } = await withCustomer();
    // One of each type, an hour apart, the first the oldest.
    for (const [index, type] of INTERACTION_TYPES.entries()) {
      const response = await owner.post(`/api/customers/${customerId}/interactions`, {
        type,
        direction: type === "note" ? undefined : "inbound",
        channel: type === "social" ? "Instagram" : undefined,
        summary: `${type} with Sara`,
        occurredAt: minutesAgo((INTERACTION_TYPES.length - index) * 60),
      });
      expect(response.status, type).toBe(201);
    }
    const timeline = await owner.get(`/api/customers/${customerId}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((entry: { kind: string; type: string }) => `${entry.kind}:${entry.type}`)).toEqual(
      [...INTERACTION_TYPES].reverse().map((type) => `interaction:${type}`),
    );
    const social = timeline.body.items.find((entry: { type: string }) => entry.type === "social");
    expect(social).toMatchObject({ channel: "instagram", direction: "inbound", summary: "social with Sara", staffUserId: owner.identity.userId });
  });

  it("defaults the time to now, the staff member to the caller and a note's direction to internal", async () => {
    const { owner, customerId } = await withCustomer();
    const before = Date.now();
    const response = await owner.post(`/api/customers/${customerId}/interactions`, { type: "note", summary: "Prefers evening calls" });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ type: "note", direction: "internal", staffUserId: owner.identity.userId, customerId });
    expect(Date.parse(response.body.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("writes interaction.logged in the same batch", async () => {
    const { owner, customerId, workspaceId } = await withCustomer();
    const logged = await owner.post(`/api/customers/${customerId}/interactions`, { type: "call", direction: "outbound", summary: "Asked about sizes" });
    const events = await env.DB.prepare("select payload from events where workspace_id = ? and name = 'interaction.logged'").bind(workspaceId).all<{ payload: string }>();
    expect(events.results.map((event) => JSON.parse(event.payload))).toEqual([{ customerId, interactionId: logged.body.id, type: "call" }]);
  });

  it("records a colleague as the staff member, but not someone from another workspace", async () => {
    const { owner, customerId, workspaceId } = await withCustomer();
    const agent = await addMember(workspaceId, "agent");
    const stranger = await signUp();
    const forAgent = await owner.post(`/api/customers/${customerId}/interactions`, { type: "visit", summary: "Came to the shop", staffUserId: agent.identity.userId });
    expect(forAgent.body).toMatchObject({ staffUserId: agent.identity.userId, direction: "inbound", createdBy: owner.identity.userId });
    const forStranger = await owner.post(`/api/customers/${customerId}/interactions`, { type: "visit", summary: "x", staffUserId: stranger.owner.identity.userId });
    expect(forStranger.status).toBe(400);
    expect(forStranger.body.errors).toEqual([expect.objectContaining({ path: "body.staffUserId", code: "unknown_user" })]);
  });

  it("answers 404 for another workspace's customer and for an erased one, and writes nothing", async () => {
    const { owner, customerId } = await withCustomer();
    const other = await signUp();
    const before = await databaseFingerprint();
    const foreign = await other.owner.post(`/api/customers/${customerId}/interactions`, { type: "note", summary: "Not my customer" });
    expect(foreign.status).toBe(404);
    expect((await other.owner.get(`/api/customers/${customerId}/timeline`)).status).toBe(404);
    expect(await databaseFingerprint()).toEqual(before);

    expect((await owner.delete(`/api/customers/${customerId}`)).status).toBe(204);
    const erased = await owner.withLanguage("fa").post(`/api/customers/${customerId}/interactions`, { type: "note", summary: "Too late" });
    expect(erased.status).toBe(404);
    expect(erased.body.detail).toBe("پیدا نشد.");
  });

  it("refuses bad input with every field named, in Persian, and writes nothing", async () => {
    const { owner, customerId } = await withCustomer();
    const before = await databaseFingerprint();
    const cases: Array<[unknown, string[]]> = [
      [{ type: "fax", summary: "x" }, ["body.type"]],
      [{ type: "call", summary: "Rang" }, ["body.direction"]],
      [{ type: "social", direction: "inbound", summary: "DM" }, ["body.channel"]],
      [{ type: "note", summary: "" }, ["body.summary"]],
      [{ type: "note", summary: "x", occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, ["body.occurredAt"]],
      [{ type: "note", summary: "x", occurredAt: "yesterday" }, ["body.occurredAt"]],
      [{ type: "note", summary: "x", channel: "Insta gram!" }, ["body.channel"]],
      [{ type: "note", summary: "x", customerId }, ["body"]],
    ];
    for (const [body, paths] of cases) {
      const response = await owner.withLanguage("fa").post(`/api/customers/${customerId}/interactions`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.body.errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toEqual(paths);
    }
    const future = await owner.withLanguage("fa").post(`/api/customers/${customerId}/interactions`, {
      type: "note",
      summary: "x",
      occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.body.errors[0].message).toBe("این زمان هنوز فرا نرسیده است.");
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("is refused to a viewer, who may only read", async () => {
    const { customerId, workspaceId } = await withCustomer();
    const viewer = await addMember(workspaceId, "viewer");
    expect((await viewer.post(`/api/customers/${customerId}/interactions`, { type: "note", summary: "x" })).status).toBe(403);
  });

  it("logs a call with its outcome, duration and a follow-up task in one go", async () => {
    const { owner, customerId, workspaceId } = await withCustomer();
    const due = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const response = await owner.post(`/api/customers/${customerId}/interactions`, {
      type: "call",
      direction: "outbound",
      outcome: "no_answer",
      durationSeconds: 0,
      summary: "Rang about the late parcel",
      followUp: { title: "Call Sara again", dueAt: due },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ outcome: "no_answer", durationSeconds: 0, status: null, followUpTaskId: expect.stringMatching(/^tsk_/) });
    const task = await env.DB.prepare("select title, customer_id, assignee_user_id, due_at from tasks where id = ?").bind(response.body.followUpTaskId).first();
    expect(task).toEqual({ title: "Call Sara again", customer_id: customerId, assignee_user_id: owner.identity.userId, due_at: Date.parse(due) });
    const events = await env.DB.prepare("select name from events where workspace_id = ? order by id").bind(workspaceId).all<{ name: string }>();
    expect(events.results.map((event) => event.name).filter((name) => name !== "customer.created").sort()).toEqual(["interaction.logged", "task.created"]);
    const timeline = await owner.get(`/api/customers/${customerId}/timeline`);
    expect(timeline.body.items.map((entry: { kind: string }) => entry.kind).sort()).toEqual(["interaction", "task"]);
  });

  it("gives a follow-up the fields of any new task: notes, and a teammate (who hears of it) or nobody", async () => {
    const { owner, customerId, workspaceId } = await withCustomer();
    const agent = await addMember(workspaceId, "agent");
    const call = (followUp: Record<string, unknown>) => owner.post(`/api/customers/${customerId}/interactions`, { type: "call", direction: "outbound", summary: "Asked for a quote", followUp });
    const handed = await call({ title: "Send the quote", notes: "Two sizes", assigneeUserId: agent.identity.userId });
    expect(handed.status, JSON.stringify(handed.body)).toBe(201);
    const unassigned = await call({ title: "Whoever is free", assigneeUserId: null });
    expect(unassigned.status, JSON.stringify(unassigned.body)).toBe(201);
    const read = (id: string) => env.DB.prepare("select notes, assignee_user_id as assignee, assigned_by as assignedBy from tasks where id = ?").bind(id).first();
    expect(await read(handed.body.followUpTaskId)).toEqual({ notes: "Two sizes", assignee: agent.identity.userId, assignedBy: owner.identity.userId });
    expect(await read(unassigned.body.followUpTaskId)).toEqual({ notes: null, assignee: null, assignedBy: null });
    // Handed over with the call, it rings the teammate's bell like any task given to them.
    expect((await agent.get("/api/tasks/due")).body.newlyAssigned).toBe(1);
  });

  it("logs neither the call nor its follow-up when the follow-up cannot be made", async () => {
    const { owner, customerId, workspaceId } = await withCustomer();
    const stranger = await signUp();
    // Logs calls, but may not create tasks.
    await owner.post("/api/roles", { key: "caller", name: "Caller", permissions: ["customers:read", "interactions:write"] });
    const caller = await addMember(workspaceId, "caller");
    const before = await databaseFingerprint();
    const badAssignee = await owner.post(`/api/customers/${customerId}/interactions`, {
      type: "call",
      direction: "inbound",
      summary: "Asked for a refund",
      followUp: { title: "Refund", assigneeUserId: stranger.owner.identity.userId },
    });
    expect(badAssignee.status).toBe(400);
    expect(badAssignee.body.errors).toEqual([expect.objectContaining({ path: "body.followUp.assigneeUserId", code: "unknown_user" })]);
    expect((await caller.post(`/api/customers/${customerId}/interactions`, { type: "note", summary: "x", followUp: { title: "y" } })).status).toBe(403);
    const notACall = await owner.withLanguage("fa").post(`/api/customers/${customerId}/interactions`, { type: "note", summary: "x", outcome: "busy", status: "open" });
    expect(notACall.body.errors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual([
      ["body.outcome", "فقط تماس تلفنی نتیجه و مدت دارد."],
      ["body.status", "فقط شکایت وضعیت دارد."],
    ]);
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("complaints", () => {
  it("opens a complaint, lists the open ones oldest first, and drops it from the list once resolved, audited", async () => {
    const { owner, customerId, workspaceId } = await withCustomer();
    const older = await owner.post(`/api/customers/${customerId}/interactions`, { type: "complaint", summary: "Parcel arrived broken", occurredAt: minutesAgo(120) });
    const newer = await owner.post(`/api/customers/${customerId}/interactions`, { type: "complaint", summary: "Wrong size", occurredAt: minutesAgo(60) });
    await owner.post(`/api/customers/${customerId}/interactions`, { type: "note", summary: "Not a complaint" });
    expect(older.body.status).toBe("open");
    const open = await owner.get("/api/complaints");
    expect(open.status).toBe(200);
    expect(open.body.items.map((item: { summary: string; customerName: string }) => [item.summary, item.customerName])).toEqual([
      ["Parcel arrived broken", "Sara"],
      ["Wrong size", "Sara"],
    ]);
    // Paged by keyset, one at a time.
    const first = await owner.get("/api/complaints?limit=1");
    const second = await owner.get(`/api/complaints?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([newer.body.id]);

    expect((await owner.patch(`/api/complaints/${older.body.id}`, { status: "in_progress" })).body.status).toBe("in_progress");
    const resolved = await owner.patch(`/api/complaints/${older.body.id}`, { status: "resolved" });
    expect(resolved.status).toBe(200);
    expect((await owner.get("/api/complaints")).body.items.map((item: { id: string }) => item.id)).toEqual([newer.body.id]);
    expect((await owner.get("/api/complaints?status=resolved")).body.items.map((item: { id: string }) => item.id)).toEqual([older.body.id]);
    const audits = await env.DB.prepare("select details from audit_log where workspace_id = ? and action = 'complaint.status_changed' order by created_at, id")
      .bind(workspaceId)
      .all<{ details: string }>();
    expect(audits.results.map((row) => JSON.parse(row.details))).toEqual([
      { before: "open", after: "in_progress" },
      { before: "in_progress", after: "resolved" },
    ]);
  });

  it("keeps each workspace's complaints to itself and lets no viewer change one", async () => {
    const { owner, customerId, workspaceId } = await withCustomer();
    const complaint = await owner.post(`/api/customers/${customerId}/interactions`, { type: "complaint", summary: "Late" });
    const note = await owner.post(`/api/customers/${customerId}/interactions`, { type: "note", summary: "x" });
    const other = await signUp();
    expect((await other.owner.get("/api/complaints")).body.items).toEqual([]);
    expect((await other.owner.patch(`/api/complaints/${complaint.body.id}`, { status: "resolved" })).status).toBe(404);
    expect((await owner.patch(`/api/complaints/${note.body.id}`, { status: "resolved" })).status).toBe(404);
    const viewer = await addMember(workspaceId, "viewer");
    expect((await viewer.get("/api/complaints")).body.items).toHaveLength(1);
    expect((await viewer.patch(`/api/complaints/${complaint.body.id}`, { status: "resolved" })).status).toBe(403);
    expect((await owner.patch(`/api/complaints/${complaint.body.id}`, { status: "closed" })).status).toBe(400);
  });
});
