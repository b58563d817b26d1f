// A workspace's identifiers among a list of (kind, value) pairs, bound as one JSON parameter and
// probed one by one through the unique (workspace, kind, value) index. The workspace is part of
// each probe rather than a condition of its own: given `workspace_id = ?` alone, SQLite (without
// statistics) may walk every identifier of the workspace along another index instead, as it did
// for an OR of three pairs or more (a mobile, an e-mail and a shop id) and inside a search's UNION.
import { sql, type SQL } from "drizzle-orm";
import { customerIdentifiers } from "../data/schema";

export const identifierPairsOf = (workspaceId: string, pairs: ReadonlyArray<{ kind: string; value: string }>): SQL =>
  sql`(${customerIdentifiers.workspaceId}, ${customerIdentifiers.kind}, ${customerIdentifiers.value}) in (select ${workspaceId}, json_extract(pair.value, '$[0]'), json_extract(pair.value, '$[1]') from json_each(${JSON.stringify(
    pairs.map((pair) => [pair.kind, pair.value]),
  )}) as pair)`;
