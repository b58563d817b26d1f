// Deleting a customer erases the person, not the row: names, identifiers, contacts, address,
// birthday, attributes, tags, name words and the address and text of messages go; an anonymous
// tombstone stays so orders already linked to it keep their totals. What the person left
// elsewhere goes too: their identifiers in stored event payloads (which outgoing webhooks send
// again on a retry), the raw bodies of shop deliveries about them, and their identifiers and
// names in interaction, task and order-note texts. Erasure, audit row and `customer.deleted` commit together,
// in one batch of a fixed number of statements, each finding its rows by index.
import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { type AuditOrigin, auditEntry } from "../audit/audit";
import { localMobile } from "../cid/normalize-mobile";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { customerIdentifiers, customers, events, interactions, messages, orders, tasks, webhookDeliveries } from "../data/schema";
import { eventEntry } from "../events/outbox";
import type { CustomerRow, IdentifierRow } from "./customers.repository";
import { nameWordsDelete, tagsDelete } from "./customer-record";

/** The personal fields of a customer row, as erasure leaves them. */
const ANONYMOUS = {
  cid: null,
  firstName: null,
  lastName: null,
  organizationName: null,
  displayName: "",
  nameKey: "",
  gender: null,
  birthday: null,
  province: null,
  city: null,
  postalCode: null,
  address: null,
  tags: [],
  consentSms: "unknown",
  consentSmsAt: null,
  consentEmail: "unknown",
  consentEmailAt: null,
  attributes: {},
  ownerUserId: null,
} as const satisfies Partial<typeof customers.$inferInsert>;

/** What an erased value becomes, in text and in JSON payloads alike. */
export const ERASED = "[erased]";

/** What a shop delivery's raw body becomes (still JSON, so the deliveries list reads it). */
const ERASED_BODY = JSON.stringify({ erased: true });

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const persianDigits = (ascii: string) => ascii.replace(/\d/g, (digit) => PERSIAN_DIGITS[Number(digit)]!);

/**
 * The person's identifiers as text may hold them: each as stored, a mobile also as 0912… and 912…
 * (in ASCII and Persian digits). A shop's own customer id is left out: a short number would be
 * erased from unrelated text.
 */
export function identifierTerms(identifiers: IdentifierRow[]): string[] {
  const terms = new Set<string>();
  for (const { kind, value } of identifiers) {
    if (kind === "external" || kind === "issued") continue;
    terms.add(value);
    if (kind === "mobile") {
      const local = localMobile(value);
      for (const form of [local, local.slice(1)]) terms.add(form).add(persianDigits(form));
    }
  }
  return [...terms];
}

const nameTerms = (row: CustomerRow) => [row.displayName, row.firstName, row.lastName, row.organizationName].map((name) => name?.trim() ?? "");

/** Longest first, so that a longer form is replaced whole before a shorter one inside it. */
const longestFirst = (terms: string[]) => [...new Set(terms)].filter((term) => term.length >= 2).sort((a, b) => b.length - a.length);

/** `column` with every term replaced by ERASED. */
function scrubbed(column: SQL, terms: string[]): SQL {
  return terms.reduce<SQL>((text, term) => sql`replace(${text}, ${term}, ${ERASED})`, column);
}

/** Whether `column` holds any of the terms (e-mails in any letter case). */
function mentions(column: typeof webhookDeliveries.body, terms: string[]): SQL {
  return sql.join(
    terms.map((term) => sql`instr(lower(${column}), ${term.toLowerCase()}) > 0`),
    sql` or `,
  );
}

export async function eraseCustomer(scope: WorkspaceScope, row: CustomerRow, identifiers: IdentifierRow[], origin: AuditOrigin): Promise<void> {
  await scope.db.batch(erasureStatements(scope, row, identifiers, origin) as never);
}

/**
 * The statements that erase one customer, for a batch. A bulk erase batches several customers and
 * audits the whole action once (`audited: false`); erasing one customer audits that customer.
 */
