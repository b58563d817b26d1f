// The jobs queue's handling of a shop import step: run it and queue the next; a shop that asks to
// wait (429 with Retry-After) gets the step back after that wait, without counting as a failure;
// credentials the shop no longer takes end the import with that reason; anything else is retried
// a few times, then ends the import as failed (shown with its reason on the connection).
import { now } from "../data/clock";
import { openWorkspace } from "../data/database";
import { runShopImportStep } from "./run-shop-import";
import type { ShopImportMessage } from "./shop-import-message";
import { endShopImport } from "./shop-imports.repository";
import { ShopApiError } from "./shop-request";

const MAX_ATTEMPTS = 5;

export async function consumeShopImport(env: Env, message: Message<unknown>, body: ShopImportMessage): Promise<void> {
  try {
    const { next } = await runShopImportStep(env, body);
    if (next) await env.JOBS_QUEUE.send(next);
    message.ack();
  } catch (error) {
    const scope = openWorkspace(env, body.workspaceId);
    if (error instanceof ShopApiError && error.failure === "busy") {
      message.retry({ delaySeconds: Math.min(3600, Math.max(1, error.retryAfterSeconds ?? 30)) });
      return;
    }
    if (error instanceof ShopApiError && error.failure === "unauthorized") {
      await endShopImport(scope, body.importId, "failed", "the shop no longer accepts the API key; connect again with a new key", now());
      message.ack();
      return;
    }
    console.error("shop import step failed", body.importId, body.step, String((error as Error)?.message ?? error));
    if (message.attempts >= MAX_ATTEMPTS) {
      await endShopImport(scope, body.importId, "failed", String((error as Error)?.message ?? error).slice(0, 300), now());
      message.ack();
    } else message.retry({ delaySeconds: 10 * message.attempts });
  }
}
