// Handlers for a customer's messages.
import { actorOf } from "../auth/auth.middleware";
import { findCustomer } from "../customers/customers.repository";
import { toPage, cursorTimeId } from "../data/cursor";
import { notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { customerMessagesQuery, presentMessage } from "./messages.repository";
import { listMessagesRoute, sendMessageRoute } from "./messages.routes";
import { sendMessage } from "./send-message";

export const messagesRouter = createRouter()
  .openapi(sendMessageRoute, async (c) => {
    const { id: customerId } = c.req.valid("param");
    const input = c.req.valid("json");
    const actor = actorOf(c);
    const result = await sendMessage(c.env, c.get("scope"), {
      customerId,
      ...input,
      // Without a key every request is a new message, as a user pressing "send" expects.
      idempotencyKey: input.idempotencyKey ?? crypto.randomUUID(),
      sentBy: { userId: actor.userId },
    });
    if (result.replayed) return c.json(result.message, 200, { "idempotent-replayed": "true" });
    return c.json(result.message, 201);
  })
  .openapi(listMessagesRoute, async (c) => {
    const { id: customerId } = c.req.valid("param");
    const { cursor, limit } = c.req.valid("query");
    const scope = c.get("scope");
    const before = cursorTimeId(cursor);
    if (!(await findCustomer(scope, customerId))) throw notFound();
    const rows = await customerMessagesQuery(scope, customerId, { before, limit });
    return c.json(toPage(rows, limit, (row) => [row.createdAt, row.id], presentMessage), 200);
  });
