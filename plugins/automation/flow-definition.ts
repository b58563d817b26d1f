// A flow as stored and published: a trigger, entry conditions, a flat list of steps (a branch or
// a split jumps to a step by its index), a goal and a re-entry policy, validated by zod. Steps are
// checked one by one, so an editor shows each problem at its step (`steps.2.days`).
import { z } from "@hono/zod-openapi";
import { SegmentFilter, webhookUrlRefusal } from "../../worker/plugin-api";

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time_of_day");
const Tag = z.string().trim().min(1).max(40);
const Localized = z.object({ en: z.string().trim().min(1).max(2000), fa: z.string().trim().min(1).max(2000) });

/**
 * Events a flow can start on: core's about a customer, and two of other plugins' (received by name
 * where that plugin is compiled in): `nps.detractor` and `loyalty.tier_changed`.
 */
export const TRIGGER_EVENTS = [
  "customer.created",
  "order.created",
  "order.paid",
  "order.refunded",
  "customer.stage_changed",
  "interaction.logged",
  "message.received",
  "nps.detractor",
  "loyalty.tier_changed",
] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export const FlowTrigger = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("event"),
    event: z.enum(TRIGGER_EVENTS),
    /** customer.stage_changed: only into these stages (e.g. lapsed). */
    toStages: z.array(z.enum(["prospect", "new", "active", "at_risk", "lapsed", "won_back"])).min(1).optional(),
    /** order.paid: only the customer's n-th order (2 = the second). */
    orderNumber: z.number().int().min(1).max(100).optional(),
  }),
  z.object({
    type: z.literal("date"),
    /** The customer's birthday, on the Jalali (Persian) or Gregorian calendar. */
    field: z.literal("birthday"),
    calendar: z.enum(["persian", "gregorian"]).default("persian"),
    at: Time.default("10:00"),
  }),
  /** A customer newly matching a saved segment (found by a scan every few minutes; members when the flow was published are not new). */
  z.object({ type: z.literal("segment"), segmentId: z.string().min(1).max(64) }),
  /** Everyone matching the entry conditions, every N days or on a weekday (0 = Sunday … 6 = Saturday), at a local time. */
  z.object({
    type: z.literal("recurring"),
    everyDays: z.number().int().min(1).max(365).optional(),
    weekday: z.number().int().min(0).max(6).optional(),
    at: Time.default("10:00"),
  }),
]);
export type FlowTrigger = z.infer<typeof FlowTrigger>;

export const FlowStep = z.discriminatedUnion("type", [
  z.object({ type: z.literal("wait"), days: z.number().int().min(0).max(365).default(0), hours: z.number().int().min(0).max(23).default(0), minutes: z.number().int().min(0).max(59).default(0) }),
  z.object({ type: z.literal("wait_until"), time: Time }),
  z.object({ type: z.literal("wait_business_day"), time: Time.default("10:00") }),
  /** Go on when the customer matches the filter, or has ordered since entering; else jump to `elseGoTo`. */
  z.object({ type: z.literal("branch"), filter: SegmentFilter.optional(), orderedSinceEntry: z.boolean().optional(), elseGoTo: z.number().int().min(0) }),
  /** Each customer goes to one arm's step, in proportion to `percent` (an A/B test). */
  z.object({ type: z.literal("split"), arms: z.array(z.object({ name: z.string().trim().min(1).max(40), percent: z.number().int().min(1).max(100), goTo: z.number().int().min(0) })).min(2).max(5) }),
  z.object({
    type: z.literal("send"),
    channel: z.enum(["sms", "email"]),
    template: z.string().trim().min(1).max(100).optional(),
    body: Localized.optional(),
    subject: Localized.optional(),
    link: z.url({ protocol: /^https?$/ }).optional(),
    /** Marketing (quiet hours, caps) unless the message is one the customer expects. */
    transactional: z.boolean().default(false),
  }),
  z.object({ type: z.literal("add_tag"), tag: Tag }),
  z.object({ type: z.literal("remove_tag"), tag: Tag }),
  /** A custom attribute of the customer (null removes it). */
  z.object({ type: z.literal("set_attribute"), key: z.string().trim().min(1).max(64), value: z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]) }),
  /** A follow-up task for staff: the customer's owner (or a given member, or no one when they have none), due in N days. */
  z.object({
    type: z.literal("task"),
    title: z.string().trim().min(1).max(200),
    assignee: z.union([z.literal("customer_owner"), z.string().min(1).max(64)]).default("customer_owner"),
    dueInDays: z.number().int().min(0).max(365).default(1),
  }),
  /** A signed POST to a public https URL with the customer and the flow; retried with back-off, then recorded as failed. */
  z.object({ type: z.literal("webhook"), url: z.url({ protocol: /^https$/ }).max(2000) }),
  /**
   * A single-use personal discount coupon from the loyalty club (when it is on): a percent or an
   * amount (minor units) off, valid for N days. Its code fills `{coupon}` in the sends after it.
   */
  z.object({
    type: z.literal("coupon"),
    percent: z.number().int().min(1).max(100).optional(),
    amount: z.number().int().min(1).max(1_000_000_000_000).optional(),
    expiresInDays: z.number().int().min(1).max(365).default(7),
  }),
  /** Points on the loyalty club's ledger (when it is on), with the reason the member sees. */
  z.object({ type: z.literal("points"), points: z.number().int().min(1).max(1_000_000), reason: z.string().trim().min(1).max(200) }),
  /** Ask the satisfaction survey (the NPS plugin's, when it is on): queued and asked within the hour, under its throttle. */
  z.object({ type: z.literal("nps_survey") }),
  z.object({ type: z.literal("exit") }),
]);
export type FlowStep = z.infer<typeof FlowStep>;

