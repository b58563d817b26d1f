// A customer row and its identifiers as the API shows them, masked unless PII is revealed.
import { toIso } from "../data/clock";
import type { CustomerView } from "./customer.schemas";
import type { customerIdentifiers, customers, IdentifierKind } from "./customers.schema";
import { maskAddress, maskIdentifier, maskPostalCode, PII_IDENTIFIER_KINDS } from "./mask";

type CustomerRow = typeof customers.$inferSelect;
type IdentifierRow = Pick<typeof customerIdentifiers.$inferSelect, "id" | "kind" | "value">;

export interface Presentation {
  /** True only for a caller with customers.pii:read who asked to reveal (and was audited). */
  revealPii: boolean;
  cidKind: string;
}

export function presentCustomer(row: CustomerRow, identifiers: IdentifierRow[], how: Presentation): CustomerView {
  const show = (kind: IdentifierKind, value: string) => (how.revealPii || !PII_IDENTIFIER_KINDS.has(kind) ? value : maskIdentifier(kind, value));
  const cidKind = how.cidKind === "issued" ? "issued" : (how.cidKind as IdentifierKind);
  // A field shows the CID itself for the CID's kind, otherwise the oldest identifier of the kind.
  const first = (kind: IdentifierKind) => {
    const ofKind = identifiers.filter((identifier) => identifier.kind === kind);
    const found = (kind === cidKind ? ofKind.find((identifier) => identifier.value === row.cid) : undefined) ?? ofKind[0];
    return found ? show(kind, found.value) : null;
  };
  return {
    id: row.id,
    cid: row.cid === null ? null : show(cidKind, row.cid),
    code: row.code,
    kind: row.kind,
    firstName: row.firstName,
    lastName: row.lastName,
    organizationName: row.organizationName,
    displayName: row.displayName || row.code,
    mobile: first("mobile"),
    email: first("email"),
    nationalCode: first("national_code"),
    username: first("username"),
    identifiers: identifiers.map((identifier) => ({ id: identifier.id, kind: identifier.kind, value: show(identifier.kind, identifier.value) })),
    gender: row.gender,
    birthday: row.birthday,
    province: row.province,
    city: row.city,
    postalCode: row.postalCode === null ? null : how.revealPii ? row.postalCode : maskPostalCode(row.postalCode),
    address: row.address === null ? null : how.revealPii ? row.address : maskAddress(row.address),
    tags: row.tags,
    consent: {
      sms: { status: row.consentSms, at: toIso(row.consentSmsAt) },
      email: { status: row.consentEmail, at: toIso(row.consentEmailAt) },
    },
    attributes: row.attributes,
    ownerUserId: row.ownerUserId,
    stats: {
      firstOrderAt: toIso(row.firstOrderAt),
      lastOrderAt: toIso(row.lastOrderAt),
      orderCount: row.orderCount,
      totalSpent: row.totalSpent,
      averageOrderValue: row.orderCount > 0 ? Math.round(row.totalSpent / row.orderCount) : 0,
    },
    lifecycleStage: row.lifecycleStage,
    rfmSegment: row.rfmSegment,
    piiMasked: !how.revealPii,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}
