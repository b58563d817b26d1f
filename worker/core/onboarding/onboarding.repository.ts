// What a new workspace has set up so far, for the first-run checklist: one query on the workspace's
// database and one on the directory (staff), each only `exists` lookups on indexed columns.
import { sql } from "drizzle-orm";
import { openDirectory, type WorkspaceScope } from "../data/database";

export interface SetupFacts {
  shopConnected: boolean;
  dataImported: boolean;
  staffInvited: boolean;
  smsProviderSet: boolean;
  pluginsChosen: boolean;
}

export async function setupFacts(env: Env, scope: WorkspaceScope): Promise<SetupFacts> {
  const id = scope.workspaceId;
  const own = await scope.db.get<Record<string, number>>(sql`select
    exists(select 1 from shop_connections where workspace_id = ${id}) as shop,
    exists(select 1 from import_jobs where workspace_id = ${id} and dry_run = 0) or exists(select 1 from shop_imports where workspace_id = ${id}) as imported,
    exists(select 1 from messaging_providers where workspace_id = ${id} and channel = 'sms' and kind != 'outbox') as sms,
    exists(select 1 from workspace_plugins where workspace_id = ${id} and enabled = 1) as plugins`);
  const staff = await openDirectory(env).get<Record<string, number>>(sql`select
    (select count(*) from (select 1 from users where workspace_id = ${id} limit 2)) > 1
    or exists(select 1 from invitations where workspace_id = ${id} and kind = 'invite') as staff`);
  return {
    shopConnected: Boolean(own?.shop),
    dataImported: Boolean(own?.imported),
    staffInvited: Boolean(staff?.staff),
    smsProviderSet: Boolean(own?.sms),
    pluginsChosen: Boolean(own?.plugins),
  };
}