/** Whether a text (in either language) has the `{coupon}` placeholder. */
export const usesCoupon = (text: { en: string; fa: string }) => text.en.includes("{coupon}") || text.fa.includes("{coupon}");

export const FlowDefinition = z
  .object({
    trigger: FlowTrigger,
    /** Entry conditions: the customer must match this filter when the trigger fires. */
    conditions: SegmentFilter.optional(),
    steps: z.array(FlowStep).min(1).max(50),
    /** An order within this many days of entering exits the customer with one conversion. */
    goal: z.object({ type: z.literal("order"), withinDays: z.number().int().min(1).max(90) }).optional(),
    reentry: z.discriminatedUnion("policy", [z.object({ policy: z.literal("never") }), z.object({ policy: z.literal("after_days"), days: z.number().int().min(1).max(3650) })]).default({ policy: "never" }),
    /** Days that are not business days besides Friday (YYYY-MM-DD, local). */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(366).default([]),
    /** Messages this flow sends per local day at most; the rest are skipped (recorded as `skipped:flow_daily_limit`). */
    dailySendLimit: z.number().int().min(1).max(1_000_000).optional(),
  })
  .superRefine((flow, ctx) => {
    if (flow.trigger.type === "recurring" && (flow.trigger.everyDays === undefined) === (flow.trigger.weekday === undefined)) {
      ctx.addIssue({ code: "custom", message: "every_days_or_weekday", path: ["trigger", "everyDays"] });
    }
    flow.steps.forEach((step, index) => {
      const jump = (target: number, path: (string | number)[]) => {
        if (target >= flow.steps.length || target <= index) ctx.addIssue({ code: "custom", message: "step_jump_forward", path: ["steps", index, ...path] });
      };
      if (step.type === "branch") {
        jump(step.elseGoTo, ["elseGoTo"]);
        if (!step.filter && !step.orderedSinceEntry) ctx.addIssue({ code: "custom", message: "branch_condition", path: ["steps", index, "filter"] });
      }
      if (step.type === "split") {
        step.arms.forEach((arm, arm_) => jump(arm.goTo, ["arms", arm_, "goTo"]));
        if (step.arms.reduce((sum, arm) => sum + arm.percent, 0) !== 100) ctx.addIssue({ code: "custom", message: "split_total_100", path: ["steps", index, "arms"] });
      }
      if (step.type === "webhook") {
        const refusal = webhookUrlRefusal(step.url);
        if (refusal) ctx.addIssue({ code: "custom", message: refusal, path: ["steps", index, "url"] });
      }
      if (step.type === "coupon" && (step.percent === undefined) === (step.amount === undefined)) ctx.addIssue({ code: "custom", message: "percent_or_amount", path: ["steps", index, "percent"] });
      if (step.type === "send" && (step.template === undefined) === (step.body === undefined)) ctx.addIssue({ code: "custom", message: "template_or_body", path: ["steps", index, "body"] });
      // {coupon} is the code of a coupon step before the send: without one there is nothing to fill it.
      if (step.type === "send" && step.body && usesCoupon(step.body) && !flow.steps.slice(0, index).some((earlier) => earlier.type === "coupon")) {
        ctx.addIssue({ code: "custom", message: "coupon_step_missing", path: ["steps", index, "body"] });
      }
    });
  })
  .openapi("AutomationFlowDefinition");
export type FlowDefinition = z.infer<typeof FlowDefinition>;
