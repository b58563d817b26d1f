// Handlers for shop connections. A generated secret is shown by create and rotate-secret only;
// every change is audited without the secret.
import { actorOf } from "../auth/auth.middleware";
import { auditOrigin } from "../audit/audit";
import { now } from "../data/clock";
import { cursorId, toPage } from "../data/cursor";
import { newId } from "../data/ids";
import { invalidField, notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { secretBox } from "../secrets/secret-box";
import { newShopSecret } from "../shop-api/shop-api";
import { newSigningSecret } from "../webhooks-out/signing";
import type { ConnectionPlatform } from "./connections.schema";
import { presentConnection } from "./connection.presenter";
import { createConnection, findConnection, listConnections, updateConnection } from "./connections.repository";
import { createConnectionRoute, listConnectionsRoute, rotateConnectionSecretRoute, updateConnectionRoute } from "./connections.routes";

/**
 * The secret the CRM makes up, or undefined when the owner gave the shop's: generic always
 * (Standard Webhooks), WooCommerce unless given (its webhook takes any secret we paste in);
 * never Shopify, which signs with a key of its own.
 */
function generatedSecret(platform: ConnectionPlatform, given: string | undefined): string | undefined {
  if (platform === "generic") return newSigningSecret();
  if (platform === "woocommerce" && given === undefined) return newShopSecret();
  return undefined;
}

export const connectionsRouter = createRouter()
  .openapi(listConnectionsRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const rows = await listConnections(c.get("scope"), cursorId(cursor), limit);
    return c.json(toPage(rows, limit, (row) => [row.id], (row) => presentConnection(c, row)), 200);
  })
  .openapi(createConnectionRoute, async (c) => {
    const input = c.req.valid("json");
    const scope = c.get("scope");
    const time = now();
    const generated = generatedSecret(input.platform, input.secret);
    const row = {
      id: newId("con", time),
      platform: input.platform,
      name: input.name,
      secret: await (await secretBox(c.env)).seal(generated ?? input.secret!),
      enabled: true,
      lastDeliveryAt: null,
      shopUrl: null,
      apiCredentials: null,
      createdWebhooks: null,
      createdBy: actorOf(c).userId,
      createdAt: time,
      updatedAt: time,
    };
    await createConnection(scope, row, auditOrigin(c));
    const view = presentConnection(c, { ...row, workspaceId: scope.workspaceId });
    return c.json(generated ? { ...view, secret: generated } : view, 201);
  })
  .openapi(updateConnectionRoute, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const scope = c.get("scope");
    const before = await findConnection(scope, id);
    if (!before) throw notFound();
    const fields = (["name", "enabled"] as const).filter((field) => input[field] !== undefined);
    const after = await updateConnection(scope, id, { name: input.name, enabled: input.enabled, updatedAt: now() }, auditOrigin(c), {
      action: "connection.updated",
      details: {
        changed: fields,
        before: Object.fromEntries(fields.map((field) => [field, before[field]])),
        after: Object.fromEntries(fields.map((field) => [field, input[field]])),
      },
    });
    if (!after) throw notFound();
    return c.json(presentConnection(c, after), 200);
  })
  .openapi(rotateConnectionSecretRoute, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const scope = c.get("scope");
    const before = await findConnection(scope, id);
    if (!before) throw notFound();
    if (before.platform === "generic" && input.secret !== undefined) throw invalidField("body.secret", "shop_secret_generated");
    if (before.platform === "shopify" && input.secret === undefined) throw invalidField("body.secret", "shop_secret_required");
    const generated = generatedSecret(before.platform, input.secret);
    const secret = await (await secretBox(c.env)).seal(generated ?? input.secret!);
    const after = await updateConnection(scope, id, { secret, updatedAt: now() }, auditOrigin(c), {
      action: "connection.secret_rotated",
      details: { platform: before.platform },
    });
    if (!after) throw notFound();
    const view = presentConnection(c, after);
    return c.json(generated ? { ...view, secret: generated } : view, 200);
  });
