// Test helper (imported only by tests): customers written straight into D1 with chosen order
// figures, stages and profile fields, far faster than the API for hundreds of rows.
import { env } from "cloudflare:test";
import { openWorkspace } from "../data/database";
import { newId } from "../data/ids";
import { customers } from "../data/schema";

export type SeedCustomer = Partial<typeof customers.$inferInsert>;

let sequence = 0;

export async function seedCustomers(workspaceId: string, rows: SeedCustomer[]): Promise<string[]> {
  const scope = openWorkspace(env, workspaceId);
  const time = Date.now();
  const values = rows.map((row) => {
    const n = ++sequence;
    const name = row.displayName ?? `Seeded ${n}`;
    return {
      // Ids in insertion order, so "newest first" is the reverse of the list given.
      id: newId("cus", time + n),
      workspaceId,
      code: `S-${String(n).padStart(6, "0")}`,
      displayName: name,
      nameKey: name.toLowerCase(),
      tags: [],
      attributes: {},
      createdAt: time,
      updatedAt: time,
      ...row,
    };
  });
  // One row per statement: D1 binds at most 100 parameters per statement.
  const inserts = values.map((value) => scope.db.insert(customers).values(value));
  if (inserts.length) await scope.db.batch(inserts as [(typeof inserts)[number], ...typeof inserts]);
  return values.map((value) => value.id);
}

export const DAY = 86_400_000;
