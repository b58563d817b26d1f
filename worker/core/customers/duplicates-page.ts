// Assembling one page of duplicate candidates from the phases that find them. Each phase walks
// an index in key order and reports, per position (an identifier, a name group), the pairs found
// there; the cursor remembers the phase, the last finished position and how many pairs of the
// next one were already shown, so a page can end in the middle of a large group.
import { z } from "@hono/zod-openapi";
import { decodeCursor, encodeCursor } from "../data/cursor";
import type { WorkspaceScope } from "../data/database";
import { invalidField } from "../http/problem";
import type { IdentifierKind } from "./customers.schema";

export const DUPLICATE_REASONS = ["same_identifier", "similar_name"] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicatePair {
  reason: DuplicateReason;
  /** Older customer first (the natural survivor of a merge). */
  customerIds: [string, string];
  /** For same_identifier: the kind the shared value is stored under on each customer. */
  identifierKinds: [IdentifierKind, IdentifierKind] | null;
}

/** A place in a phase's walk and the pairs found there, in a stable order. */
export interface Position {
  key: string[];
  pairs: DuplicatePair[];
}

export interface DuplicatePhase {
  name: "identifier" | "name";
  /** Positions after `after` (from the start when null); `exhausted` once the walk has ended. */
  next(scope: WorkspaceScope, after: string[] | null, limit: number): Promise<{ positions: Position[]; exhausted: boolean }>;
}

interface DuplicateCursor {
  phase: DuplicatePhase["name"];
  after: string[] | null;
  skip: number;
}

/** A bound on the index walks of one request, so a workspace with few duplicates still answers fast. */
const MAX_WALKS_PER_PAGE = 6;

/** Orders a pair's two customers by id (ids are time-ordered), keeping the kinds aligned. */
export function orderedPair(
  reason: DuplicateReason,
  a: { customerId: string; kind?: IdentifierKind },
  b: { customerId: string; kind?: IdentifierKind },
): DuplicatePair {
  const [first, second] = a.customerId < b.customerId ? [a, b] : [b, a];
  return {
    reason,
    customerIds: [first.customerId, second.customerId],
    identifierKinds: first.kind && second.kind ? [first.kind, second.kind] : null,
  };
}

export async function findDuplicatePage(
  scope: WorkspaceScope,
  phases: readonly DuplicatePhase[],
  cursor: DuplicateCursor | null,
  limit: number,
): Promise<{ pairs: DuplicatePair[]; next: DuplicateCursor | null }> {
  let phaseIndex = cursor ? phases.findIndex((phase) => phase.name === cursor.phase) : 0;
  let after = cursor?.after ?? null;
  let skip = cursor?.skip ?? 0;
  const pairs: DuplicatePair[] = [];
  for (let walks = 0; phaseIndex < phases.length; walks++) {
    const phase = phases[phaseIndex]!;
    if (walks === MAX_WALKS_PER_PAGE) return { pairs, next: { phase: phase.name, after, skip } };
    const { positions, exhausted } = await phase.next(scope, after, limit);
    for (const position of positions) {
      const rest = position.pairs.slice(skip);
      const room = limit - pairs.length;
      if (rest.length > room) {
        pairs.push(...rest.slice(0, room));
        return { pairs, next: { phase: phase.name, after, skip: skip + room } };
      }
      pairs.push(...rest);
      after = position.key;
      skip = 0;
    }
    if (exhausted) {
      phaseIndex++;
      after = null;
      skip = 0;
    }
    if (pairs.length === limit) {
      const nextPhase = phases[phaseIndex];
      return { pairs, next: nextPhase ? { phase: nextPhase.name, after, skip: 0 } : null };
    }
  }
  return { pairs, next: null };
}

const CursorShape = z.tuple([z.enum(["identifier", "name"]), z.array(z.string()).nullable(), z.number().int().min(0)]);

export const encodeDuplicateCursor = (cursor: DuplicateCursor | null): string | null =>
  cursor ? encodeCursor([cursor.phase, cursor.after, cursor.skip]) : null;

export function decodeDuplicateCursor(raw: string | undefined): DuplicateCursor | null {
  if (raw === undefined) return null;
  const parsed = CursorShape.safeParse(decodeCursor(raw));
  if (!parsed.success) throw invalidField("query.cursor", "invalid_cursor");
  const [phase, after, skip] = parsed.data;
  return { phase, after, skip };
}
