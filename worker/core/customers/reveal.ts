// Deciding whether a response may show PII, and auditing every time it does.
import type { Context } from "hono";
import { actorOf } from "../auth/auth.middleware";
import { audit } from "../audit/audit";
import { Problem } from "../http/problem";

/** True when the caller asked to reveal and may; asking without the permission is a 403. */
export function wantsReveal(c: Context, reveal: "pii" | undefined): boolean {
  if (reveal !== "pii") return false;
  if (!actorOf(c).permissions.has("customers.pii:read")) throw new Problem(403, "forbidden");
  return true;
}

export async function auditReveal(c: Context, customerIds: string[], how: "single" | "bulk"): Promise<void> {
  if (how === "single") {
    await audit(c, { action: "customer.pii_revealed", entityType: "customer", entityId: customerIds[0]!, customerId: customerIds[0]! });
  } else {
    await audit(c, { action: "customers.pii_bulk_read", entityType: "customer", details: { customerIds, count: customerIds.length } });
  }
}
