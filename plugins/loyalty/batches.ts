// Committing a scheduled job's work for many members: planned and written a few dozen members per
// batch; a batch that fails (a member changed under it: a guard or the balance's CHECK) is redone
// member by member from fresh reads, so one busy member never holds up the rest.
import type { PluginContext, Statement } from "../../worker/plugin-api";

export interface ChunkReport {
  written: number;
  failed: string[];
}

export async function commitPerMember<T>(
  ctx: PluginContext<unknown>,
  items: readonly T[],
  keyOf: (item: T) => string,
  plan: (item: T) => Promise<Statement[]>,
  chunkSize = 25,
): Promise<ChunkReport> {
  const report: ChunkReport = { written: 0, failed: [] };
  for (let start = 0; start < items.length; start += chunkSize) {
    const chunk = items.slice(start, start + chunkSize);
    const plans = await Promise.all(chunk.map(plan));
    const statements = plans.flat();
    if (statements.length === 0) continue;
    try {
      await ctx.db.batch(statements as [Statement, ...Statement[]]);
      report.written += plans.filter((p) => p.length > 0).length;
      continue;
    } catch {
      // Fall through: one by one, each from a fresh read.
    }
    for (const item of chunk) {
      let done = false;
      for (let attempt = 0; attempt < 3 && !done; attempt++) {
        try {
          const statements = await plan(item);
          if (statements.length) await ctx.db.batch(statements as [Statement, ...Statement[]]);
          if (statements.length) report.written++;
          done = true;
        } catch (error) {
          if (attempt === 2) {
            report.failed.push(keyOf(item));
            console.error("loyalty: member skipped this run", keyOf(item), String(error));
          }
        }
      }
    }
  }
  return report;
}
