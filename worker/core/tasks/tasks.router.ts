// Handlers for the tasks contract.
import { runBeforeHooks } from "../plugin-runtime/plugin-runtime";
import type { Context } from "hono";
import { actorOf } from "../auth/auth.middleware";
import { findCustomer } from "../customers/customers.repository";
import { now, toIso } from "../data/clock";
import { auditEntry, auditOrigin } from "../audit/audit";
import type { TaskUpdate } from "./task.schemas";
import { decodeCursor, toPage } from "../data/cursor";
import { newId } from "../data/ids";
import { invalidField, notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { isWorkspaceMember } from "../workspaces/members";
import { countDueTasks, countNewlyAssigned, createTask, customerNamesOf, findTask, listTasks, presentTask, updateTask, type TaskKey, type TaskRow } from "./tasks.repository";
import { createTaskRoute, dueTasksRoute, listTasksRoute, updateTaskRoute } from "./tasks.routes";
import { addDays, localDay, startOfDay } from "../stats/local-day";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { eq } from "drizzle-orm";
import { openDirectory } from "../data/database";
import { users } from "../data/schema";
import { staffChannels } from "../messaging/staff-email";
import { setTaskDigestRoute, taskDigestRoute } from "./task-digest.routes";

/** "Newly assigned" without a time from the bell: the last day. */
const NEWLY_ASSIGNED_MS = 86_400_000;
/** A bell last opened long ago still looks back no further than a week. */
const NEWLY_ASSIGNED_MAX_MS = 7 * 86_400_000;

function afterKey(cursor: string | undefined): TaskKey | null {
  if (cursor === undefined) return null;
  const key = decodeCursor(cursor);
  if (!key || typeof key[0] !== "number" || typeof key[1] !== "string") throw invalidField("query.cursor", "invalid_cursor");
  return [key[0], key[1]];
}

/** A 400 naming every reference (customer, assignee) that is not of this workspace. */
async function checkReferences(c: Context, refs: { customerId?: string | undefined; assigneeUserId?: string | null | undefined }) {
  const actor = actorOf(c);
  const [customerOk, assigneeOk] = await Promise.all([
    refs.customerId === undefined ? true : findCustomer(c.get("scope"), refs.customerId).then(Boolean),
    // The caller is a member by definition; anyone else is looked up.
    refs.assigneeUserId == null || refs.assigneeUserId === actor.userId ? true : isWorkspaceMember(c.env, actor.workspaceId, refs.assigneeUserId),
  ]);
  const errors = [
    ...(customerOk ? [] : [{ path: "body.customerId", code: "unknown_customer" }]),
    ...(assigneeOk ? [] : [{ path: "body.assigneeUserId", code: "unknown_user" }]),
  ];
  if (errors.length) throw new Problem(400, "validation_failed", { errors });
}

/** The fields a PATCH changes, each as it was and as it becomes (times in ISO), for the audit row. */
function changedFields(before: TaskRow, input: TaskUpdate): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const fields = ["title", "notes", "assigneeUserId", "dueAt", "status"] as const;
  const shown = (field: (typeof fields)[number], value: unknown) => (field === "dueAt" ? toIso(value as number | null) : value);
  const changed = fields.filter((field) => input[field] !== undefined && input[field] !== before[field]);
  if (changed.length === 0) return null;
  return {
    before: Object.fromEntries(changed.map((field) => [field, shown(field, before[field])])),
    after: Object.fromEntries(changed.map((field) => [field, shown(field, input[field])])),
  };
}

/** Tasks as the API shows them, each with its customer's name for callers who may read customers. */
async function presentTasks(c: Context, rows: TaskRow[], time: number) {
  const names = actorOf(c).permissions.has("customers:read") ? await customerNamesOf(c.get("scope"), rows) : new Map<string, string>();
  return rows.map((row) => presentTask(row, time, (row.customerId && names.get(row.customerId)) ?? null));
}

/** The caller's digest setting, with the channels the workspace can deliver to staff. */
async function describeDigest(c: Context) {
  const actor = actorOf(c);
  const [person, providers] = await Promise.all([
    openDirectory(c.env).select({ channel: users.taskDigest, mobile: users.mobile }).from(users).where(eq(users.id, actor.userId)).get(),
    staffChannels(c.get("scope")),
  ]);
  return { channel: person?.channel ?? "off", mobile: person?.mobile ?? null, offered: { email: providers.email, sms: providers.sms } };
}

