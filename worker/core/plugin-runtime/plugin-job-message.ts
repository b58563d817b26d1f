// A plugin's queued job as a jobs-queue message, and `ctx.enqueue`'s way of sending one.
import { z } from "@hono/zod-openapi";

/** Cloudflare Queues delay a message by at most 12 hours. */
const MAX_DELAY_SECONDS = 43_200;

export const PluginJobMessageSchema = z.object({
  type: z.literal("plugin.job"),
  workspaceId: z.string().min(1),
  pluginId: z.string().min(1),
  job: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
  /** The enqueuer's clock when it queued the job (a schedule's tick time). */
  at: z.number().int().optional(),
});
export type PluginJobMessage = z.infer<typeof PluginJobMessageSchema>;

export async function enqueuePluginJob(env: Env, job: Omit<PluginJobMessage, "type">, options: { delaySeconds?: number } = {}): Promise<void> {
  const delaySeconds = Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(options.delaySeconds ?? 0)));
  await env.JOBS_QUEUE.send({ type: "plugin.job", ...job } satisfies PluginJobMessage, delaySeconds > 0 ? { delaySeconds } : undefined);
}
