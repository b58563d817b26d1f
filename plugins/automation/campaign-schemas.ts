// What the campaign routes take and answer (zod, published in /openapi.json).
import { z } from "@hono/zod-openapi";
import { SegmentFilter } from "../../worker/plugin-api";
import { CAMPAIGN_STATUSES } from "./schema";

const Text = (max: number) => z.string().trim().min(1).max(max);
const Localized = (max: number) => z.object({ en: Text(max), fa: Text(max) });

/** Who and what: a saved segment or an ad-hoc filter; a saved template or the text in both languages. */
export const CampaignContent = z
  .object({
    segmentId: z.string().min(1).max(64).optional(),
    filter: SegmentFilter.optional(),
    channel: z.enum(["sms", "email"]),
    template: z.string().trim().min(1).max(100).optional(),
    body: Localized(2000).optional(),
    subject: Localized(200).optional(),
    link: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.segmentId === undefined) === (value.filter === undefined)) ctx.addIssue({ code: "custom", message: "segment_or_filter", path: ["segmentId"] });
    if ((value.template === undefined) === (value.body === undefined)) ctx.addIssue({ code: "custom", message: "template_or_body", path: ["body"] });
  });
export type CampaignContent = z.infer<typeof CampaignContent>;

export const CampaignCreate = z
  .object({ name: Text(200) })
  .and(CampaignContent)
  .openapi("AutomationCampaignCreate", { example: { name: "Yalda discount", segmentId: "seg_01jd…", channel: "sms", body: { en: "{firstName}, 20% off tonight", fa: "{firstName} عزیز، امشب ۲۰٪ تخفیف" } } });

/** "Now", or a local time in the workspace's time zone. */
export const CampaignSend = z
  .object({ at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "local_time").optional() })
  .strict()
  .openapi("AutomationCampaignSend", { example: { at: "2026-12-20T10:00" } });

export const CampaignIdParam = z.object({ campaignId: z.string().min(1).max(64).openapi({ param: { name: "campaignId", in: "path" } }) });

const SkipCounts = z.object({ no_consent: z.number().int(), no_address: z.number().int(), capped: z.number().int(), daily_limit: z.number().int() });
const Money = z.object({ amount: z.number(), currency: z.string() }).nullable();

export const CampaignEstimate = z
  .object({
    audience: z.number().int().describe("Customers the segment or filter matches now."),
    reachable: z.number().int().describe("Of them, those who would be sent to (consent, an address, under the caps)."),
    skipped: SkipCounts,
    deferredUntil: z.number().int().nullable().describe("Sent now, the messages would wait for the end of quiet hours (epoch ms)."),
    sms: z
      .object({ encoding: z.enum(["gsm7", "ucs2"]), characters: z.number().int(), parts: z.number().int(), recipients: z.number().int(), totalParts: z.number().int(), totalCost: Money })
      .nullable(),
  })
  .openapi("AutomationCampaignEstimate");

export const CampaignReport = z.object({
  targeted: z.number().int(),
  sent: z.number().int(),
  deferred: z.number().int(),
  skipped: SkipCounts,
  delivered: z.number().int(),
  failed: z.number().int(),
  clicked: z.number().int(),
  /** Recipients who withdrew their consent for the channel after this campaign's message reached them. */
  optedOut: z.number().int(),
  conversions: z.number().int(),
  revenue: z.number().int(),
});

export const CampaignView = z
  .object({
    id: z.string(),
    name: z.string(),
    segmentId: z.string().nullable(),
    filter: z.record(z.string(), z.unknown()).nullable(),
    channel: z.enum(["sms", "email"]),
    template: z.string().nullable(),
    body: z.object({ en: z.string(), fa: z.string() }).nullable(),
    status: z.enum(CAMPAIGN_STATUSES),
    sendAt: z.number().int().nullable(),
    startedAt: z.number().int().nullable(),
    finishedAt: z.number().int().nullable(),
    createdAt: z.number().int(),
    report: CampaignReport,
  })
  .openapi("AutomationCampaign");
export type CampaignView = z.infer<typeof CampaignView>;

/** The composer form's body: flat fields, one text per language; a saved segment, or a static list (the customers list's selection). */
export const CampaignCompose = z
  .object({
    name: Text(200),
    segmentId: z.string().min(1).max(64).optional(),
    listId: z.string().min(1).max(64).optional(),
    channel: z.enum(["sms", "email"]),
    textFa: Text(2000),
    textEn: Text(2000),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.segmentId === undefined) === (value.listId === undefined)) ctx.addIssue({ code: "custom", message: "segment_or_list", path: ["segmentId"] });
  })
  .openapi("AutomationCampaignCompose");

export const CampaignComposed = z
  .object({ id: z.string(), audience: z.number().int(), reachable: z.number().int(), parts: z.number().int().nullable(), totalCost: Money })
  .openapi("AutomationCampaignComposed");
