// Everything a workspace owns as one JSON document, written section by section and page by page
// so that a large workspace streams out without being held in memory. Never included: password
// hashes, session and invitation tokens, API key hashes, derived search indexes. A section goes
// only to an exporter who holds what its own route needs; the others are named in `omitted`.
import { now, toIso } from "../data/clock";
import type { Database, WorkspaceScope } from "../data/database";
import type { Permission } from "../permissions/permissions";
import type { CidKind } from "../workspaces/workspaces.schema";
import { maskPersonalData, shownAddress, shownIdentifier, shownPostalCode, withIsoTimes } from "./export-masking";
import * as source from "./export.repository";
import { pages } from "./text-stream";

export const WORKSPACE_EXPORT_FORMAT = "edge-crm.workspace";

/** Each section beyond the customers, and the permission its own route needs. */
export const SECTION_PERMISSIONS = {
  roles: "users:manage", // GET /api/roles
  users: "users:manage", // GET /api/users (staff e-mails)
  apiKeys: "api_keys:manage", // GET /api/api-keys (names and scopes)
  interactions: "customers:read", // a customer's timeline
  tasks: "tasks:read", // GET /api/tasks
  messages: "customers:read", // a customer's messages
  auditLog: "audit:read", // GET /api/audit
} as const satisfies Record<string, Permission>;

export type ExportSection = keyof typeof SECTION_PERMISSIONS;

/** The sections an exporter holding these permissions does not get. */
export const omittedSections = (permissions: ReadonlySet<string>) =>
  (Object.keys(SECTION_PERMISSIONS) as ExportSection[]).filter((name) => !permissions.has(SECTION_PERMISSIONS[name]));

export interface WorkspaceJsonOptions {
  directory: Database;
  revealPii: boolean;
  cidKind: CidKind;
  omitted: readonly ExportSection[];
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
      postalCode: shownPostalCode(row.postalCode, options.revealPii),
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
  const has = (name: ExportSection) => !options.omitted.includes(name);
  const directoryRows = async <Row extends object>(name: ExportSection, read: () => Promise<Row[]>) => (has(name) ? { [name]: (await read()).map(withIsoTimes) } : {});
  const [workspace, counters, roles, users, apiKeys] = await Promise.all([
    source.workspaceRow(directory, scope.workspaceId),
    source.countersOf(scope),
    directoryRows("roles", () => source.rolesOf(directory, scope.workspaceId)),
    directoryRows("users", () => source.staffOf(directory, scope.workspaceId)),
    directoryRows("apiKeys", () => source.apiKeysOf(directory, scope.workspaceId)),
  ]);
  const header = {
    format: WORKSPACE_EXPORT_FORMAT,
    version: 1,
    exportedAt: toIso(now()),
    piiMasked: !options.revealPii,
    omitted: options.omitted,
    workspace: workspace ? { ...withIsoTimes(workspace), counters } : null,
    ...roles,
    ...users,
    ...apiKeys,
  };
  yield JSON.stringify(header).slice(0, -1);
  yield* customersSection(scope, options);
  if (has("interactions")) yield* section("interactions", pages((after: source.InteractionRow | null) => source.interactionsAfter(scope, after), source.PAGE_SIZE), (page) =>
    page.map(withIsoTimes),
  );
  if (has("tasks")) yield* section("tasks", pages((after: { id: string } | null) => source.tasksAfter(scope, after), source.PAGE_SIZE), (page) =>
    // due_key and timeline_at are sort keys generated from due_at and created_at.
    page.map(({ dueKey: _dueKey, timelineAt: _timelineAt, ...task }) => withIsoTimes(task)),
  );
  if (has("messages")) yield* section("messages", pages((after: { id: string } | null) => source.messagesAfter(scope, after), source.PAGE_SIZE), (page) =>
    page.map((message) => withIsoTimes({ ...message, recipient: mask(message.recipient) })),
  );
  yield* section("events", pages((after: { id: string } | null) => source.eventsAfter(scope, after), source.PAGE_SIZE), (page) =>
    page.map((event) => ({ ...withIsoTimes(event), payload: mask(event.payload) })),
  );
  if (has("auditLog")) {
    yield* section("auditLog", pages((after: { id: string } | null) => source.auditAfter(scope, after), source.PAGE_SIZE), (page) =>
      page.map((entry) => ({ ...withIsoTimes(entry), details: mask(entry.details) })),
    );
  }
  yield "\n}\n";
}
