// Handlers for the outgoing-webhooks contract. Secrets are shown only by create and
// rotate-secret; every change is audited without them.
import { actorOf } from "../auth/auth.middleware";
import { auditOrigin } from "../audit/audit";
import { now } from "../data/clock";
import { toPage, cursorId } from "../data/cursor";
import { newId } from "../data/ids";
import { notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { secretBox } from "../secrets/secret-box";
import { newSigningSecret } from "./signing";
import { listAttempts } from "./webhook-attempts.repository";
import { presentAttempt, presentSubscription } from "./webhook.presenter";
import type { WebhookUpdate } from "./webhook.schemas";
import { createSubscription, deleteSubscription, findSubscription, listSubscriptions, updateSubscription, type SubscriptionRow } from "./webhooks-out.repository";
import {
  createWebhookRoute,
  deleteWebhookRoute,
  listWebhookDeliveriesRoute,
  listWebhooksRoute,
  rotateWebhookSecretRoute,
  updateWebhookRoute,
} from "./webhooks-out.routes";

const DISABLED_BY_USER = "disabled by a user";

/** The stored changes of a PATCH: enabling clears the reason and the failure streak. */
function changesOf(input: WebhookUpdate, time: number) {
  return {
    url: input.url,
    events: input.events,
    description: input.description === undefined ? undefined : input.description || null,
    ...(input.enabled === true ? { enabled: true, disabledReason: null, failureCount: 0 } : {}),
    ...(input.enabled === false ? { enabled: false, disabledReason: DISABLED_BY_USER } : {}),
    updatedAt: time,
  };
}

/** What changed, before and after, for the audit log. */
function auditedChanges(before: SubscriptionRow, input: WebhookUpdate) {
  const fields = (["url", "events", "description", "enabled"] as const).filter((field) => input[field] !== undefined);
  return {
    changed: fields,
    before: Object.fromEntries(fields.map((field) => [field, before[field]])),
    after: Object.fromEntries(fields.map((field) => [field, input[field]])),
  };
}

export const webhooksOutRouter = createRouter()
  .openapi(listWebhooksRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const rows = await listSubscriptions(c.get("scope"), cursorId(cursor), limit);
    return c.json(toPage(rows, limit, (row) => [row.id], presentSubscription), 200);
  })
  .openapi(createWebhookRoute, async (c) => {
    const input = c.req.valid("json");
    const actor = actorOf(c);
    const time = now();
    const secret = newSigningSecret();
    const row = {
      id: newId("whk", time),
      url: input.url,
      description: input.description || null,
      events: input.events,
      secret: await (await secretBox(c.env)).seal(secret),
      enabled: true,
      disabledReason: null,
      lastStatus: null,
      lastError: null,
      lastAttemptAt: null,
      failureCount: 0,
      createdBy: actor.userId,
      createdAt: time,
      updatedAt: time,
    };
    await createSubscription(c.get("scope"), row, auditOrigin(c));
    return c.json({ ...presentSubscription({ ...row, workspaceId: c.get("scope").workspaceId }), secret }, 201);
  })
  .openapi(updateWebhookRoute, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const scope = c.get("scope");
    const before = await findSubscription(scope, id);
    if (!before) throw notFound();
    const after = await updateSubscription(scope, id, changesOf(input, now()), auditOrigin(c), {
      action: "webhook.updated",
      details: auditedChanges(before, input),
    });
    if (!after) throw notFound();
    return c.json(presentSubscription(after), 200);
  })
  .openapi(deleteWebhookRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    const row = await findSubscription(scope, id);
    if (!row) throw notFound();
    await deleteSubscription(scope, row, auditOrigin(c));
    return c.body(null, 204);
  })
  .openapi(rotateWebhookSecretRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    const before = await findSubscription(scope, id);
    if (!before) throw notFound();
    const secret = newSigningSecret();
    const sealed = await (await secretBox(c.env)).seal(secret);
    const after = await updateSubscription(scope, id, { secret: sealed, updatedAt: now() }, auditOrigin(c), {
      action: "webhook.secret_rotated",
      details: { url: before.url },
    });
    if (!after) throw notFound();
    return c.json({ ...presentSubscription(after), secret }, 200);
  })
  .openapi(listWebhookDeliveriesRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { cursor, limit } = c.req.valid("query");
    const scope = c.get("scope");
    if (!(await findSubscription(scope, id))) throw notFound();
    const rows = await listAttempts(scope, id, cursorId(cursor), limit);
    return c.json(toPage(rows, limit, (row) => [row.id], presentAttempt), 200);
  });
