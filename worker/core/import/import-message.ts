// The jobs queue's message for an import: which chunk of which job to run next.
import { z } from "@hono/zod-openapi";

export const ImportChunkMessageSchema = z.object({
  type: z.literal("import.chunk"),
  workspaceId: z.string(),
  jobId: z.string(),
  seq: z.number().int().min(0),
});

export type ImportChunkMessage = z.infer<typeof ImportChunkMessageSchema>;

export const chunkMessage = (workspaceId: string, jobId: string, seq: number): ImportChunkMessage => ({ type: "import.chunk", workspaceId, jobId, seq });
