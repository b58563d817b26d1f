// Everything a workspace owns as one JSON document, written section by section and page by page
// so that a large workspace streams out without being held in memory. Never included: password
// hashes, session and invitation tokens, API key hashes, derived search indexes.
import { now, toIso } from "../data/clock";
import type { Database, WorkspaceScope } from "../data/database";
import type { CidKind } from "../workspaces/workspaces.schema";
import { maskPersonalData, shownAddress, shownIdentifier, withIsoTimes } from "./export-masking";
import * as source from "./export.repository";
import { pages } from "./text-stream";

export const WORKSPACE_EXPORT_FORMAT = "edge-crm.workspace";

export interface WorkspaceJsonOptions {
  directory: Database;
  revealPii: boolean;
  cidKind: CidKind;
  /** The audit log goes only to an exporter who may read it (audit:read). */
  includeAuditLog: boolean;
}

/** `"name":[…]` with one chunk per page; `present` turns a page of rows into exported objects. */
async function* section<Row>(name: string, rows: AsyncIterable<Row[]>, present: (page: Row[]) => unknown[] | Promise<unknown[]>): AsyncGenerator<string> {
  yield `,\n${JSON.stringify(name)}:[`;
  let separator = "\n";
  for await (const page of rows) {
    const items = await present(page);
    if (items.length === 0) continue;
    yield separator + items.map((item) => JSON.stringify(item)).join(",\n");
    separator = ",\n";
  }
  yield "\n]";
}

function customersSection(scope: WorkspaceScope, options: WorkspaceJsonOptions) {
  return section("customers", pages((after: source.CustomerRow | null) => source.customersAfter(scope, after), source.PAGE_SIZE), async (page) => {
    const identifiers = await source.identifiersByCustomer(scope, page.map((row) => row.id));
    // nameKey is a derived search key, rebuilt from the names on import.
    return page.map(({ nameKey: _derived, ...row }) => ({
      ...withIsoTimes(row),
      cid: row.cid === null || options.cidKind === "issued" ? row.cid : shownIdentifier(options.cidKind, row.cid, options.revealPii),
      address: shownAddress(row.address, options.revealPii),
      identifiers: (identifiers.get(row.id) ?? []).map((identifier) => ({
        kind: identifier.kind,
        value: shownIdentifier(identifier.kind, identifier.value, options.revealPii),
        createdAt: toIso(identifier.createdAt),
      })),
    }));
  });
}

const masked = (options: WorkspaceJsonOptions) => (value: unknown) => (options.revealPii ? value : maskPersonalData(value));

export async function* workspaceJson(scope: WorkspaceScope, options: WorkspaceJsonOptions): AsyncGenerator<string> {
  const { directory } = options;
  const mask = masked(options);
  const [workspace, counters, roles, users, apiKeys] = await Promise.all([
    source.workspaceRow(directory, scope.workspaceId),
    source.countersOf(scope),
    source.rolesOf(directory, scope.workspaceId),
    source.staffOf(directory, scope.workspaceId),
    source.apiKeysOf(directory, scope.workspaceId),
  ]);
  const header = {
    format: WORKSPACE_EXPORT_FORMAT,
    version: 1,
    exportedAt: toIso(now()),
    piiMasked: !options.revealPii,
    omitted: options.includeAuditLog ? [] : ["auditLog"],
    workspace: workspace ? { ...withIsoTimes(workspace), counters } : null,
    roles: roles.map(withIsoTimes),
    users: users.map(withIsoTimes),
    apiKeys: apiKeys.map(withIsoTimes),
  };
  yield JSON.stringify(header).slice(0, -1);
  yield* customersSection(scope, options);
  yield* section("interactions", pages((after: source.InteractionRow | null) => source.interactionsAfter(scope, after), source.PAGE_SIZE), (page) =>
    page.map(withIsoTimes),
  );
  yield* section("tasks", pages((after: { id: string } | null) => source.tasksAfter(scope, after), source.PAGE_SIZE), (page) =>
    // due_key and timeline_at are sort keys generated from due_at and created_at.
    page.map(({ dueKey: _dueKey, timelineAt: _timelineAt, ...task }) => withIsoTimes(task)),
  );
  yield* section("messages", pages((after: { id: string } | null) => source.messagesAfter(scope, after), source.PAGE_SIZE), (page) =>
    page.map((message) => withIsoTimes({ ...message, recipient: mask(message.recipient) })),
  );
  yield* section("events", pages((after: { id: string } | null) => source.eventsAfter(scope, after), source.PAGE_SIZE), (page) =>
    page.map((event) => ({ ...withIsoTimes(event), payload: mask(event.payload) })),
  );
  if (options.includeAuditLog) {
    yield* section("auditLog", pages((after: { id: string } | null) => source.auditAfter(scope, after), source.PAGE_SIZE), (page) =>
      page.map((entry) => ({ ...withIsoTimes(entry), details: mask(entry.details) })),
    );
  }
  yield "\n}\n";
}
