// The customer list as CSV (and the sheet the .xlsx writes): one row per live customer, the columns
// a business expects to open in Excel, personal data masked unless the exporter may read it; headers,
// words and dates in the reader's language when one is asked for (export-language.ts). Mobiles are written the way
// Iranians read them (0912…), which spreadsheets do not take for a formula and imports accept.
import { localMobile } from "../cid/normalize-mobile";
import type { WorkspaceScope } from "../data/database";
import { IDENTIFIER_KINDS, type IdentifierKind } from "../customers/customers.schema";
import type { CidKind } from "../workspaces/workspaces.schema";
import { csvRow, spreadsheetSafe, UTF8_BOM } from "./csv";
import { cellShape, columnHeader, type CellShape, type ExportReader } from "./export-language";
import { shownAddress, shownIdentifier, shownPostalCode } from "./export-masking";
import { identifiersByCustomer, liveCustomersAfter, PAGE_SIZE, type CustomerRow, type IdentifierRow } from "./export.repository";
import { pages } from "./text-stream";

export interface CustomersCsvOptions {
  revealPii: boolean;
  cidKind: CidKind;
  /** Staff e-mail by user id, to name each customer's owner. */
  ownerEmails: ReadonlyMap<string, string>;
  /** The customers to write, page by page after the last one written; every live customer when absent. */
  source?: (after: CustomerRow | null) => Promise<CustomerRow[]>;
  /** The reader's language, calendar and time zone for headers, words and dates. */
  reader: ExportReader;
}

interface CsvCustomer {
  row: CustomerRow;
  /** Identifier values as shown (masked or not), by kind, oldest first. */
  identifiers: Map<IdentifierKind, string[]>;
  cid: string | null;
  ownerEmail: string | null;
}

export type Cell = string | number | null;

const first = (customer: CsvCustomer, kind: IdentifierKind) => customer.identifiers.get(kind)?.[0] ?? null;

/** Identifiers beyond the first of each kind (a merged customer's second mobile, its old code, shop ids). */
function otherIdentifiers(customer: CsvCustomer): string {
  return [...customer.identifiers.entries()]
    .sort(([a], [b]) => IDENTIFIER_KINDS.indexOf(a) - IDENTIFIER_KINDS.indexOf(b))
    .flatMap(([kind, values]) => (kind === "issued" ? values.filter((value) => value !== customer.row.code) : values.slice(1)).map((value) => `${kind}:${value}`))
    .join("; ");
}

export const CSV_COLUMNS: ReadonlyArray<readonly [string, (customer: CsvCustomer, shape: CellShape) => Cell]> = [
  ["code", (c) => c.row.code],
  ["cid", (c) => c.cid],
  ["kind", (c, s) => s.word("kind", c.row.kind)],
  ["first_name", (c) => c.row.firstName],
  ["last_name", (c) => c.row.lastName],
  ["organization_name", (c) => c.row.organizationName],
  ["display_name", (c) => c.row.displayName],
  ["mobile", (c) => first(c, "mobile")],
  ["email", (c) => first(c, "email")],
  ["national_code", (c) => first(c, "national_code")],
  ["username", (c) => first(c, "username")],
  ["other_identifiers", otherIdentifiers],
  ["gender", (c, s) => s.word("gender", c.row.gender)],
  ["birthday", (c, s) => s.day(c.row.birthday)],
  ["province", (c) => c.row.province],
  ["city", (c) => c.row.city],
  ["postal_code", (c) => c.row.postalCode],
  ["address", (c) => c.row.address],
  ["tags", (c) => c.row.tags.join("; ")],
  ["consent_sms", (c, s) => s.word("consent", c.row.consentSms)],
  ["consent_sms_at", (c, s) => s.time(c.row.consentSmsAt)],
  ["consent_email", (c, s) => s.word("consent", c.row.consentEmail)],
  ["consent_email_at", (c, s) => s.time(c.row.consentEmailAt)],
  ["owner", (c) => c.ownerEmail],
  ["first_order_at", (c, s) => s.time(c.row.firstOrderAt)],
  ["last_order_at", (c, s) => s.time(c.row.lastOrderAt)],
  ["order_count", (c) => c.row.orderCount],
  ["total_spent", (c) => c.row.totalSpent],
  ["average_order_value", (c) => (c.row.orderCount > 0 ? Math.round(c.row.totalSpent / c.row.orderCount) : 0)],
  ["lifecycle_stage", (c, s) => s.word("stage", c.row.lifecycleStage)],
  ["rfm_segment", (c) => c.row.rfmSegment],
  ["created_at", (c, s) => s.time(c.row.createdAt)],
];

function shown(kind: IdentifierKind, value: string, revealPii: boolean): string {
  const visible = shownIdentifier(kind, value, revealPii);
  return kind === "mobile" && visible === value ? localMobile(value) : visible;
}

function csvCustomer(row: CustomerRow, identifierRows: IdentifierRow[], options: CustomersCsvOptions): CsvCustomer {
  const identifiers = new Map<IdentifierKind, string[]>();
  for (const identifier of identifierRows) {
    identifiers.set(identifier.kind, [...(identifiers.get(identifier.kind) ?? []), shown(identifier.kind, identifier.value, options.revealPii)]);
  }
  return {
    row: { ...row, address: shownAddress(row.address, options.revealPii), postalCode: shownPostalCode(row.postalCode, options.revealPii) },
    identifiers,
    cid: row.cid === null ? null : options.cidKind === "issued" ? row.cid : shown(options.cidKind, row.cid, options.revealPii),
    ownerEmail: row.ownerUserId ? (options.ownerEmails.get(row.ownerUserId) ?? null) : null,
  };
}

/**
 * The sheet both file formats write: its header row, then one page of rows after another. Cells are
 * as read; the CSV guards text against formulas, which an .xlsx text cell never is.
 */
export async function* customerSheet(scope: WorkspaceScope, options: CustomersCsvOptions): AsyncGenerator<{ header: string[] } | { rows: Cell[][] }> {
  const shape = cellShape(options.reader);
  yield { header: CSV_COLUMNS.map(([key]) => columnHeader(key, options.reader)) };
  const source = options.source ?? ((after: CustomerRow | null) => liveCustomersAfter(scope, after));
  for await (const page of pages(source, PAGE_SIZE)) {
    const identifiers = await identifiersByCustomer(scope, page.map((row) => row.id));
    yield {
      rows: page.map((row) => {
        const customer = csvCustomer(row, identifiers.get(row.id) ?? [], options);
        return CSV_COLUMNS.map(([, read]) => read(customer, shape));
      }),
    };
  }
}

/** The file as text chunks: BOM and header first, then one chunk per page of customers. */
export async function* customersCsv(scope: WorkspaceScope, options: CustomersCsvOptions): AsyncGenerator<string> {
  for await (const part of customerSheet(scope, options)) {
    yield "header" in part ? UTF8_BOM + csvRow(part.header) : part.rows.map((cells) => csvRow(cells.map((cell) => (typeof cell === "string" ? spreadsheetSafe(cell) : cell)))).join("");
  }
}
