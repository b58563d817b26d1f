// Receiving one shop delivery, as the public webhook route does it and as "Send a test" does it
// with a sample it signed itself: verify before parsing, store before answering, process after.
// Refusals are thrown as problems (404 unknown or disabled connection, 401 bad signature).
import { CONNECTION_PLATFORMS, type ConnectionPlatform } from "../connections/connections.schema";
import { connectionForWebhook, connectionSecret } from "../connections/connections.repository";
import { openWorkspace } from "../data/database";
import { notFound, Problem } from "../http/problem";
import { storeDelivery } from "./deliveries.repository";
import { processDelivery } from "./process-delivery";
import { deliveryIdOf, isWooPing, keptHeaders, topicOf } from "./receive";
import { verifySignature } from "./verify-signature";

export type Receipt = { ping: true } | { ping?: false; id: string; duplicate: boolean; workspaceId: string; processing: Promise<unknown> | null };

const isPlatform = (value: string): value is ConnectionPlatform => (CONNECTION_PLATFORMS as readonly string[]).includes(value);

export async function receiveDelivery(env: Env, platform: string, connectionId: string, headers: Headers, bytes: Uint8Array): Promise<Receipt> {
  const connection = isPlatform(platform) ? await connectionForWebhook(env, connectionId) : undefined;
  if (!connection || !connection.enabled || connection.platform !== platform) throw notFound();
  if (connection.platform === "woocommerce" && isWooPing(headers, bytes)) return { ping: true };
  if (!(await verifySignature(connection.platform, await connectionSecret(env, connection), headers, bytes))) throw new Problem(401, "webhook_signature_invalid");

  const body = new TextDecoder().decode(bytes);
  const scope = openWorkspace(env, connection.workspaceId);
  const stored = await storeDelivery(scope, {
    connectionId: connection.id,
    platform: connection.platform,
    topic: topicOf(connection.platform, headers, body),
    deliveryId: await deliveryIdOf(connection.platform, headers, bytes),
    headers: keptHeaders(connection.platform, headers),
    body,
  });
  return {
    id: stored.id,
    duplicate: stored.duplicate,
    workspaceId: connection.workspaceId,
    processing: stored.duplicate ? null : processDelivery(env, connection.workspaceId, stored.id),
  };
}