export const tasksRouter = createRouter()
  .openapi(taskDigestRoute, async (c) => c.json(await describeDigest(c), 200))
  .openapi(setTaskDigestRoute, async (c) => {
    const input = c.req.valid("json");
    const current = await describeDigest(c);
    const errors = [
      ...(input.channel !== "off" && !current.offered[input.channel] ? [{ path: "body.channel", code: "digest_channel_unavailable" }] : []),
      ...(input.channel === "sms" && current.offered.sms && !current.mobile ? [{ path: "body.channel", code: "digest_mobile_required" }] : []),
    ];
    if (errors.length) throw new Problem(400, "validation_failed", { errors });
    // A preference of one's own, like the name and language: no audit row.
    await openDirectory(c.env).update(users).set({ taskDigest: input.channel, updatedAt: now() }).where(eq(users.id, actorOf(c).userId));
    return c.json({ ...current, channel: input.channel }, 200);
  })
  .openapi(listTasksRoute, async (c) => {
    const query = c.req.valid("query");
    const actor = actorOf(c);
    const time = now();
    const rows = await listTasks(
      c.get("scope"),
      {
        assigneeUserIds: [...(query.mine ? [actor.userId] : []), ...(query.assigneeUserId ? [query.assigneeUserId] : [])],
        status: query.status,
        customerId: query.customerId,
        overdueAt: query.overdue ? time : undefined,
        dueFrom: query.dueFrom,
        dueTo: query.dueTo,
      },
      { after: afterKey(query.cursor), limit: query.limit },
    );
    const page = toPage(rows, query.limit, (row) => [row.dueKey, row.id], (row) => row);
    return c.json({ ...page, items: await presentTasks(c, page.items, time) }, 200);
  })
  .openapi(dueTasksRoute, async (c) => {
    const actor = actorOf(c);
    const { assignedSince } = c.req.valid("query");
    const { timeZone } = await getWorkspaceSettings(c.env, actor.workspaceId);
    const time = now();
    // "Today" ends at the workspace's next local midnight, not UTC's.
    const endOfToday = startOfDay(addDays(localDay(time, timeZone), 1), timeZone);
    const [due, newlyAssigned] = await Promise.all([
      countDueTasks(c.get("scope"), actor.userId, time, endOfToday),
      countNewlyAssigned(c.get("scope"), actor.userId, Math.max(assignedSince ?? time - NEWLY_ASSIGNED_MS, time - NEWLY_ASSIGNED_MAX_MS)),
    ]);
    return c.json({ ...due, newlyAssigned }, 200);
  })
  .openapi(createTaskRoute, async (c) => {
    const input = await runBeforeHooks(c.get("scope"), "task.created", c.req.valid("json"));
    const actor = actorOf(c);
    const assigneeUserId = input.assigneeUserId === undefined ? actor.userId : input.assigneeUserId;
    await checkReferences(c, { customerId: input.customerId, assigneeUserId });
    const scope = c.get("scope");
    const time = now();
    const id = newId("tsk", time);
    await createTask(
      scope,
      {
        id,
        customerId: input.customerId ?? null,
        title: input.title,
        notes: input.notes ?? null,
        assigneeUserId,
        assignedAt: assigneeUserId === null ? null : time,
        assignedBy: assigneeUserId === null ? null : actor.userId,
        dueAt: input.dueAt ?? null,
        status: "open",
        createdBy: actor.userId,
        createdAt: time,
        updatedAt: time,
      },
      actor.userId,
    );
    const created = await findTask(scope, id);
    return c.json((await presentTasks(c, [created!], time))[0]!, 201);
  })
  .openapi(updateTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const scope = c.get("scope");
    const before = await findTask(scope, id);
    if (!before) throw notFound();
    await checkReferences(c, { assigneeUserId: input.assigneeUserId });
    const time = now();
    // Completion time is the moment it became done; marking done twice keeps the first.
    const completedAt = input.status === undefined ? undefined : input.status === "done" ? (before.status === "done" ? before.completedAt : time) : null;
    // A new assignee is a new assignment (the bell's "newly assigned"); the same one again is not.
    const reassigned = input.assigneeUserId !== undefined && input.assigneeUserId !== before.assigneeUserId;
    // Who rescheduled, reassigned, renamed, completed or reopened it: one audit row with the change.
    const changes = changedFields(before, input);
    const after = await updateTask(
      scope,
      id,
      {
        title: input.title,
        notes: input.notes,
        assigneeUserId: input.assigneeUserId,
        ...(reassigned ? { assignedAt: input.assigneeUserId === null ? null : time, assignedBy: input.assigneeUserId === null ? null : actorOf(c).userId } : {}),
        dueAt: input.dueAt,
        status: input.status,
        completedAt,
        updatedAt: time,
      },
      changes ? auditEntry(scope, auditOrigin(c), { action: "task.updated", entityType: "task", entityId: id, customerId: before.customerId, details: changes }) : undefined,
    );
    if (!after) throw notFound();
    return c.json((await presentTasks(c, [after], time))[0]!, 200);
  });
