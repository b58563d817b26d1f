// Handlers for interactions and the customer timeline.
import { runBeforeHooks } from "../plugin-runtime/plugin-runtime";
import { actorOf } from "../auth/auth.middleware";
import { findCustomer } from "../customers/customers.repository";
import { now } from "../data/clock";
import { cursorTimeId } from "../data/cursor";
import { newId } from "../data/ids";
import { forbidden, notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { isWorkspaceMember } from "../workspaces/members";
import { DEFAULT_DIRECTION } from "./interaction.schemas";
import { logInteraction, presentInteraction } from "./interactions.repository";
import { logInteractionRoute, timelineRoute } from "./interactions.routes";
import { readTimeline } from "./timeline";

export const interactionsRouter = createRouter()
  .openapi(logInteractionRoute, async (c) => {
    const { id: customerId } = c.req.valid("param");
    const { interaction: input } = await runBeforeHooks(c.get("scope"), "interaction.logged", { customerId, interaction: c.req.valid("json") });
    const actor = actorOf(c);
    const scope = c.get("scope");
    if (!(await findCustomer(scope, customerId))) throw notFound();
    const staffUserId = input.staffUserId ?? actor.userId;
    // As for any new task: omitted means the caller, null leaves it unassigned.
    const assigneeUserId = input.followUp ? (input.followUp.assigneeUserId === undefined ? actor.userId : input.followUp.assigneeUserId) : undefined;
    if (input.followUp && !actor.permissions.has("tasks:write")) throw forbidden();
    const [staffOk, assigneeOk] = await Promise.all([
      staffUserId === actor.userId || isWorkspaceMember(c.env, actor.workspaceId, staffUserId),
      assigneeUserId == null || assigneeUserId === actor.userId || isWorkspaceMember(c.env, actor.workspaceId, assigneeUserId),
    ]);
    const errors = [
      ...(staffOk ? [] : [{ path: "body.staffUserId", code: "unknown_user" }]),
      ...(assigneeOk ? [] : [{ path: "body.followUp.assigneeUserId", code: "unknown_user" }]),
    ];
    if (errors.length) throw new Problem(400, "validation_failed", { errors });
    const time = now();
    const followUp = input.followUp
      ? {
          id: newId("tsk", time),
          customerId,
          title: input.followUp.title,
          notes: input.followUp.notes ?? null,
          assigneeUserId: assigneeUserId ?? null,
          assignedAt: assigneeUserId == null ? null : time,
          assignedBy: assigneeUserId == null ? null : actor.userId,
          dueAt: input.followUp.dueAt ?? null,
          createdBy: actor.userId,
          createdAt: time,
          updatedAt: time,
        }
      : undefined;
    const row = await logInteraction(
      scope,
      {
        id: newId("int", time),
        customerId,
        type: input.type,
        channel: input.channel ?? null,
        direction: input.direction ?? DEFAULT_DIRECTION[input.type]!,
        summary: input.summary,
        occurredAt: input.occurredAt ?? time,
        staffUserId,
        outcome: input.outcome ?? null,
        durationSeconds: input.durationSeconds ?? null,
        status: input.type === "complaint" ? (input.status ?? "open") : null,
        statusChangedAt: input.type === "complaint" ? time : null,
        createdBy: actor.userId,
        createdAt: time,
      },
      actor.userId,
      followUp,
    );
    return c.json({ ...presentInteraction(row), followUpTaskId: followUp?.id ?? null }, 201);
  })
  .openapi(timelineRoute, async (c) => {
    const { id: customerId } = c.req.valid("param");
    const { cursor, limit } = c.req.valid("query");
    const actor = actorOf(c);
    const scope = c.get("scope");
    const before = cursorTimeId(cursor);
    if (!(await findCustomer(scope, customerId))) throw notFound();
    const page = await readTimeline(scope, (permission) => actor.permissions.has(permission), customerId, { before, limit, time: now() });
    return c.json(page, 200);
  });
