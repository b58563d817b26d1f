// The one place that knows where data lives. Everything workspace-owned goes through
// `openWorkspace`, which resolves the database *from the workspace*: today every workspace is in
// the DB binding; sharding onto many D1 databases changes `resolveWorkspaceDatabase` only.
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

export type Database = DrizzleD1Database<typeof schema>;

export interface WorkspaceScope {
  readonly workspaceId: string;
  readonly db: Database;
}

function resolveWorkspaceDatabase(env: Env, _workspaceId: string): D1Database {
  return env.DB;
}

export function openWorkspace(env: Env, workspaceId: string): WorkspaceScope {
  return { workspaceId, db: drizzle(resolveWorkspaceDatabase(env, workspaceId), { schema }) };
}

/**
 * The directory: workspaces, users' logins, sessions and API keys, which must be found before
 * the workspace is known. It stays one database when workspace data is sharded.
 */
export function openDirectory(env: Env): Database {
  return drizzle(env.DB, { schema });
}
