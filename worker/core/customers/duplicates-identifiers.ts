// Duplicates by identifier: one customer's value, normalized as another kind, is another
// customer's identifier of that kind (a username "0912 123 4567" and a mobile +989121234567; a
// shop id that is an e-mail). Same kind and value cannot repeat: the unique index forbids it.
import { normalizeIdentifier } from "../cid/normalize-identifier";
import type { WorkspaceScope } from "../data/database";
import type { IdentifierKind } from "./customers.schema";
import { identifierById, identifiersAfter, identifiersWithValues, liveCustomerIds } from "./duplicates.repository";
import { orderedPair, type DuplicatePair, type DuplicatePhase, type Position } from "./duplicates-page";

/**
 * Which kinds a value is re-read as. Only the loose kinds are walked: a canonical mobile or
 * e-mail never normalizes into another kind, so each cross-kind pair is found from one side,
 * once. Issued codes are left out: "c42" as a username is a coincidence, not the same person.
 */
const READ_AS: Partial<Record<IdentifierKind, IdentifierKind[]>> = {
  national_code: ["mobile"],
  username: ["mobile", "national_code"],
  external: ["mobile", "email", "national_code", "username"],
};
const WALKED_KINDS = Object.keys(READ_AS) as IdentifierKind[];

/** Identifiers looked at per walk: one keyset read and one lookup on the value index. */
const CHUNK = 100;

const keyOf = (kind: string, value: string) => `${kind}\u0000${value}`;

export const identifierPhase: DuplicatePhase = {
  name: "identifier",
  async next(scope: WorkspaceScope, after: string[] | null) {
    // The cursor names the last identifier by id, never by value: a value may be personal data.
    const sources = await identifiersAfter(scope, WALKED_KINDS, await resolveAnchor(scope, after), CHUNK);
    const readings = sources.flatMap((source) =>
      (READ_AS[source.kind] ?? []).flatMap((kind) => {
        const value = normalizeIdentifier(kind, source.value);
        return value === null ? [] : [{ source, kind, value }];
      }),
    );
    const matches = new Map(
      (await identifiersWithValues(scope, [...new Set(readings.map((reading) => reading.value))])).map((row) => [keyOf(row.kind, row.value), row]),
    );
    const pairsBySource = new Map<string, DuplicatePair[]>();
    for (const { source, kind, value } of readings) {
      const match = matches.get(keyOf(kind, value));
      const found = pairsBySource.get(source.id) ?? [];
      if (!match || match.customerId === source.customerId || found.some((pair) => pair.customerIds.includes(match.customerId))) continue;
      found.push(orderedPair("same_identifier", { customerId: source.customerId, kind: source.kind }, { customerId: match.customerId, kind }));
      pairsBySource.set(source.id, found);
    }
    const live = await liveCustomerIds(scope, [...new Set([...pairsBySource.values()].flat().flatMap((pair) => pair.customerIds))]);
    const positions: Position[] = sources.map((source) => ({
      key: [source.kind, source.id],
      pairs: (pairsBySource.get(source.id) ?? []).filter((pair) => pair.customerIds.every((id) => live.has(id))),
    }));
    return { positions, exhausted: sources.length < CHUNK };
  },
};

/** Where to continue: the (kind, value) of the last identifier seen, or the start of its kind if it is gone. */
async function resolveAnchor(scope: WorkspaceScope, after: string[] | null): Promise<{ kind: string; value: string } | null> {
  if (!after) return null;
  const [kind = "", identifierId = ""] = after;
  const anchor = await identifierById(scope, identifierId);
  return anchor ? { kind: anchor.kind, value: anchor.value } : { kind, value: "" };
}
