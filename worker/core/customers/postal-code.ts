// Iranian postal codes (کد پستی): ten digits, often written 12345-67890. Typed in any digits,
// with a dash or a space after the fifth, they are stored as ten Latin digits.
import { z } from "@hono/zod-openapi";
import { toAsciiDigits } from "../cid/digits";

const POSTAL_CODE = /^(\d{5})[-\s\u2010-\u2015]?(\d{5})$/;

/** The postal code as ten Latin digits, or null when it is not one. */
export function normalizePostalCode(raw: string): string | null {
  const match = POSTAL_CODE.exec(toAsciiDigits(raw.normalize("NFKC")).trim());
  return match ? `${match[1]}${match[2]}` : null;
}

export const PostalCodeInput = z
  .string()
  .max(40)
  .transform((raw, ctx) => {
    const code = normalizePostalCode(raw);
    if (code === null) {
      ctx.issues.push({ code: "custom", message: "invalid_postal_code", input: raw });
      return z.NEVER;
    }
    return code;
  })
  .openapi({ type: "string", example: "1234567890", description: "Ten digits; Persian or Arabic digits and a dash or space after the fifth are accepted." });
