// A workspace's sending policy: quiet hours and caps for marketing, a daily marketing limit (a
// cost guard) and the price of an SMS part per provider. Stored as one JSON value on the workspace
// row (null: the defaults); read and written through /api/settings (`messaging`).
import { z } from "@hono/zod-openapi";
import { addDays } from "../stats/local-day";
import { localParts, localToUtc } from "../schedules/schedule-timing";
import { PROVIDER_KINDS } from "./messaging.schema";

const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "invalid_clock_time" })
  .openapi({ example: "09:00" });

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const QuietHoursSchema = z
  .object({ start: ClockTime, end: ClockTime })
  .refine((hours) => minutesOf(hours.start) < minutesOf(hours.end), { message: "quiet_hours_empty", path: ["end"] })
  .openapi({ description: "Marketing is sent only from `start` to `end`, local time; outside it waits for the next `start`." });

export const MessagingPolicySchema = z
  .object({
    quietHours: QuietHoursSchema.default({ start: "09:00", end: "21:00" }),
    caps: z
      .object({
        perDay: z.number().int().min(0).max(50).default(1),
        perWeek: z.number().int().min(0).max(200).default(3),
      })
      .refine((caps) => caps.perDay <= caps.perWeek, { message: "cap_day_above_week", path: ["perDay"] })
      .default({ perDay: 1, perWeek: 3 })
      .openapi({ description: "Marketing messages per customer per channel in any 24 hours / 7 days." }),
    dailyLimit: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .nullable()
      .default(null)
      .openapi({ description: "Marketing messages the workspace sends per local day; null: no limit." }),
    smsPricePerPart: z
      .partialRecord(z.enum(PROVIDER_KINDS), z.number().int().min(0).max(1_000_000_000))
      .default({})
      .openapi({ description: "What one SMS part costs with each provider, in the workspace currency's minor units." }),
  })
  .openapi("MessagingPolicy");
export type MessagingPolicySettings = z.infer<typeof MessagingPolicySchema>;

/** The policy stored on the workspace, with defaults for what is not set (and for a value gone stale). */
export function policyOf(stored: unknown): MessagingPolicySettings {
  const parsed = MessagingPolicySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : MessagingPolicySchema.parse({});
}

/** The first instant at or after `at` inside the quiet-hours window, in the workspace's time zone. */
export function nextAllowedTime(at: number, quietHours: { start: string; end: string }, timeZone: string): number {
  const local = localParts(at, timeZone);
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (local.minutes >= start && local.minutes < end) return at;
  const day = local.minutes < start ? local.date : addDays(local.date, 1);
  return localToUtc(day, start, timeZone);
}

/** A change to the policy: any of its parts, each given whole (the rest stays as it is). */
export const MessagingPolicyUpdate = z
  .object({
    quietHours: QuietHoursSchema.optional(),
    caps: z.object({ perDay: z.number().int().min(0).max(50), perWeek: z.number().int().min(0).max(200) }).strict().optional(),
    dailyLimit: z.number().int().min(0).max(1_000_000).nullable().optional(),
    smsPricePerPart: z.partialRecord(z.enum(PROVIDER_KINDS), z.number().int().min(0).max(1_000_000_000)).optional(),
  })
  .strict()
  .openapi("MessagingPolicyUpdate");
export type MessagingPolicyUpdate = z.infer<typeof MessagingPolicyUpdate>;

/** The stored policy with the update applied, checked as a whole (a daily cap above the weekly one is refused). */
export function updatedPolicy(stored: unknown, update: MessagingPolicyUpdate) {
  const defined = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
  return MessagingPolicySchema.safeParse({ ...policyOf(stored), ...defined });
}
