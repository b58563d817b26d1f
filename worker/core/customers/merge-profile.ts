// The survivor's profile after a merge: what it has it keeps; what it lacks it takes from the
// merged customer. Order figures are not touched here: orders own them.
import type { ConsentState } from "./customers.schema";
import type { CustomerRow } from "./customers.repository";
import { nameColumns } from "./customer-record";

const FILLABLE = ["firstName", "lastName", "organizationName", "gender", "birthday", "province", "city", "postalCode", "address", "ownerUserId"] as const;

type ProfileChange = Partial<
  Pick<CustomerRow, (typeof FILLABLE)[number] | "displayName" | "nameKey" | "tags" | "attributes" | "consentSms" | "consentSmsAt" | "consentEmail" | "consentEmailAt">
>;

interface Consent {
  state: ConsentState;
  at: number | null;
}

/**
 * The more recent decision wins, whichever record holds it: a withdrawal on the merged record
 * must not be lost to an older grant on the survivor (and the other way round).
 */
export function laterConsent(survivor: Consent, merged: Consent): Consent {
  if (merged.state === "unknown") return survivor;
  if (survivor.state === "unknown") return merged;
  return (merged.at ?? 0) > (survivor.at ?? 0) ? merged : survivor;
}

/** The columns of the survivor that change; empty when the merged record adds nothing. */
export function mergedProfile(survivor: CustomerRow, merged: CustomerRow): ProfileChange {
  const change: ProfileChange = {};
  for (const field of FILLABLE) {
    if (survivor[field] === null && merged[field] !== null) Object.assign(change, { [field]: merged[field] });
  }
  const names = nameColumns({ ...survivor, ...pick(change, ["firstName", "lastName", "organizationName"]) });
  if (names.displayName !== survivor.displayName) Object.assign(change, names);

  const tags = [...new Set([...survivor.tags, ...merged.tags])];
  if (tags.length !== survivor.tags.length) change.tags = tags;
  const attributes = { ...merged.attributes, ...survivor.attributes };
  if (Object.keys(attributes).length !== Object.keys(survivor.attributes).length) change.attributes = attributes;

  const sms = laterConsent({ state: survivor.consentSms, at: survivor.consentSmsAt }, { state: merged.consentSms, at: merged.consentSmsAt });
  if (sms.state !== survivor.consentSms || sms.at !== survivor.consentSmsAt) Object.assign(change, { consentSms: sms.state, consentSmsAt: sms.at });
  const email = laterConsent({ state: survivor.consentEmail, at: survivor.consentEmailAt }, { state: merged.consentEmail, at: merged.consentEmailAt });
  if (email.state !== survivor.consentEmail || email.at !== survivor.consentEmailAt) Object.assign(change, { consentEmail: email.state, consentEmailAt: email.at });
  return change;
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]])) as Partial<Pick<T, K>>;
}
