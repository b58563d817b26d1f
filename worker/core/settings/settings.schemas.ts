// Workspace settings as the API takes them and gives them back.
import { z } from "@hono/zod-openapi";
import { LOCALES } from "../i18n/locale";
import { CID_KINDS, WEEK_STARTS } from "../workspaces/workspaces.schema";
import { isSupportedCurrency } from "./currency";
import { MessagingPolicySchema, MessagingPolicyUpdate } from "../messaging/messaging-policy";

/** Bounds of the lapsed-customer window: a week (a bakery) to ten years (a car dealer). */
export const LAPSED_DAYS = { min: 7, max: 3650 } as const;

/** The canonical IANA name of a time zone, or null when Intl does not know it. */
export function canonicalTimeZone(raw: string): string | null {
  try {
    const zone = new Intl.DateTimeFormat("en-US", { timeZone: raw }).resolvedOptions().timeZone;
    // Intl also takes bare offsets ("+03:30"), which know nothing of daylight saving; ask for a place.
    return /^[A-Za-z]/.test(zone) ? zone : null;
  } catch {
    return null;
  }
}

const TimeZoneInput = z
  .string()
  .trim()
  .max(64)
  .transform((raw, ctx) => {
    const zone = canonicalTimeZone(raw);
    if (zone === null) {
      ctx.issues.push({ code: "custom", message: "invalid_time_zone", input: raw });
      return z.NEVER;
    }
    return zone;
  })
  .openapi({ type: "string", example: "Asia/Tehran" });

const CurrencyInput = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isSupportedCurrency, { message: "invalid_currency" })
  .openapi({ example: "IRT", description: "IRR, IRT (toman) or an ISO 4217 code." });

export const SettingsUpdateInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    cidKind: z
      .enum(CID_KINDS)
      .optional()
      .openapi({ description: "Every live customer must already have an identifier of this kind (409 `cid_change_blocked` otherwise); `issued` always works." }),
    lapsedDays: z.number().int().min(LAPSED_DAYS.min).max(LAPSED_DAYS.max).optional(),
    locale: z.enum(LOCALES).optional(),
    timeZone: TimeZoneInput.optional(),
    currency: CurrencyInput.optional(),
    messaging: MessagingPolicyUpdate.optional().openapi({
      description: "The sending policy: quiet hours and caps for marketing, the daily marketing limit, SMS prices per part. Each part given replaces that part.",
    }),
    weekStart: z.enum(WEEK_STARTS).optional().openapi({ description: "The day the dashboard's weeks start on, for every reader whatever their language." }),
    smsSignIn: z
      .boolean()
      .optional()
      .openapi({ description: "Staff may sign in with a one-time code sent by SMS to the mobile on their profile. Owners only (403 `sms_sign_in_owner_only`); turning it on needs an SMS provider (409 `sms_sign_in_needs_provider`)." }),
  })
  .strict()
  // Only for an otherwise valid body: an unknown field is the error to report, not emptiness.
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "nothing_to_change", when: (payload) => payload.issues.length === 0 })
  .openapi("SettingsUpdate");
export type SettingsUpdate = z.infer<typeof SettingsUpdateInput>;

export const SettingsSchema = z
  .object({
    name: z.string(),
    cidKind: z.enum(CID_KINDS),
    lapsedDays: z.number().int().openapi({ description: "Days without an order after which a customer is lapsed." }),
    locale: z.enum(LOCALES),
    timeZone: z.string(),
    currency: z.string(),
    messaging: MessagingPolicySchema,
    weekStart: z.enum(WEEK_STARTS),
    smsSignIn: z.boolean().openapi({ description: "Whether staff may sign in with a one-time SMS code." }),
    currencyExponent: z
      .number()
      .int()
      .openapi({ description: "Amounts are integers in minor units: an amount divided by 10^exponent is the price (0 for IRR and IRT)." }),
    updatedAt: z.string(),
  })
  .openapi("Settings");
export type SettingsView = z.infer<typeof SettingsSchema>;
