// The jobs queue's message for a bulk action: run the chunk after `seq` chunks are done.
import { z } from "@hono/zod-openapi";

export const BulkChunkMessageSchema = z.object({
  type: z.literal("customers.bulk"),
  workspaceId: z.string(),
  actionId: z.string(),
  seq: z.number().int().min(0),
});
export type BulkChunkMessage = z.infer<typeof BulkChunkMessageSchema>;

export const bulkChunkMessage = (workspaceId: string, actionId: string, seq: number): BulkChunkMessage => ({ type: "customers.bulk", workspaceId, actionId, seq });
