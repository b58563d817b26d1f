// The one place that knows where data lives. Everything workspace-owned goes through
// `openWorkspace`, which resolves the database *from the workspace*: today every workspace is in
// the DB binding; sharding onto many D1 databases changes `resolveWorkspaceDatabase` only.
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

export type Database = DrizzleD1Database<typeof schema>;

export interface WorkspaceScope {
  readonly workspaceId: string;
  readonly db: Database;
  /** Ids of events written during this request, handed to the delivery queue once it ends. */
  readonly pendingEvents: string[];
  /** Runs enabled plugins' `before` hooks on a write's input (set by the plugin runtime). */
  runBefore?: <I>(eventName: string, input: I) => Promise<I>;
}

function resolveWorkspaceDatabase(env: Env, _workspaceId: string): D1Database {
  return env.DB;
}

export function openWorkspace(env: Env, workspaceId: string): WorkspaceScope {
  return { workspaceId, db: drizzle(resolveWorkspaceDatabase(env, workspaceId), { schema }), pendingEvents: [] };
}

/**
 * The directory: workspaces, users' logins, sessions and API keys, which must be found before
 * the workspace is known. It stays one database when workspace data is sharded.
 */
export function openDirectory(env: Env): Database {
  return drizzle(env.DB, { schema });
}

/**
 * Every database that holds workspace data (today: one), for maintenance that sweeps all
 * workspaces at once (re-sending stuck events). Such sweeps read rows of many workspaces but
 * never join them.
 */
export function workspaceDatabases(env: Env): Database[] {
  return [drizzle(env.DB, { schema })];
}
