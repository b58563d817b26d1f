// What the NPS API takes and gives back (zod, so /openapi.json is generated from them).
import { z } from "@hono/zod-openapi";
import { CalendarDay } from "../../worker/plugin-api";

const text = (max: number) => z.object({ en: z.string().trim().min(1).max(max), fa: z.string().trim().min(1).max(max) }).strict();
const localized = z.object({ en: z.string(), fa: z.string() });
const iso = z.string().openapi({ example: "2026-03-21T09:30:00.000Z" });
const idParam = (name: string, example: string) => z.object({ [name]: z.string().min(1).max(64).openapi({ param: { name, in: "path" }, example }) });

export const SurveyIdParam = idParam("surveyId", "nps_01jd…") as z.ZodObject<{ surveyId: z.ZodString }>;
export const CustomerIdParam = idParam("customerId", "cus_01jd…") as z.ZodObject<{ customerId: z.ZodString }>;

const followUps = z.object({ detractor: text(300), passive: text(300), promoter: text(300) }).strict();

export const SurveyCreateInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    channel: z.enum(["sms", "email"]).default("sms"),
    question: text(300).optional().openapi({ description: "Default: “How likely are you to recommend us to a friend or colleague?”" }),
    followUps: followUps.optional(),
    thankYou: text(300).optional(),
    reviewUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().optional().openapi({ description: "Shown to every respondent, whatever the score." }),
    referralInvite: text(300).nullable().optional().openapi({ description: "Shown to promoters, inviting them to refer a friend; null: the default words." }),
    trigger: z.enum(["manual", "after_order"]).default("manual").openapi({ description: "after_order: asked automatically `delayDays` after each paid order (once per order)." }),
    delayDays: z.number().int().min(0).max(60).default(3),
    reminderDays: z.number().int().min(1).max(30).nullable().default(null).openapi({ description: "One reminder to non-responders after this many days; null: none." }),
  })
  .strict();

export const SurveyUpdateInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    question: text(300),
    followUps,
    thankYou: text(300),
    reviewUrl: z.url({ protocol: /^https?$/ }).max(500).nullable(),
    referralInvite: text(300).nullable(),
    channel: z.enum(["sms", "email"]),
    delayDays: z.number().int().min(0).max(60),
    reminderDays: z.number().int().min(1).max(30).nullable(),
    active: z.boolean(),
  })
  .partial()
  .strict();

export type SurveyCreateInput = z.infer<typeof SurveyCreateInput>;
export type SurveyUpdateInput = z.infer<typeof SurveyUpdateInput>;

export const SurveySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    channel: z.enum(["sms", "email"]),
    question: localized,
    followUps: z.object({ detractor: localized, passive: localized, promoter: localized }),
    thankYou: localized,
    reviewUrl: z.string().nullable(),
    referralInvite: localized.nullable(),
    trigger: z.enum(["manual", "after_order"]),
    delayDays: z.number().int(),
    reminderDays: z.number().int().nullable(),
    active: z.boolean(),
    createdAt: iso,
  })
  .openapi("NpsSurvey");

export const SendInput = z
  .object({
    surveyId: z.string().max(64).optional().openapi({ description: "Ignored: the survey is the path's (a form may send it)." }),
    segmentId: z.string().min(1).max(64).nullable().default(null).openapi({ description: "A saved segment; null: everyone with consent for the survey's channel." }),
    at: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a local time HH:MM")
      .nullable()
      .default(null)
      .openapi({ description: "Today (or tomorrow, once past) at this local time; null: now." }),
  })
  .strict();

const count = z.number().int();
export const CampaignSchema = z
  .object({
    id: z.string(),
    surveyId: z.string(),
    segmentId: z.string().nullable(),
    notBefore: iso,
    status: z.enum(["running", "done"]),
    audience: count.openapi({ description: "Customers in the audience with consent when the send was made." }),
    queued: count.openapi({ description: "Recipients handled so far (each once)." }),
    sent: count,
    deferred: count.openapi({ description: "Held by core until quiet hours end." }),
    failed: count,
    skipped: count,
    skipReasons: z.record(z.string(), count).openapi({ description: "Skipped recipients by reason: throttled, daily_cap, no_consent, capped, daily_limit, …" }),
  })
  .openapi("NpsCampaign");

export const AudienceSchema = z.object({ recipients: z.number().int(), withConsent: z.number().int() }).openapi("NpsAudience");

const figures = z.object({
  responses: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  score: z.number().int().nullable().openapi({ description: "% promoters − % detractors; null when nobody answered." }),
  marginOfError: z.number().int().nullable().openapi({ description: "± points (95 %), given below 30 responses." }),
});

export const ResultsQuery = z.object({
  surveyId: z.string().min(1).max(64).optional(),
  from: CalendarDay.optional(),
  to: CalendarDay.optional(),
  period: z.enum(["week", "month"]).default("month"),
});

export const ResultsSchema = z
  .object({
    overall: figures.extend({ delivered: z.number().int(), sent: z.number().int(), responseRate: z.number().nullable().openapi({ description: "Responses ÷ delivered, in percent; null before any delivery." }) }),
    distribution: z.array(z.number().int()).length(11).openapi({ description: "Responses per score, 0 to 10." }),
    periods: z.array(figures.extend({ period: z.string(), label: localized })),
  })
  .openapi("NpsResults");

export const BreakdownSchema = z
  .object({ by: z.string(), groups: z.array(figures.extend({ key: z.string(), label: localized })) })
  .openapi("NpsBreakdown");

export const BreakdownQuery = z.object({ by: z.enum(["stage", "rfm", "city", "segment", "channel"]).default("stage"), segmentId: z.string().min(1).max(64).optional() });

export const ResponseSchema = z
  .object({ id: z.string(), surveyId: z.string(), customerId: z.string(), score: z.number().int(), band: z.enum(["detractor", "passive", "promoter"]), via: z.enum(["link", "sms"]), comment: z.string().nullable(), testimonialConsentAt: iso.nullable(), answeredAt: iso })
  .openapi("NpsResponse");

export const ResponseListQuery = z.object({
  band: z.enum(["detractor", "passive", "promoter"]).optional(),
  surveyId: z.string().min(1).max(64).optional(),
  customerId: z.string().min(1).max(64).optional(),
  from: CalendarDay.optional(),
  to: CalendarDay.optional(),
  withComment: z.enum(["true", "false"]).optional(),
  testimonials: z.enum(["true", "false"]).optional().openapi({ description: "true: promoters' comments the customer agreed to have quoted." }),
});

export const SendSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    status: z.enum(["queued", "sent", "deferred", "skipped", "failed"]),
    skipReason: z.string().nullable().openapi({ description: "throttled, daily_cap, survey_paused, or messaging's (no_consent, no_address, capped, daily_limit)." }),
    orderId: z.string().nullable(),
    dueAt: iso,
    sentAt: iso.nullable(),
    respondedAt: iso.nullable(),
    path: z.string().openapi({ description: "The customer's answer page (to resend by hand)." }),
  })
  .openapi("NpsSend");

export const SendListQuery = z.object({ status: z.enum(["queued", "sent", "deferred", "skipped", "failed"]).optional(), customerId: z.string().min(1).max(64).optional() });
