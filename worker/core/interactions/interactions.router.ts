// Handlers for interactions and the customer timeline.
import { runBeforeHooks } from "../plugin-runtime/plugin-runtime";
import { actorOf } from "../auth/auth.middleware";
import { findCustomer } from "../customers/customers.repository";
import { now } from "../data/clock";
import { cursorTimeId } from "../data/cursor";
import { newId } from "../data/ids";
import { invalidField, notFound } from "../http/problem";
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
    if (staffUserId !== actor.userId && !(await isWorkspaceMember(c.env, actor.workspaceId, staffUserId))) {
      throw invalidField("body.staffUserId", "unknown_user");
    }
    const time = now();
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
        createdBy: actor.userId,
        createdAt: time,
      },
      actor.userId,
    );
    return c.json(presentInteraction(row), 201);
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