export function erasureStatements(scope: WorkspaceScope, row: CustomerRow, identifiers: IdentifierRow[], origin: AuditOrigin, options: { audited?: boolean } = {}) {
  const time = now();
  const customerId = row.id;
  // Names only where the text is about this customer; a delivery linked to nobody is matched by
  // identifiers alone, so another person who shares a first name keeps theirs.
  const identifying = longestFirst(identifierTerms(identifiers));
  const terms = longestFirst([...identifying, ...nameTerms(row)]);
  // In payloads an identifier is a whole JSON string; every kind counts there, the shop's id too.
  const payloadValues = [...new Set([row.cid, ...identifiers.map((identifier) => identifier.value)])].filter((value): value is string => Boolean(value));
  const ofWorkspace = (table: { workspaceId: SQLiteColumn }) => eq(table.workspaceId, scope.workspaceId);
  const mergedIntoThis = scope.db.select({ id: customers.id }).from(customers).where(and(ofWorkspace(customers), eq(customers.mergedInto, customerId)));

  return [
    scope.db
      .update(customers)
      .set({ ...ANONYMOUS, erasedAt: time, updatedAt: time })
      .where(and(ofWorkspace(customers), eq(customers.id, customerId), isNull(customers.erasedAt))),
    // Records merged into this one were the same person: their tombstones keep history, not the person.
    scope.db
      .update(customers)
      .set({ ...ANONYMOUS, erasedAt: time, updatedAt: time })
      .where(and(ofWorkspace(customers), eq(customers.mergedInto, customerId))),
    scope.db.delete(customerIdentifiers).where(and(ofWorkspace(customerIdentifiers), eq(customerIdentifiers.customerId, customerId))),
    // Messages keep their status and time for the figures; where they went and what they said goes.
    scope.db
      .update(messages)
      .set({ recipient: null, subject: null, body: "", templateValues: null })
      .where(and(ofWorkspace(messages), eq(messages.customerId, customerId))),
    // Events stay (plugins and webhooks may still be delivering them) with each identifier value
    // replaced; the JSON stays valid because a whole quoted string is replaced by another.
    ...(payloadValues.length
      ? [
          scope.db
            .update(events)
            .set({
              payload: payloadValues.reduce<SQL>((payload, value) => sql`replace(${payload}, ${JSON.stringify(value)}, ${JSON.stringify(ERASED)})`, sql`${events.payload}`),
            })
            .where(and(ofWorkspace(events), or(eq(events.customerId, customerId), inArray(events.customerId, mergedIntoThis)))),
        ]
      : []),
    // A shop delivery about the person keeps its status, not its body; so does one that is linked
    // to nobody (rejected, or received before deliveries were linked) but names the person.
    scope.db
      .update(webhookDeliveries)
      .set({ body: ERASED_BODY, reason: "body erased with the customer", updatedAt: time })
      .where(and(ofWorkspace(webhookDeliveries), eq(webhookDeliveries.customerId, customerId))),
    ...(identifying.length
      ? [
          scope.db
            .update(webhookDeliveries)
            .set({ body: ERASED_BODY, reason: "body erased with the customer", updatedAt: time })
            .where(and(ofWorkspace(webhookDeliveries), isNull(webhookDeliveries.customerId), mentions(webhookDeliveries.body, identifying))),
        ]
      : []),
    ...(terms.length
      ? [
          scope.db
            .update(interactions)
            .set({ summary: scrubbed(sql`${interactions.summary}`, terms) })
            .where(and(ofWorkspace(interactions), eq(interactions.customerId, customerId))),
          scope.db
            .update(orders)
            .set({ note: scrubbed(sql`${orders.note}`, terms) })
            .where(and(ofWorkspace(orders), eq(orders.customerId, customerId))),
          scope.db
            .update(tasks)
            .set({ title: scrubbed(sql`${tasks.title}`, terms), notes: scrubbed(sql`${tasks.notes}`, terms) })
            .where(and(ofWorkspace(tasks), eq(tasks.customerId, customerId))),
        ]
      : []),
    tagsDelete(scope, customerId),
    nameWordsDelete(scope, customerId),
    // No personal data in the audit row or the event: they outlive the person.
    ...(options.audited === false ? [] : [auditEntry(scope, origin, { action: "customer.deleted", entityType: "customer", entityId: customerId, customerId })]),
    eventEntry(scope, "customer.deleted", { customerId }, origin.actorUserId),
  ];
}
