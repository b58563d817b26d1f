// One entry point for every identifier kind, and the guess of kinds for a typed lookup.
import type { IdentifierKind } from "../customers/customers.schema";
import type { MessageCode } from "../i18n/messages";
import { normalizeEmail } from "./normalize-email";
import { normalizeIssuedCode } from "./issued-code";
import { normalizeMobile } from "./normalize-mobile";
import { normalizeNationalCode } from "./national-code";
import { normalizeUsername } from "./normalize-username";

const normalizers: Record<IdentifierKind, (raw: string) => string | null> = {
  mobile: normalizeMobile,
  email: normalizeEmail,
  national_code: normalizeNationalCode,
  username: normalizeUsername,
  issued: normalizeIssuedCode,
  // Shop-side ids ("woo:<connection>:<id>") are opaque; only trimmed.
  external: (raw) => (raw.trim().length > 0 && raw.trim().length <= 200 ? raw.trim() : null),
};

export const INVALID_IDENTIFIER_MESSAGE: Record<IdentifierKind, MessageCode> = {
  mobile: "invalid_mobile",
  email: "invalid_email",
  national_code: "invalid_national_code",
  username: "invalid_username",
  issued: "invalid_issued_code",
  external: "invalid_identifier",
};

export function normalizeIdentifier(kind: IdentifierKind, raw: string): string | null {
  return normalizers[kind](raw);
}

/**
 * Every (kind, value) a typed identifier could be: "09121234567" is a mobile and could be a
 * username; "0013542419" is a national code. The lookup asks for all of them at once.
 */
export function identifierCandidates(raw: string): Array<{ kind: IdentifierKind; value: string }> {
  const candidates: Array<{ kind: IdentifierKind; value: string }> = [];
  for (const kind of ["mobile", "email", "national_code", "issued", "username"] as const) {
    const value = normalizers[kind](raw);
    if (value !== null) candidates.push({ kind, value });
  }
  return candidates;
}
