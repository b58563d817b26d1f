// Writes that must not overdraw. D1 has no BEGIN: a batch is all-or-nothing only when one of its
// statements fails. `onlyIf` is a statement that fails (and so rolls the whole batch back) unless
// its condition holds when the batch runs; `isConstraintError` tells that failure, or a table's
// named CHECK or UNIQUE constraint, from any other error.
import { sql, type SQL } from "drizzle-orm";
import type { PluginContext, Statement } from "./types";

const GUARD_PREFIX = "write refused by guard ";

/**
 * A statement for a `db.batch([...])`: the batch applies only if `condition` (an SQL boolean,
 * e.g. `exists (select 1 from … where …)`) holds when it runs; otherwise the batch fails and
 * nothing in it is written. Catch the error and test it with `isConstraintError(error, name)`.
 * Put it after the statements whose effect it checks (a conditional update, then
 * `onlyIf(ctx, "coupon-taken", exists(...the row the update marked...))`) or first, to check a
 * state read earlier.
 */
export function onlyIf(ctx: PluginContext<unknown>, name: string, condition: SQL): Statement {
  // A JSON path that is not one makes SQLite raise an error that quotes it: the guard's name.
  return ctx.db
    .select({ held: sql<number>`case when (${condition}) then 1 else json_extract('{}', ${GUARD_PREFIX + name}) end` })
    .from(sql`(select 1)`) as unknown as Statement;
}

/** The error's text with its causes (drizzle wraps the driver's error). */
function messageOf(error: unknown): string {
  let text = "";
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) text += ` ${String((e as Error)?.message ?? e)}`;
  return text;
}

/**
 * True when a failed batch failed on the `onlyIf` guard called `name`, or on the CHECK constraint
 * `name` (`check("loyalty_members_balance_non_negative", …)` in schema.ts), or on a UNIQUE index
 * over `name` ("table.column"). Anything else is a real error: rethrow it.
 */
export function isConstraintError(error: unknown, name: string): boolean {
  const text = messageOf(error);
  return (
    text.includes(`${GUARD_PREFIX}${name}'`) ||
    new RegExp(`CHECK constraint failed: ${escape(name)}(\\W|$)`).test(text) ||
    new RegExp(`UNIQUE constraint failed: [^:]*\\b${escape(name)}\\b`).test(text)
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
