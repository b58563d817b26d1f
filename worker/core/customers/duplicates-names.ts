// Duplicates by name: the same folded name (Arabic and Persian letters alike, ZWNJ as space),
// or names that differ only in spacing ("علیرضا" / "علی رضا"), and besides the name the same
// city or the same birthday. A name alone is not enough: many people share one.
import { foldName } from "../cid/fold-name";
import type { WorkspaceScope } from "../data/database";
import type { CustomerRow } from "./customers.repository";
import { liveCustomersNamed, nameGroupsAfter } from "./duplicates.repository";
import { orderedPair, type DuplicatePair, type DuplicatePhase } from "./duplicates-page";

/** Customers compared per spelling of a name; beyond this a name is too common to pair blindly. */
const PER_NAME = 50;

const MIN_GROUPS_PER_WALK = 25;

const compact = (nameKey: string) => nameKey.replaceAll(" ", "");

export function sameCity(a: Pick<CustomerRow, "city">, b: Pick<CustomerRow, "city">): boolean {
  return !!a.city && !!b.city && foldName(a.city) === foldName(b.city);
}

export function sameBirthday(a: Pick<CustomerRow, "birthday">, b: Pick<CustomerRow, "birthday">): boolean {
  return !!a.birthday && a.birthday === b.birthday;
}

function pairsAmong(members: CustomerRow[]): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i]!, members[j]!];
      if (sameCity(a, b) || sameBirthday(a, b)) pairs.push(orderedPair("similar_name", { customerId: a.id }, { customerId: b.id }));
    }
  }
  return pairs;
}

export const namePhase: DuplicatePhase = {
  name: "name",
  async next(scope: WorkspaceScope, after: string[] | null, limit: number) {
    // Each walk reads the whole name index once, so it fetches enough groups to be worth it.
    const wanted = Math.max(limit, MIN_GROUPS_PER_WALK);
    const groups = await nameGroupsAfter(scope, after?.[0] ?? null, wanted);
    const members = await liveCustomersNamed(scope, [...new Set(groups.flatMap((group) => group.nameKeys))], PER_NAME);
    const byCompactKey = new Map<string, CustomerRow[]>();
    for (const member of members) byCompactKey.set(compact(member.nameKey), [...(byCompactKey.get(compact(member.nameKey)) ?? []), member]);
    return {
      positions: groups.map((group) => ({ key: [group.compactKey], pairs: pairsAmong(byCompactKey.get(group.compactKey) ?? []) })),
      exhausted: groups.length < wanted,
    };
  },
};
