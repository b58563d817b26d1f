// An identifier as the reader sees it: a masked mobile or national code (0912*****89) and a
// customer code (C-00042, never personal) in the reader's digits, as every other figure on the
// page. A revealed value and e-mails or usernames keep their Latin digits: those are there to be
// copied as they are.
import type { Formatter } from "../../i18n/format";

const DIGIT_KINDS = new Set(["mobile", "national_code"]);

export function identifierText(kind: string, value: string, f: Pick<Formatter, "digits">): string {
  return kind === "issued" || (DIGIT_KINDS.has(kind) && value.includes("*")) ? f.digits(value) : value;
}
