// The customer form's values (text as typed) and the bodies they become: everything typed for
// POST /api/customers; only what changed for PATCH, where an emptied field is null (cleared).
// Identifiers are sent as typed (Persian digits, +98, spaces): the API normalizes them.
import type { Customer } from "./customer-types";

export interface CustomerFormValues {
  kind: "person" | "organization";
  firstName: string;
  lastName: string;
  organizationName: string;
  gender: string;
  birthday: string;
  mobile: string;
  email: string;
  nationalCode: string;
  username: string;
  province: string;
  city: string;
  postalCode: string;
  address: string;
  tags: string;
  ownerUserId: string;
  consentSms: string;
  consentEmail: string;
}

/** Fields the API masks without customers.pii:read; a masked value is never sent back. */
export const PII_FIELDS = ["mobile", "email", "nationalCode", "postalCode", "address"] as const;

const TEXT_FIELDS = ["firstName", "lastName", "organizationName", "gender", "birthday", "mobile", "email", "nationalCode", "username", "province", "city", "postalCode", "address", "ownerUserId"] as const;

export const EMPTY_VALUES: CustomerFormValues = {
  kind: "person",
  firstName: "",
  lastName: "",
  organizationName: "",
  gender: "",
  birthday: "",
  mobile: "",
  email: "",
  nationalCode: "",
  username: "",
  province: "",
  city: "",
  postalCode: "",
  address: "",
  tags: "",
  ownerUserId: "",
  consentSms: "unknown",
  consentEmail: "unknown",
};

/** Tags as typed: separated by Latin or Persian commas, blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,،]/).map((tag) => tag.trim()).filter(Boolean))];
}

/** The form filled from a customer; masked values stay out of the inputs (shown as hints). */
export function valuesFromCustomer(customer: Customer, tagSeparator = ", "): CustomerFormValues {
  const pii = (value: string | null) => (customer.piiMasked ? "" : (value ?? ""));
  return {
    kind: customer.kind,
    firstName: customer.firstName ?? "",
    lastName: customer.lastName ?? "",
    organizationName: customer.organizationName ?? "",
    gender: customer.gender ?? "",
    birthday: customer.birthday ?? "",
    mobile: pii(customer.mobile),
    email: pii(customer.email),
    nationalCode: pii(customer.nationalCode),
    username: customer.username ?? "",
    province: customer.province ?? "",
    city: customer.city ?? "",
    postalCode: pii(customer.postalCode),
    address: pii(customer.address),
    tags: customer.tags.join(tagSeparator),
    ownerUserId: customer.ownerUserId ?? "",
    consentSms: customer.consent.sms.status,
    consentEmail: customer.consent.email.status,
  };
}

export function createBody(values: CustomerFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: values.kind };
  for (const field of TEXT_FIELDS) if (values[field].trim()) body[field] = values[field].trim();
  const tags = parseTags(values.tags);
  if (tags.length) body.tags = tags;
  const consent: Record<string, string> = {};
  if (values.consentSms !== "unknown") consent.sms = values.consentSms;
  if (values.consentEmail !== "unknown") consent.email = values.consentEmail;
  if (Object.keys(consent).length) body.consent = consent;
  return body;
}

/** Only the changes; null clears a field. A masked field left empty is kept as it is. */
export function updateBody(initial: CustomerFormValues, values: CustomerFormValues, piiMasked: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (values.kind !== initial.kind) body.kind = values.kind;
  for (const field of TEXT_FIELDS) {
    const before = initial[field].trim();
    const after = values[field].trim();
    if (after === before) continue;
    if (!after && piiMasked && (PII_FIELDS as readonly string[]).includes(field)) continue;
    body[field] = after || null;
  }
  const tagsBefore = parseTags(initial.tags);
  const tagsAfter = parseTags(values.tags);
  if (tagsBefore.join("\n") !== tagsAfter.join("\n")) body.tags = tagsAfter;
  const consent: Record<string, string> = {};
  if (values.consentSms !== initial.consentSms) consent.sms = values.consentSms;
  if (values.consentEmail !== initial.consentEmail) consent.email = values.consentEmail;
  if (Object.keys(consent).length) body.consent = consent;
  return body;
}
