// The cron's safety net for shop imports, like resume-stalled-imports.ts for files: each step
// queues the next, so a message lost between them would leave an import "running" forever. An
// import with no step done for a few minutes gets its current step sent again; the step guard
// makes a resend harmless if the original turns up after all.
import { now } from "../data/clock";
import { workspaceDatabases } from "../data/database";
import { shopImportMessage } from "./shop-import-message";
import { stalledShopImports, touchShopImport } from "./shop-imports.repository";

export const SHOP_IMPORT_STALLED_AFTER_MS = 5 * 60_000;
const RESUME_LIMIT = 10;

export async function resumeShopImports(env: Env, at = now()): Promise<{ resumed: number }> {
  let resumed = 0;
  for (const db of workspaceDatabases(env)) {
    for (const job of await stalledShopImports(db, at - SHOP_IMPORT_STALLED_AFTER_MS, RESUME_LIMIT)) {
      await touchShopImport(db, job.workspaceId, job.id, at);
      await env.JOBS_QUEUE.send(shopImportMessage(job.workspaceId, job.id, job.step));
      resumed++;
    }
  }
  return { resumed };
}
