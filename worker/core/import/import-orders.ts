// Importing order rows through recordOrder, the one way orders are written: each row's customer
// is found by any identifier, and the order is keyed by (the import source, the external order
// id), so the same file again leaves every order unchanged. A dry run judges the same way and
// writes nothing.
import { identifierCandidates } from "../cid/normalize-identifier";
import { findIdentifiers } from "../customers/customers.repository";
import { Problem } from "../http/problem";
import { findExternalOrder } from "../orders/orders.repository";
import { recordOrder } from "../orders/record-order";
import { DryRunKeys } from "./dry-run-keys";
import type { ImportContext, SourceRow } from "./import-customers";
import { columnOf } from "./import-mapping";
import type { RowReport } from "./import.schema";
import { orderFromRow, type OrderRow } from "./order-row";
import { problemRowErrors, rowError } from "./row-errors";

/** The orders' connection: an import source never collides with a shop connection's id. */
export const importConnectionId = (source: string) => `import:${source}`;

/** Which field of the row a recordOrder problem is about ("body.customerId" → customer). */
const ORDER_PATHS: Record<string, string> = { customerId: "customer", refundedTotal: "total" };

export async function importOrderRows(ctx: ImportContext, rows: SourceRow[]): Promise<{ reports: RowReport[]; statements: ReturnType<DryRunKeys["statements"]> }> {
  const env = ctx.env;
  const connectionId = importConnectionId(ctx.source);
  const parsed = rows.map((source) => ({ source, result: orderFromRow(ctx.mapping, source.cells, { currency: ctx.currency, timeZone: ctx.timeZone }) }));
  const memory = ctx.dryRun ? await DryRunKeys.load(ctx.scope, ctx.jobId, parsed.flatMap(({ result }) => (result.ok ? [`order:${result.order.externalId}`] : []))) : null;
  const columnFor = (path: string) => columnOf(ctx.mapping, ORDER_PATHS[path] ?? path);
  const reports: RowReport[] = [];
  for (const { source, result } of parsed) {
    const row = source.row;
    if (!result.ok) {
      reports.push({ row, outcome: "rejected", errors: result.errors });
      continue;
    }
    const order = result.order;
    const customerId = await customerOf(ctx, order);
    if (typeof customerId !== "string") {
      reports.push({ row, outcome: "rejected", errors: [rowError("customer", columnOf(ctx.mapping, "customer"), customerId.code)] });
      continue;
    }
    if (memory) {
      reports.push(await judge(ctx, connectionId, memory, row, customerId, order));
      continue;
    }
    try {
      const recorded = await recordOrder(env, ctx.scope, {
        customerId,
        source: "import",
        connectionId,
        externalId: order.externalId,
        number: order.number ?? order.externalId,
        status: order.status,
        currency: order.currency,
        total: order.total,
        channel: order.channel,
        note: order.note,
        placedAt: order.placedAt,
        paidAt: order.paidAt,
        by: ctx.actorUserId ?? "import",
      });
      const outcome = recorded.outcome === "created" ? "accepted" : recorded.outcome === "updated" ? "merged" : "unchanged";
      reports.push({ row, outcome, recordId: recorded.orderId });
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      reports.push({ row, outcome: "rejected", errors: problemRowErrors(error, columnFor) });
    }
  }
  return { reports, statements: memory?.statements() ?? [] };
}

/** The one customer the row's identifier names, or why there is none. */
async function customerOf(ctx: ImportContext, order: OrderRow): Promise<string | { code: string }> {
  const candidates = identifierCandidates(order.customer);
  if (candidates.length === 0) return { code: "invalid_identifier" };
  const owners = [...new Set((await findIdentifiers(ctx.scope, candidates)).map((identifier) => identifier.customerId))];
  if (owners.length === 0) return { code: "import_customer_not_found" };
  if (owners.length > 1) return { code: "import_ambiguous_match" };
  return owners[0]!;
}

/** A dry run's verdict: a new order, the stored one as it is, or the stored one moved on. */
async function judge(ctx: ImportContext, connectionId: string, memory: DryRunKeys, row: number, customerId: string, order: OrderRow): Promise<RowReport> {
  const key = `order:${order.externalId}`;
  const earlier = memory.claimedBy([key]);
  memory.claim([key], row);
  const stored = await findExternalOrder(ctx.scope, connectionId, order.externalId);
  if (!stored) return earlier === undefined ? { row, outcome: "accepted", recordId: null } : { row, outcome: "merged", recordId: null };
  const same =
    stored.customerId === customerId &&
    stored.status === order.status &&
    stored.total === order.total &&
    stored.currency === order.currency &&
    stored.placedAt === order.placedAt &&
    stored.number === (order.number ?? order.externalId);
  return { row, outcome: same ? "unchanged" : "merged", recordId: stored.id };
}
