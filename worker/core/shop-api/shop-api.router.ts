// Handlers for connecting a shop in one step. The credentials are sealed before they are stored
// and never leave again (not in a response, an audit row, an export or a log line).
import { actorOf } from "../auth/auth.middleware";
import { auditOrigin } from "../audit/audit";
import { presentConnection } from "../connections/connection.presenter";
import { createConnection, findConnection, updateConnection } from "../connections/connections.repository";
import { PLATFORM_TOPICS, webhookUrl } from "../connections/platforms";
import { now } from "../data/clock";
import { newId } from "../data/ids";
import { invalidField, notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { isAllowedLocal, localOriginsAllowed } from "../outbound/local-origins";
import { urlRefusal } from "../outbound/public-url";
import { secretBox } from "../secrets/secret-box";
import { connectProblem, createShopWebhooks, deleteShopWebhooks } from "./connect-shop";
import { newShopSecret } from "./shop-api";
import { connectionHealth } from "./connection-health";
import { connectionHealthRoute, connectShopRoute, disconnectShopRoute, shopImportRoute, startShopImportRoute } from "./shop-api.routes";
import { openCredentials, retryPolicy, sealCredentials, shopApiFor, type ApiPlatform, type ShopCredentials } from "./shop-credentials";
import { presentShopImport } from "./shop-import.presenter";
import { shopImportMessage } from "./shop-import-message";
import { cancelConnectionImports, insertShopImport, latestShopImport, type ShopImportRow } from "./shop-imports.repository";
import type { WorkspaceScope } from "../data/database";

function newImport(connectionId: string, createdBy: string | null, time: number): Omit<ShopImportRow, "workspaceId"> {
  return {
    id: newId("shi", time),
    connectionId,
    status: "running",
    phase: "customers",
    step: 0,
    cursor: null,
    pagesDone: 0,
    totalPages: null,
    totalRecords: null,
    customersSeen: 0,
    ordersSeen: 0,
    rejected: 0,
    lastRejection: null,
    error: null,
    createdBy,
    createdAt: time,
    updatedAt: time,
    finishedAt: null,
  };
}

async function connectionOrNotFound(scope: WorkspaceScope, id: string) {
  const connection = await findConnection(scope, id);
  if (!connection) throw notFound();
  return connection;
}

export const shopApiRouter = createRouter()
  .openapi(connectShopRoute, async (c) => {
    const input = c.req.valid("json");
    const scope = c.get("scope");
    const platform: ApiPlatform = input.platform;
    const refusal = isAllowedLocal(localOriginsAllowed(c.env), input.shopUrl) ? null : urlRefusal(input.shopUrl);
    if (refusal) throw invalidField("body.shopUrl", refusal);
    const url = new URL(input.shopUrl);
    const shopUrl = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
    const credentials: ShopCredentials =
      input.platform === "woocommerce" ? { consumerKey: input.consumerKey, consumerSecret: input.consumerSecret } : { accessToken: input.accessToken };
    const api = shopApiFor(platform, shopUrl, credentials, retryPolicy(c.env));
    try {
      await api.verify();
    } catch (error) {
      throw connectProblem(platform, error, "verify");
    }

    const time = now();
    const id = newId("con", time);
    // WooCommerce takes the secret we give it; Shopify signs with the app's API secret key.
    const secret = input.platform === "woocommerce" ? newShopSecret() : input.apiSecret;
    let webhookIds: string[];
    try {
      webhookIds = await createShopWebhooks(api, PLATFORM_TOPICS[platform], webhookUrl(c, platform, id), secret);
    } catch (error) {
      throw connectProblem(platform, error, "webhooks");
    }
    const box = await secretBox(c.env);
    const createdBy = actorOf(c).userId;
    const row = {
      id,
      platform,
      name: input.name ?? url.hostname,
      secret: await box.seal(secret),
      enabled: true,
      lastDeliveryAt: null,
      shopUrl,
      apiCredentials: await sealCredentials(c.env, credentials),
      createdWebhooks: webhookIds,
      createdBy,
      createdAt: time,
      updatedAt: time,
    };
    const job = input.importHistory ? { ...newImport(id, createdBy, time), workspaceId: scope.workspaceId } : null;
    try {
      await createConnection(scope, row, auditOrigin(c), { shopUrl, connectedByApi: true, webhooks: webhookIds.length, importHistory: input.importHistory }, job ? [insertShopImport(scope, job)] : []);
    } catch (error) {
      // Nothing stored: leave nothing in the shop either.
      await deleteShopWebhooks(api, webhookIds);
      throw error;
    }
    if (job) await c.env.JOBS_QUEUE.send(shopImportMessage(scope.workspaceId, job.id, 0));
    return c.json({ ...presentConnection(c, { ...row, workspaceId: scope.workspaceId }), import: job ? presentShopImport(job) : null }, 201);
  })
  .openapi(connectionHealthRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    return c.json(await connectionHealth(scope, await connectionOrNotFound(scope, id), now()), 200);
  })
  .openapi(shopImportRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    await connectionOrNotFound(scope, id);
    const job = await latestShopImport(scope, id);
    return c.json({ import: job ? presentShopImport(job) : null }, 200);
  })
  .openapi(startShopImportRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    const connection = await connectionOrNotFound(scope, id);
    if (!connection.apiCredentials || connection.platform === "generic") throw new Problem(409, "shop_not_connected_by_api");
    if ((await latestShopImport(scope, id))?.status === "running") throw new Problem(409, "shop_import_running");
    const job = { ...newImport(id, actorOf(c).userId, now()), workspaceId: scope.workspaceId };
    await insertShopImport(scope, job);
    await c.env.JOBS_QUEUE.send(shopImportMessage(scope.workspaceId, job.id, 0));
    return c.json({ import: presentShopImport(job) }, 202);
  })
  .openapi(disconnectShopRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    const connection = await connectionOrNotFound(scope, id);
    const created = connection.createdWebhooks ?? [];
    let left: string[] = [];
    if (created.length && connection.apiCredentials && connection.shopUrl && connection.platform !== "generic") {
      const api = shopApiFor(connection.platform, connection.shopUrl, await openCredentials(c.env, connection.apiCredentials), retryPolicy(c.env));
      left = await deleteShopWebhooks(api, created);
    }
    const time = now();
    const after = await updateConnection(
      scope,
      id,
      { enabled: false, apiCredentials: null, createdWebhooks: left.length ? left : null, updatedAt: time },
      auditOrigin(c),
      { action: "connection.disconnected", details: { platform: connection.platform, webhooksRemoved: created.length - left.length, webhooksLeft: left.length } },
      [cancelConnectionImports(scope, id, time)],
    );
    if (!after) throw notFound();
    return c.json({ ...presentConnection(c, after), webhooksRemoved: created.length - left.length, webhooksLeft: left.length }, 200);
  });
