// Deleting a customer erases the person, not the row: names, identifiers, contacts, address,
// birthday, attributes, tags, name words and the address and text of messages go; an anonymous tombstone stays so orders already
// linked to it keep their totals. Erasure, audit row and `customer.deleted` commit together.
import { and, eq, isNull } from "drizzle-orm";
import { type AuditOrigin, auditEntry } from "../audit/audit";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { customerIdentifiers, customers, messages } from "../data/schema";
import { eventEntry } from "../events/outbox";
import { nameWordsDelete, tagsDelete } from "./customer-record";

export async function eraseCustomer(scope: WorkspaceScope, customerId: string, origin: AuditOrigin): Promise<void> {
  const time = now();
  await scope.db.batch([
    scope.db
      .update(customers)
      .set({
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
        address: null,
        tags: [],
        consentSms: "unknown",
        consentSmsAt: null,
        consentEmail: "unknown",
        consentEmailAt: null,
        attributes: {},
        ownerUserId: null,
        erasedAt: time,
        updatedAt: time,
      })
      .where(and(eq(customers.workspaceId, scope.workspaceId), eq(customers.id, customerId), isNull(customers.erasedAt))),
    scope.db
      .delete(customerIdentifiers)
      .where(and(eq(customerIdentifiers.workspaceId, scope.workspaceId), eq(customerIdentifiers.customerId, customerId))),
    // Messages keep their status and time for the figures; where they went and what they said goes.
    scope.db
      .update(messages)
      .set({ recipient: null, subject: null, body: "" })
      .where(and(eq(messages.workspaceId, scope.workspaceId), eq(messages.customerId, customerId))),
    tagsDelete(scope, customerId),
    nameWordsDelete(scope, customerId),
    // No personal data in the audit row or the event: they outlive the person.
    auditEntry(scope, origin, { action: "customer.deleted", entityType: "customer", entityId: customerId, customerId }),
    eventEntry(scope, "customer.deleted", { customerId }, origin.actorUserId),
  ]);
}
