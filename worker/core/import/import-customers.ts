// Importing customer rows: each row is validated as POST /api/customers would validate it, then
// matched by every identifier it carries (normalized): no match creates the customer (accepted),
// one match updates what differs (merged, or unchanged when nothing does), and identifiers of
// different customers are refused. A dry run takes the same decisions and writes nothing.
import type { CustomerCreate, CustomerUpdate } from "../customers/customer.schemas";
import { createCustomer } from "../customers/create-customer";
import { findCustomer, findIdentifiers, identifiersOf, type CustomerRow, type IdentifierRow } from "../customers/customers.repository";
import { IDENTIFIER_FIELDS, identifiersIn } from "../customers/identifier-fields";
import { assertClaimsFree, planIdentifierFields } from "../customers/identifier-plan";
import { updateCustomer } from "../customers/update-customer";
import type { WorkspaceScope } from "../data/database";
import { Problem } from "../http/problem";
import { runBeforeHooks } from "../plugin-runtime/plugin-runtime";
import type { CidKind } from "../workspaces/workspaces.schema";
import { customerFromRow, fieldOfPath } from "./customer-row";
import { DryRunKeys, identifierKey } from "./dry-run-keys";
import { columnOf, type ResolvedMapping } from "./import-mapping";
import type { RowReport } from "./import.schema";
import { problemRowErrors, rowError } from "./row-errors";

export interface ImportContext {
  env: Env;
  scope: WorkspaceScope;
  jobId: string;
  dryRun: boolean;
  mapping: ResolvedMapping;
  actorUserId: string | null;
  cidKind: CidKind;
  timeZone: string;
  currency: string;
  source: string;
}

export interface SourceRow {
  row: number;
  cells: string[];
}

const PLAIN_FIELDS = ["kind", "firstName", "lastName", "organizationName", "gender", "birthday", "province", "city", "postalCode", "address"] as const;

export async function importCustomerRows(ctx: ImportContext, rows: SourceRow[]): Promise<{ reports: RowReport[]; statements: ReturnType<DryRunKeys["statements"]> }> {
  const parsed = rows.map((source) => ({ source, result: customerFromRow(ctx.mapping, source.cells) }));
  const keys = ctx.dryRun ? parsed.flatMap(({ result }) => (result.ok ? identifiersIn(result.input).map(identifierKey) : [])) : [];
  const memory = ctx.dryRun ? await DryRunKeys.load(ctx.scope, ctx.jobId, keys) : null;
  const reports: RowReport[] = [];
  for (const { source, result } of parsed) {
    if (!result.ok) {
      reports.push({ row: source.row, outcome: "rejected", errors: result.errors });
      continue;
    }
    try {
      reports.push(await importCustomer(ctx, source.row, result.input, result.present, memory));
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      reports.push({ row: source.row, outcome: "rejected", errors: problemRowErrors(error, (path) => columnOf(ctx.mapping, fieldOfPath(path))) });
    }
  }
  return { reports, statements: memory?.statements() ?? [] };
}

async function importCustomer(ctx: ImportContext, row: number, input: CustomerCreate, present: Set<string>, memory: DryRunKeys | null): Promise<RowReport> {
  const { scope, cidKind, mapping } = ctx;
  const identifiers = identifiersIn(input);
  const reject = (path: string, code: string, params?: Record<string, string | number>): RowReport => ({
    row,
    outcome: "rejected",
    errors: [rowError(path, columnOf(mapping, path), code, params)],
  });
  if (cidKind !== "issued" && !identifiers.some((identifier) => identifier.kind === cidKind)) {
    const field = IDENTIFIER_FIELDS[cidKind];
    return reject(field, "cid_required", { kind: field });
  }
  if (identifiers.length === 0) return reject("row", "import_identifier_required");

  const taken = await findIdentifiers(scope, identifiers);
  const owners = [...new Set(taken.map((identifier) => identifier.customerId))];
  if (owners.length > 1) {
    // The CID's owner (or the first found) is the match; the fields pointing elsewhere are the problem.
    const cid = identifiers.find((identifier) => identifier.kind === cidKind);
    const match = taken.find((t) => cid && t.kind === cid.kind && t.value === cid.value)?.customerId ?? owners[0];
    const others = identifiers.filter((identifier) => taken.some((t) => t.kind === identifier.kind && t.value === identifier.value && t.customerId !== match));
    return { row, outcome: "rejected", errors: others.map((identifier) => rowError(identifier.field, columnOf(mapping, identifier.field), "import_ambiguous_match")) };
  }
  const keys = identifiers.map(identifierKey);

  if (owners.length === 0) {
    if (memory) {
      const earlier = memory.claimedBy(keys);
      memory.claim(keys, earlier ?? row);
      // In the real run the earlier row's customer exists by now and this row merges into it.
      return earlier === undefined ? { row, outcome: "accepted", recordId: null } : { row, outcome: "merged", recordId: null, changed: [] };
    }
    const body = await runBeforeHooks(scope, "customer.created", input);
    const customerId = await createCustomer(scope, cidKind, body, ctx.actorUserId, ctx.timeZone);
    return { row, outcome: "accepted", recordId: customerId };
  }

  const customer = await findCustomer(scope, owners[0]!);
  if (!customer) return reject(identifiers[0]!.field, "identifier_taken");
  const current = (await identifiersOf(scope, [customer.id])).get(customer.id) ?? [];
  const changes = updateFrom(customer, input, present);
  if (memory) {
    memory.claim(keys, row);
    const changed = await previewChanges(scope, cidKind, customer, current, changes);
    return { row, outcome: changed.length ? "merged" : "unchanged", recordId: customer.id, changed };
  }
  if (Object.keys(changes).length === 0) return { row, outcome: "unchanged", recordId: customer.id, changed: [] };
  const { changes: body } = await runBeforeHooks(scope, "customer.updated", { customerId: customer.id, changes });
  const changed = await updateCustomer(scope, cidKind, customer, current, body, ctx.actorUserId);
  return { row, outcome: changed.length ? "merged" : "unchanged", recordId: customer.id, changed };
}

/** The PATCH body of a merge: only what the row gives; tags join the customer's, never replace them. */
function updateFrom(customer: CustomerRow, input: CustomerCreate, present: Set<string>): CustomerUpdate {
  const update: Record<string, unknown> = {};
  for (const field of [...PLAIN_FIELDS, "mobile", "email", "nationalCode", "username"] as const) {
    if (present.has(field)) update[field] = input[field];
  }
  if (present.has("tags")) {
    const tags = [...new Set([...customer.tags, ...input.tags])];
    if (tags.length !== customer.tags.length) update.tags = tags;
  }
  if (present.has("consent")) update.consent = input.consent;
  return update as CustomerUpdate;
}

/** What updateCustomer would change, without writing: for a dry run's report. */
async function previewChanges(scope: WorkspaceScope, cidKind: CidKind, customer: CustomerRow, identifiers: IdentifierRow[], update: CustomerUpdate): Promise<string[]> {
  const changed: string[] = [];
  for (const field of PLAIN_FIELDS) {
    const next = update[field];
    if (next !== undefined && (next ?? null) !== customer[field]) changed.push(field);
  }
  if (update.tags) changed.push("tags");
  for (const channel of ["sms", "email"] as const) {
    const next = update.consent?.[channel];
    if (next !== undefined && next !== customer[channel === "sms" ? "consentSms" : "consentEmail"]) changed.push(`consent.${channel}`);
  }
  const plan = planIdentifierFields(customer, identifiers, cidKind, update);
  await assertClaimsFree(scope, customer.id, plan);
  changed.push(...plan.changedFields);
  return changed;
}
