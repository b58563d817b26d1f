// zod schemas that accept any typed form of an identifier and yield its normalized value;
// a bad value fails with the field's localized message code.
import { z } from "@hono/zod-openapi";
import type { IdentifierKind } from "../customers/customers.schema";
import { INVALID_IDENTIFIER_MESSAGE, normalizeIdentifier } from "./normalize-identifier";

export function identifierSchema(kind: IdentifierKind, example: string) {
  return z
    .string()
    .max(254)
    .transform((raw, ctx) => {
      const value = normalizeIdentifier(kind, raw);
      if (value === null) {
        ctx.issues.push({ code: "custom", message: INVALID_IDENTIFIER_MESSAGE[kind], input: raw });
        return z.NEVER;
      }
      return value;
    })
    .openapi({ type: "string", example });
}

export const MobileInput = identifierSchema("mobile", "0912 123 4567");
export const EmailInput = identifierSchema("email", "sara@example.com");
export const NationalCodeInput = identifierSchema("national_code", "0013542419");
export const UsernameInput = identifierSchema("username", "golrang.shop");
