// Merging two customers who are one person: every move, the survivor's filled-in profile, the
// tombstone, the audit row and `customer.merged` commit in one D1 batch, or nothing does.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { nameIndexWords } from "../cid/fold-name";
import { auditEntry, type AuditOrigin } from "../audit/audit";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { customerNameWords, customers } from "../data/schema";
import { eventEntry } from "../events/outbox";
import { notFound, Problem } from "../http/problem";
import { findCustomer } from "./customers.repository";
import { MERGE_MOVES } from "./merge-moves";
import { DEFAULT_TIME_ZONE, localDay } from "../stats/local-day";
import { addToDay } from "../stats/rollups";
import { mergedProfile } from "./merge-profile";

export interface MergeRequest {
  survivorId: string;
  mergedId: string;
}

/**
 * D1 has no BEGIN: the batch is the transaction, and a statement that fails rolls all of it
 * back. This one fails (json() of a non-JSON text) unless both customers are still live when
 * the batch runs, so a concurrent merge or erasure cannot leave half-moved data behind.
 */
export function bothStillLive(scope: WorkspaceScope, { survivorId, mergedId }: MergeRequest) {
  return scope.db
    .select({ live: sql<number>`case when count(*) = 2 then 1 else json('customer no longer live') end` })
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), inArray(customers.id, [survivorId, mergedId]), isNull(customers.mergedInto), isNull(customers.erasedAt)));
}

const ofCustomer = (scope: WorkspaceScope, customerId: string) => and(eq(customers.workspaceId, scope.workspaceId), eq(customers.id, customerId));

/** `timeZone`: the workspace's, so the withdrawn sign-up and the stage moves count on the right local days. */
export async function mergeCustomers(scope: WorkspaceScope, origin: AuditOrigin, request: MergeRequest, timeZone: string = DEFAULT_TIME_ZONE): Promise<void> {
  const { survivorId, mergedId } = request;
  if (survivorId === mergedId) {
    throw new Problem(400, "merge_same_customer", { errors: [{ path: "body.mergedId", code: "merge_same_customer" }] });
  }
  const [survivor, merged] = await Promise.all([findCustomer(scope, survivorId), findCustomer(scope, mergedId)]);
  if (!survivor || !merged) throw notFound();

  const change = mergedProfile(survivor, merged);
  const time = now();
  // A name the survivor only now has (filled from the merged record) gets its search words.
  const newWords = change.nameKey ? nameIndexWords(change.nameKey) : [];
  try {
    await scope.db.batch([
      bothStillLive(scope, request),
      ...MERGE_MOVES.flatMap((move) => move({ scope, survivorId, mergedId, timeZone })),
      // The merged record was never a customer of its own: its sign-up leaves the new customers of its day.
      addToDay(scope, localDay(merged.createdAt, timeZone), { newCustomers: -1 }),
      ...(newWords.length
        ? [scope.db.insert(customerNameWords).values(newWords.map((word) => ({ workspaceId: scope.workspaceId, word, customerId: survivorId }))).onConflictDoNothing()]
        : []),
      scope.db.update(customers).set({ ...change, updatedAt: time }).where(ofCustomer(scope, survivorId)),
      // The tombstone keeps its history but no CID; reads treat it as gone (merged_into is set).
      scope.db.update(customers).set({ mergedInto: survivorId, cid: null, updatedAt: time }).where(ofCustomer(scope, mergedId)),
      auditEntry(scope, origin, {
        action: "customer.merged",
        entityType: "customer",
        entityId: survivorId,
        customerId: survivorId,
        details: { survivorId, mergedId, mergedCode: merged.code, survivorChanged: Object.keys(change) },
      }),
      eventEntry(scope, "customer.merged", { survivorId, mergedId }, origin.actorUserId),
    ]);
  } catch (error) {
    // The guard tripped: one of the two was merged or erased in the meantime.
    const [stillSurvivor, stillMerged] = await Promise.all([findCustomer(scope, survivorId), findCustomer(scope, mergedId)]);
    if (!stillSurvivor || !stillMerged) throw notFound();
    throw error;
  }
}
