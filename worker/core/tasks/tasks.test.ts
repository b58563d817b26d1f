import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient } from "../../../test/support/client";
import { databaseFingerprint } from "../../../test/support/snapshot";
import { openWorkspace } from "../data/database";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { addDays, localDay, startOfDay } from "../stats/local-day";
import { dueTasksQuery, listTasksQuery, newlyAssignedQuery } from "./tasks.repository";

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const titles = (response: { body: { items: Array<{ title: string }> } }) => response.body.items.map((task) => task.title);

/** A workspace with an owner and an agent, and tasks spread between them. */
async function teamWithTasks() {
  const { owner, workspaceId } = await signUp();
  const agent = await addMember(workspaceId, "agent");
  const customer = await owner.post("/api/customers", { firstName: "Nima", mobile: "09121112233" });
  const create = async (client: ApiClient, body: Record<string, unknown>) => {
    const response = await client.post("/api/tasks", body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const tasks = {
    ownerOverdue: await create(owner, { title: "owner overdue", dueAt: inHours(-2) }),
    ownerSoon: await create(owner, { title: "owner soon", dueAt: inHours(3), customerId: customer.body.id }),
    ownerUndated: await create(owner, { title: "owner undated" }),
    agentOverdue: await create(owner, { title: "agent overdue", dueAt: inHours(-30), assigneeUserId: agent.identity.userId }),
    agentLater: await create(agent, { title: "agent later", dueAt: inHours(48) }),
  };
  return { owner, agent, workspaceId, customerId: customer.body.id as string, tasks };
}

describe("tasks", () => {
  it("creates a task assigned to the caller and writes task.created in the same batch", async () => {
    const { owner, workspaceId } = await signUp();
    const created = await owner.post("/api/tasks", { title: "Call Mrs. Ahmadi", notes: "About the refund", dueAt: "2030-01-05T10:00:00+03:30" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Call Mrs. Ahmadi",
      notes: "About the refund",
      assigneeUserId: owner.identity.userId,
      dueAt: "2030-01-05T06:30:00.000Z",
      status: "open",
      completedAt: null,
      overdue: false,
    });
    const events = await env.DB.prepare("select payload from events where workspace_id = ? and name = 'task.created'").bind(workspaceId).all<{ payload: string }>();
    expect(events.results.map((event) => JSON.parse(event.payload))).toEqual([{ taskId: created.body.id, customerId: null, assigneeUserId: owner.identity.userId }]);
  });

  it("lists soonest due first, undated last, and pages with the cursor", async () => {
    const { owner } = await teamWithTasks();
    const first = await owner.get("/api/tasks?limit=3");
    expect(titles(first)).toEqual(["agent overdue", "owner overdue", "owner soon"]);
    const rest = await owner.get(`/api/tasks?limit=3&cursor=${first.body.nextCursor}`);
    expect(titles(rest)).toEqual(["agent later", "owner undated"]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it("filters mine, overdue, status, customer and assignee, and combines them", async () => {
    const { owner, agent, customerId } = await teamWithTasks();
    expect(titles(await owner.get("/api/tasks?mine=true"))).toEqual(["owner overdue", "owner soon", "owner undated"]);
    expect(titles(await agent.get("/api/tasks?mine=true"))).toEqual(["agent overdue", "agent later"]);
    const overdue = await owner.get("/api/tasks?overdue=true");
    expect(titles(overdue)).toEqual(["agent overdue", "owner overdue"]);
    expect(overdue.body.items.every((task: { overdue: boolean }) => task.overdue)).toBe(true);
    expect(titles(await owner.get("/api/tasks?mine=true&overdue=true"))).toEqual(["owner overdue"]);
    const overdueFirst = await owner.get("/api/tasks?overdue=true&limit=1");
    expect(titles(overdueFirst)).toEqual(["agent overdue"]);
    const overdueLast = await owner.get(`/api/tasks?overdue=true&limit=1&cursor=${overdueFirst.body.nextCursor}`);
    expect(titles(overdueLast)).toEqual(["owner overdue"]);
    expect(overdueLast.body.nextCursor).toBeNull();
    expect(titles(await owner.get(`/api/tasks?customerId=${customerId}`))).toEqual(["owner soon"]);
    expect(titles(await owner.get(`/api/tasks?assigneeUserId=${agent.identity.userId}`))).toEqual(["agent overdue", "agent later"]);
    expect(titles(await owner.get("/api/tasks?overdue=false&mine=false"))).toHaveLength(5);
    expect(titles(await owner.get(`/api/tasks?mine=true&assigneeUserId=${agent.identity.userId}`))).toEqual([]);
  });

  it("lists a calendar's range of due times, paged, with done tasks and without undated ones", async () => {
    const { owner, agent, tasks } = await teamWithTasks();
    const from = encodeURIComponent(inHours(-24));
    const to = encodeURIComponent(inHours(24));
    expect(titles(await owner.get(`/api/tasks?dueFrom=${from}&dueTo=${to}`))).toEqual(["owner overdue", "owner soon"]);
    await owner.patch(`/api/tasks/${tasks.ownerSoon.id}`, { status: "done" });
    const first = await owner.get(`/api/tasks?dueFrom=${encodeURIComponent(inHours(-48))}&dueTo=${encodeURIComponent(inHours(72))}&limit=2`);
    expect(titles(first)).toEqual(["agent overdue", "owner overdue"]);
    const rest = await owner.get(`/api/tasks?dueFrom=${encodeURIComponent(inHours(-48))}&dueTo=${encodeURIComponent(inHours(72))}&limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((task: { title: string; status: string }) => [task.title, task.status])).toEqual([["owner soon", "done"], ["agent later", "open"]]);
    expect(rest.body.nextCursor).toBeNull();
    // The end is exclusive: a task due exactly at dueTo belongs to the next range.
    expect(titles(await agent.get(`/api/tasks?mine=true&dueFrom=${from}&dueTo=${encodeURIComponent(tasks.agentLater.dueAt)}`))).toEqual([]);
    expect(titles(await agent.get(`/api/tasks?mine=true&dueFrom=${encodeURIComponent(tasks.agentLater.dueAt)}`))).toEqual(["agent later"]);
    const bad = await owner.get("/api/tasks?dueFrom=tomorrow&dueTo=2025-02-30T00:00:00Z");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["query.dueFrom", "query.dueTo"]);
  });

  it("marks a task done with its completion time, drops it from overdue, and reopens it", async () => {
    const { owner, tasks } = await teamWithTasks();
    const done = await owner.patch(`/api/tasks/${tasks.ownerOverdue.id}`, { status: "done" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "done", overdue: false, title: "owner overdue" });
    expect(Date.now() - Date.parse(done.body.completedAt)).toBeLessThan(60_000);
    expect(titles(await owner.get("/api/tasks?mine=true&overdue=true"))).toEqual([]);
    expect(titles(await owner.get("/api/tasks?status=done"))).toEqual(["owner overdue"]);
    expect(titles(await owner.get("/api/tasks?status=open&mine=true"))).toEqual(["owner soon", "owner undated"]);

    const reopened = await owner.patch(`/api/tasks/${tasks.ownerOverdue.id}`, { status: "open", dueAt: inHours(24), notes: "Moved to tomorrow" });
    expect(reopened.body).toMatchObject({ status: "open", completedAt: null, overdue: false, notes: "Moved to tomorrow" });
  });

  it("reassigns, renames and clears fields with PATCH", async () => {
    const { owner, agent, tasks } = await teamWithTasks();
    const patched = await owner.patch(`/api/tasks/${tasks.ownerSoon.id}`, { assigneeUserId: agent.identity.userId, title: "agent now", dueAt: null });
    expect(patched.body).toMatchObject({ assigneeUserId: agent.identity.userId, title: "agent now", dueAt: null, customerId: tasks.ownerSoon.customerId });
    expect(titles(await agent.get("/api/tasks?mine=true"))).toEqual(["agent overdue", "agent later", "agent now"]);
  });

  it("names each task's customer in the list, also for the teammate it is handed to", async () => {
    const { owner, agent, customerId, tasks } = await teamWithTasks();
    const second = (await owner.post("/api/customers", { firstName: "Sara", lastName: "Ahmadi", mobile: "09124445566" })).body.id;
    await owner.post("/api/tasks", { title: "owner second customer", customerId: second, dueAt: inHours(4) });
    const listed = await owner.get("/api/tasks");
    expect(listed.body.items.map((task: { title: string; customerName: string | null }) => [task.title, task.customerName])).toEqual([
      ["agent overdue", null],
      ["owner overdue", null],
      ["owner soon", "Nima"],
      ["owner second customer", "Sara Ahmadi"],
      ["agent later", null],
      ["owner undated", null],
    ]);
    // Handed to the agent, it shows in the agent's own list with the customer's name.
    const handed = await owner.patch(`/api/tasks/${tasks.ownerSoon.id}`, { assigneeUserId: agent.identity.userId });
    expect(handed.body).toMatchObject({ assigneeUserId: agent.identity.userId, customerName: "Nima", customerId });
    const agentList = await agent.get("/api/tasks?mine=true");
    expect(agentList.body.items.find((task: { id: string }) => task.id === tasks.ownerSoon.id)).toMatchObject({ customerName: "Nima" });
    // A teammate of another workspace cannot be given the task.
    const stranger = await signUp();
    const refused = await owner.patch(`/api/tasks/${tasks.ownerSoon.id}`, { assigneeUserId: stranger.owner.identity.userId });
    expect(refused.status).toBe(400);
  });

  it("audits a reschedule and a reassignment once each, with only the changed fields before and after", async () => {
    const { owner, agent, workspaceId, customerId, tasks } = await teamWithTasks();
    const auditRows = () =>
      env.DB.prepare("select action, entity_id, customer_id, actor_user_id, details from audit_log where workspace_id = ? and entity_type = 'task' order by id")
        .bind(workspaceId)
        .all<{ action: string; entity_id: string; customer_id: string | null; actor_user_id: string; details: string }>()
        .then((rows) => rows.results.map((row) => ({ ...row, details: JSON.parse(row.details) })));
    // Rescheduled (as a drag on the calendar does): the due time alone.
    const movedTo = "2030-02-01T10:00:00.000Z";
    expect((await owner.patch(`/api/tasks/${tasks.ownerSoon.id}`, { dueAt: "2030-02-01T13:30:00+03:30" })).status).toBe(200);
    expect(await auditRows()).toEqual([
      {
        action: "task.updated",
        entity_id: tasks.ownerSoon.id,
        customer_id: customerId,
        actor_user_id: owner.identity.userId,
        details: { before: { dueAt: tasks.ownerSoon.dueAt }, after: { dueAt: movedTo } },
      },
    ]);
    // Handed to the agent with the same title sent again: the assignee alone.
    expect((await owner.patch(`/api/tasks/${tasks.ownerSoon.id}`, { assigneeUserId: agent.identity.userId, title: "owner soon" })).status).toBe(200);
    const rows = await auditRows();
    expect(rows).toHaveLength(2);
    expect(rows[1]!.details).toEqual({ before: { assigneeUserId: owner.identity.userId }, after: { assigneeUserId: agent.identity.userId } });
    // Done by the agent, then reopened: the status each time.
    await agent.patch(`/api/tasks/${tasks.ownerSoon.id}`, { status: "done" });
    await agent.patch(`/api/tasks/${tasks.ownerSoon.id}`, { status: "open" });
    expect((await auditRows()).slice(2).map((row) => [row.actor_user_id, row.details])).toEqual([
      [agent.identity.userId, { before: { status: "open" }, after: { status: "done" } }],
      [agent.identity.userId, { before: { status: "done" }, after: { status: "open" } }],
    ]);
  });

  it("writes no audit row for an update it refuses: bad input, no permission", async () => {
    const { owner, workspaceId, tasks } = await teamWithTasks();
    const viewer = await addMember(workspaceId, "viewer");
    const stranger = await signUp();
    const before = await databaseFingerprint();
    const path = `/api/tasks/${tasks.ownerSoon.id}`;
    expect((await owner.patch(path, { dueAt: "tomorrow" })).status).toBe(400);
    expect((await owner.patch(path, { title: "moved", assigneeUserId: stranger.owner.identity.userId })).status).toBe(400);
    expect((await viewer.patch(path, { dueAt: inHours(5) })).status).toBe(403);
    expect((await stranger.owner.patch(path, { dueAt: inHours(5) })).status).toBe(404);
    const audited = await env.DB.prepare("select count(*) as n from audit_log where workspace_id = ? and entity_type = 'task'").bind(workspaceId).first<{ n: number }>();
    expect(audited?.n).toBe(0);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("answers 404 for another workspace's task and leaves it alone", async () => {
    const { tasks } = await teamWithTasks();
    const stranger = await signUp();
    const before = await databaseFingerprint();
    expect((await stranger.owner.patch(`/api/tasks/${tasks.ownerSoon.id}`, { status: "done" })).status).toBe(404);
    expect(titles(await stranger.owner.get("/api/tasks"))).toEqual([]);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses bad input with the fields named, in English and Persian, and writes nothing", async () => {
    const { owner, tasks } = await teamWithTasks();
    const stranger = await signUp();
    const foreignCustomer = await stranger.owner.post("/api/customers", { mobile: "09120000000" });
    const before = await databaseFingerprint();
    const cases: Array<[string, string, unknown, string[]]> = [
      ["POST", "/api/tasks", { title: "" }, ["body.title"]],
      ["POST", "/api/tasks", { title: "x", dueAt: "tomorrow" }, ["body.dueAt"]],
      ["POST", "/api/tasks", { title: "x", priority: "high" }, ["body"]],
      ["POST", "/api/tasks", { title: "x", customerId: foreignCustomer.body.id, assigneeUserId: stranger.owner.identity.userId }, ["body.customerId", "body.assigneeUserId"]],
      ["PATCH", `/api/tasks/${tasks.ownerSoon.id}`, {}, ["body"]],
      ["PATCH", `/api/tasks/${tasks.ownerSoon.id}`, { status: "finished" }, ["body.status"]],
      ["PATCH", `/api/tasks/${tasks.ownerSoon.id}`, { assigneeUserId: stranger.owner.identity.userId }, ["body.assigneeUserId"]],
      ["PATCH", `/api/tasks/${tasks.ownerSoon.id}`, { customerId: foreignCustomer.body.id }, ["body"]],
    ];
    for (const language of ["en", "fa"]) {
      for (const [method, path, body, paths] of cases) {
        const response = await owner.withLanguage(language).request(method, path, body);
        expect(response.status, `${method} ${JSON.stringify(body)}`).toBe(400);
        expect(response.headers.get("content-type")).toContain("application/problem+json");
        expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
      }
    }
    const persian = await owner.withLanguage("fa").post("/api/tasks", { title: "x", customerId: foreignCustomer.body.id });
    expect(persian.body.errors[0].message).toBe("چنین مشتری‌ای در این کسب‌وکار نیست.");
    const badQuery = await owner.get("/api/tasks?status=late&mine=yes");
    expect(badQuery.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["query.mine", "query.status"]);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("lets a viewer read tasks but not write them", async () => {
    const { workspaceId } = await teamWithTasks();
    const viewer = await addMember(workspaceId, "viewer");
    expect(titles(await viewer.get("/api/tasks?overdue=true"))).toEqual(["agent overdue", "owner overdue"]);
    expect((await viewer.post("/api/tasks", { title: "x" })).status).toBe(403);
  });

  it("reads the hot lists from an index in due order", async () => {
    const scope = openWorkspace(env, "ws_plan");
    const plans: Array<[Parameters<typeof listTasksQuery>[1], string]> = [
      [{ assigneeUserIds: ["usr_me"], status: "open" }, "tasks_assignee_idx"],
      [{ assigneeUserIds: ["usr_me"], overdueAt: Date.now() }, "tasks_assignee_idx"],
      [{ assigneeUserIds: [], overdueAt: Date.now() }, "tasks_status_due_idx"],
      [{ assigneeUserIds: [], status: "done" }, "tasks_status_due_idx"],
      [{ assigneeUserIds: [] }, "tasks_workspace_due_idx"],
      // A calendar's range, everyone's or mine: a range of the due index, a month's tasks at most
      // (the assignee index cannot range on due time across statuses).
      [{ assigneeUserIds: [], dueFrom: Date.now(), dueTo: Date.now() + 7 * 86_400_000 }, "tasks_workspace_due_idx"],
      [{ assigneeUserIds: ["usr_me"], dueFrom: Date.now(), dueTo: Date.now() + 7 * 86_400_000 }, "tasks_workspace_due_idx"],
      [{ assigneeUserIds: [], status: "open", dueFrom: Date.now(), dueTo: Date.now() + 7 * 86_400_000 }, "tasks_workspace_due_idx"],
    ];
    for (const [filter, index] of plans) {
      const query = listTasksQuery(scope, filter, { after: [Date.now(), "tsk_x"], limit: 50 }).toSQL();
      const plan = await env.DB.prepare(`explain query plan ${query.sql}`)
        .bind(...query.params)
        .all<{ detail: string }>();
      const details = plan.results.map((row) => row.detail).join("; ");
      expect(details, JSON.stringify(filter)).toContain(`USING INDEX ${index}`);
      expect(details, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE|SCAN tasks/);
    }
  });

  it("counts for the bell my open tasks overdue and due later today in the workspace's zone, and nobody else's", async () => {
    const { owner, agent } = await teamWithTasks();
    const empty = await agent.withLanguage("fa").get("/api/tasks/due");
    expect(empty.status).toBe(200);
    const time = Date.now();
    const endOfToday = startOfDay(addDays(localDay(time, "Asia/Tehran"), 1), "Asia/Tehran");
    const at = (ms: number) => new Date(ms).toISOString();
    // From teamWithTasks the owner already has one task overdue; "owner soon" may fall today or tomorrow.
    const before = (await owner.get("/api/tasks/due")).body;
    await owner.post("/api/tasks", { title: "last thing today", dueAt: at(endOfToday - 1000) });
    await owner.post("/api/tasks", { title: "first thing tomorrow", dueAt: at(endOfToday + 1000) });
    const finished = await owner.post("/api/tasks", { title: "finished overdue", dueAt: at(time - 3_600_000) });
    await owner.patch(`/api/tasks/${finished.body.id}`, { status: "done" });
    await owner.post("/api/tasks", { title: "the agent's, overdue", dueAt: at(time - 3_600_000), assigneeUserId: agent.identity.userId });
    const after = await owner.get("/api/tasks/due");
    expect(before.overdue).toBe(1);
    expect(after.body).toEqual({ overdue: 1, dueToday: before.dueToday + 1, capped: false, newlyAssigned: 0 });
    expect((await agent.get("/api/tasks/due")).body).toEqual({ overdue: empty.body.overdue + 1, dueToday: empty.body.dueToday, capped: false, newlyAssigned: empty.body.newlyAssigned + 1 });
  });

  it("stops the bell's count at 100 and reads it from the assignee index", async () => {
    const { owner, workspaceId } = await signUp();
    const userId = owner.identity.userId!;
    const time = Date.now();
    const rows = Array.from({ length: 105 }, (_, i) =>
      env.DB.prepare("insert into tasks (id, workspace_id, title, assignee_user_id, due_at, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'open', ?, ?)").bind(
        `tsk_pile_${i}`, workspaceId, `pile ${i}`, userId, time - 60_000 - i, time, time,
      ),
    );
    await env.DB.batch(rows);
    expect((await owner.get("/api/tasks/due")).body).toEqual({ overdue: 100, dueToday: 0, capped: true, newlyAssigned: 0 });
    const query = new SQLiteSyncDialect().sqlToQuery(dueTasksQuery(openWorkspace(env, workspaceId), userId, time, time + 86_400_000));
    const plan = await env.DB.prepare(`explain query plan ${query.sql}`).bind(...query.params).all<{ detail: string }>();
    const details = plan.results.map((row) => row.detail).join("; ");
    // A range of the index bounded by the due key, stopped after 101 rows by the inner limit.
    expect(details).toMatch(/SEARCH tasks USING (COVERING )?INDEX tasks_assignee_idx \(workspace_id=\? AND assignee_user_id=\? AND status=\? AND due_key<\?\)/);
    expect(details).not.toMatch(/SCAN tasks/);
  });

  it("tells the bell which tasks someone else gave me since I last opened it, not the ones I gave myself", async () => {
    const { owner, agent, tasks } = await teamWithTasks();
    const agentId = agent.identity.userId;
    // From teamWithTasks: the owner gave the agent "agent overdue"; the agent's own "agent later" is not new.
    expect((await agent.get("/api/tasks/due")).body.newlyAssigned).toBe(1);
    const opened = new Date().toISOString();
    expect((await agent.get(`/api/tasks/due?assignedSince=${encodeURIComponent(opened)}`)).body.newlyAssigned).toBe(0);
    // Handed over later (a reassignment, due next week): new since the bell was opened.
    await owner.patch(`/api/tasks/${tasks.ownerUndated.id}`, { assigneeUserId: agentId, dueAt: inHours(24 * 7) });
    expect((await agent.get(`/api/tasks/due?assignedSince=${encodeURIComponent(opened)}`)).body.newlyAssigned).toBe(1);
    // Giving it to the same person again, or the agent giving a task to themselves, is no news.
    await owner.patch(`/api/tasks/${tasks.ownerUndated.id}`, { assigneeUserId: agentId });
    await owner.patch(`/api/tasks/${tasks.ownerSoon.id}`, { assigneeUserId: null });
    await agent.patch(`/api/tasks/${tasks.ownerSoon.id}`, { assigneeUserId: agentId });
    expect((await agent.get(`/api/tasks/due?assignedSince=${encodeURIComponent(opened)}`)).body.newlyAssigned).toBe(1);
    // Done is no longer news; the owner was given nothing.
    await agent.patch(`/api/tasks/${tasks.ownerUndated.id}`, { status: "done" });
    expect((await agent.get(`/api/tasks/due?assignedSince=${encodeURIComponent(opened)}`)).body.newlyAssigned).toBe(0);
    expect((await owner.get("/api/tasks/due")).body.newlyAssigned).toBe(0);
    expect((await agent.get("/api/tasks/due?assignedSince=yesterday")).status).toBe(400);
    // One range of the assignment index.
    const query = new SQLiteSyncDialect().sqlToQuery(newlyAssignedQuery(openWorkspace(env, "ws_plan"), "usr_me", Date.now()));
    const plan = await env.DB.prepare(`explain query plan ${query.sql}`).bind(...query.params).all<{ detail: string }>();
    expect(plan.results.map((row) => row.detail).join("; ")).toMatch(/SEARCH tasks USING INDEX tasks_assigned_idx \(workspace_id=\? AND assignee_user_id=\? AND assigned_at>\?\)/);
  });
});
