// A dry run writes nothing the real run would, so it remembers on the side which identifiers the
// rows before would have created: a later row with one of them is a merge, as it will be for real.
import { and, eq } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { inList } from "../data/in-list";
import { importKeys } from "../data/schema";

export class DryRunKeys {
  private readonly known = new Map<string, number>();
  private readonly added: Array<{ key: string; row: number }> = [];

  private constructor(
    private readonly scope: WorkspaceScope,
    private readonly jobId: string,
  ) {}

  /** The keys of this chunk's rows that earlier chunks already claimed. */
  static async load(scope: WorkspaceScope, jobId: string, keys: string[]): Promise<DryRunKeys> {
    const memory = new DryRunKeys(scope, jobId);
    const unique = [...new Set(keys)];
    if (unique.length) {
      const rows = await scope.db
        .select({ key: importKeys.key, row: importKeys.row })
        .from(importKeys)
        .where(and(eq(importKeys.workspaceId, scope.workspaceId), eq(importKeys.jobId, jobId), inList(importKeys.key, unique)));
      for (const row of rows) memory.known.set(row.key, row.row);
    }
    return memory;
  }

  /** The earliest row that claimed any of these keys. */
  claimedBy(keys: string[]): number | undefined {
    const rows = keys.map((key) => this.known.get(key)).filter((row): row is number => row !== undefined);
    return rows.length ? Math.min(...rows) : undefined;
  }

  claim(keys: string[], row: number): void {
    for (const key of keys) {
      if (this.known.has(key)) continue;
      this.known.set(key, row);
      this.added.push({ key, row });
    }
  }

  /** Statements that store this chunk's new claims (20 rows each: D1 binds at most 100 parameters). */
  statements() {
    const statements = [];
    for (let at = 0; at < this.added.length; at += 20) {
      const values = this.added.slice(at, at + 20).map((entry) => ({ workspaceId: this.scope.workspaceId, jobId: this.jobId, ...entry }));
      statements.push(this.scope.db.insert(importKeys).values(values).onConflictDoNothing());
    }
    return statements;
  }
}

export const identifierKey = (identifier: { kind: string; value: string }) => `${identifier.kind}:${identifier.value}`;
