// Many customers of a workspace written straight to the database, with SMS consent (the API would
// take minutes for hundreds): for tests of sends to a whole audience, walked in chunks.
import { env } from "cloudflare:test";

/** `mobilePrefix` (after +98) keeps two seeds of one workspace apart: their mobiles must differ. */
export async function seedCustomers(workspaceId: string, count: number, stage = "lapsed", mobilePrefix = "935"): Promise<string[]> {
  const ids: string[] = [];
  const time = Date.now();
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < count; i++) {
    const id = `cus_${stage}${String(i).padStart(6, "0")}_${workspaceId.slice(-6)}`;
    const mobile = `+98${mobilePrefix}${String(i).padStart(7, "0")}`;
    ids.push(id);
    statements.push(
      env.DB.prepare(
        `insert into customers (id, workspace_id, cid, code, kind, first_name, display_name, name_key, tags, consent_sms, attributes, lifecycle_stage, order_count, total_spent, created_at, updated_at)
         values (?, ?, ?, ?, 'person', ?, ?, ?, '[]', 'granted', '{}', ?, 0, 0, ?, ?)`,
      ).bind(id, workspaceId, mobile, `${stage}-${i}`, `Sara${i}`, `Sara${i}`, `sara${i}`, stage, time, time),
      env.DB.prepare(`insert into customer_identifiers (id, workspace_id, customer_id, kind, value, created_at) values (?, ?, ?, 'mobile', ?, ?)`).bind(`idf_${id}`, workspaceId, id, mobile, time),
    );
  }
  for (let start = 0; start < statements.length; start += 500) await env.DB.batch(statements.slice(start, start + 500));
  return ids;
}
