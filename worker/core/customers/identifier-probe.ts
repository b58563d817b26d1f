// Identifier probes: asking whether a full mobile, e-mail or national code belongs to a customer.
// Staff without `customers.pii:read` see those masked; answered without limit, each question
// would let them test one guess of the hidden digits. So for them every lookup or search by such
// an identifier, and every write refused because another customer holds one, spends a budget per
// user (or per API key), and a lookup that finds someone leaves an audit row.
import type { Context } from "hono";
import { audit } from "../audit/audit";
import { actorOf } from "../auth/auth.middleware";
import type { Actor } from "../auth/actor";
import { now } from "../data/clock";
import { openDirectory } from "../data/database";
import { Problem } from "../http/problem";
import { peek, spend, tooManyAttempts, type Budget } from "../rate-limit/rate-limit";
import type { IdentifierKind } from "./customers.schema";
import { PII_IDENTIFIER_KINDS } from "./mask";

/** 30 probes an hour: plenty to serve customers on the phone, far too few to guess digits. */
export const IDENTIFIER_PROBE_BUDGET: Budget = { name: "identifier-probe", limit: 30, windowMs: 60 * 60 * 1000 };

const probeActor = (actor: Actor) => (actor.apiKeyId ? `key:${actor.apiKeyId}` : `user:${actor.userId}`);

/** Whether asking about these identifiers is a probe for this caller. */
function isProbe(actor: Actor, identifiers: ReadonlyArray<{ kind: IdentifierKind }>): boolean {
  return !actor.permissions.has("customers.pii:read") && identifiers.some((identifier) => PII_IDENTIFIER_KINDS.has(identifier.kind));
}

/** Counts a lookup or search by these identifiers; refuses it with a 429 once the budget is spent. */
export async function countIdentifierProbe(c: Context, identifiers: ReadonlyArray<{ kind: IdentifierKind }>): Promise<boolean> {
  const actor = actorOf(c);
  if (!isProbe(actor, identifiers)) return false;
  const verdict = await spend(openDirectory(c.env), IDENTIFIER_PROBE_BUDGET, probeActor(actor), now());
  if (!verdict.allowed) throw tooManyAttempts("identifier_probes_limited", verdict);
  return true;
}

/** The audit row of a probe that found someone: who asked, about whom, how (one row per request). */
export async function auditProbeMatch(c: Context, customerIds: string[], via: "lookup" | "search"): Promise<void> {
  const [first] = customerIds;
  if (!first) return;
  const single = customerIds.length === 1;
  await audit(c, {
    action: "customer.identifier_probed",
    entityType: "customer",
    entityId: first,
    customerId: single ? first : null,
    details: single ? { via } : { via, customerIds },
  });
}

/**
 * Runs a write that may be refused because another customer holds one of its identifiers (409).
 * Each such refusal spends a probe; once the budget is spent, every such write by the caller is
 * refused with a 429 before it runs, whether or not it would conflict, so the 429 tells nothing.
 */
export async function guardIdentifierWrite<T>(c: Context, identifiers: ReadonlyArray<{ kind: IdentifierKind }>, write: () => Promise<T>): Promise<T> {
  const actor = actorOf(c);
  if (!isProbe(actor, identifiers)) return write();
  const directory = openDirectory(c.env);
  const before = await peek(directory, IDENTIFIER_PROBE_BUDGET, probeActor(actor), now());
  if (!before.allowed) throw tooManyAttempts("identifier_probes_limited", before);
  try {
    return await write();
  } catch (error) {
    if (error instanceof Problem && error.code === "identifier_taken") await spend(directory, IDENTIFIER_PROBE_BUDGET, probeActor(actor), now());
    throw error;
  }
}
