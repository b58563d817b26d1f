// Reading a workspace's settings (CID kind, locale, time zone, currency, lapsed window).
import { eq } from "drizzle-orm";
import { openDirectory } from "../data/database";
import { workspaces } from "../data/schema";

export type WorkspaceSettings = typeof workspaces.$inferSelect;

export async function getWorkspaceSettings(env: Env, workspaceId: string): Promise<WorkspaceSettings> {
  const row = await openDirectory(env).select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  if (!row) throw new Error(`workspace ${workspaceId} not found`);
  return row;
}
