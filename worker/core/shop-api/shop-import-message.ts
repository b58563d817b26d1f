// The jobs queue's message for a shop history import: which step of which import to run.
import { z } from "@hono/zod-openapi";

export const ShopImportMessageSchema = z.object({
  type: z.literal("shop.import"),
  workspaceId: z.string(),
  importId: z.string(),
  step: z.number().int().min(0),
});

export type ShopImportMessage = z.infer<typeof ShopImportMessageSchema>;

export const shopImportMessage = (workspaceId: string, importId: string, step: number): ShopImportMessage => ({ type: "shop.import", workspaceId, importId, step });
