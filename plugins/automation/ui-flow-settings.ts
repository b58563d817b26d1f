// The flow editor's fields above the steps: what starts the flow (an event, a birthday at a local
// time, entering a saved segment, a recurring schedule), who may enter, the goal, re-entry and the
// daily send limit. They edit the draft's definition in the same body as the steps, so the server's
// problems (body.definition.trigger.event) show at these fields.
import { uiText as both, type UiBlock } from "../../worker/plugin-api";
import { TRIGGER_EVENTS } from "./flow-definition";

type Field = NonNullable<Extract<UiBlock, { type: "steps" }>["fields"]>[number];

export const STAGES = [
  ["prospect", "Prospect", "بالقوه"],
  ["new", "New", "تازه"],
  ["active", "Active", "فعال"],
  ["at_risk", "At risk", "در خطر ریزش"],
  ["lapsed", "Lapsed", "ازدست‌رفته"],
  ["won_back", "Won back", "بازگشته"],
] as const;

/** Sunday first, as the trigger counts them (0–6). */
const WEEKDAYS = [
  ["Sunday", "یکشنبه"],
  ["Monday", "دوشنبه"],
  ["Tuesday", "سه‌شنبه"],
  ["Wednesday", "چهارشنبه"],
  ["Thursday", "پنجشنبه"],
  ["Friday", "جمعه"],
  ["Saturday", "شنبه"],
] as const;

const stageOptions = STAGES.map(([value, en, fa]) => ({ value, label: both(en, fa) }));

const EVENT_WORDS: Record<(typeof TRIGGER_EVENTS)[number], { en: string; fa: string }> = {
  "customer.created": both("A customer is added", "مشتری تازه‌ای افزوده می‌شود"),
  "order.created": both("An order is placed", "سفارشی ثبت می‌شود"),
  "order.paid": both("An order is paid", "سفارشی پرداخت می‌شود"),
  "order.refunded": both("An order is refunded", "مبلغ سفارشی بازپرداخت می‌شود"),
  "customer.stage_changed": both("A customer's stage changes", "مرحلهٔ مشتری تغییر می‌کند"),
  "interaction.logged": both("A call, note or complaint is logged", "تماس، یادداشت یا شکایتی ثبت می‌شود"),
  "message.received": both("A customer replies by SMS", "مشتری با پیامک پاسخ می‌دهد"),
  "nps.detractor": both("A customer gives a low satisfaction score (NPS)", "مشتری امتیاز رضایت پایینی می‌دهد (NPS)"),
  "loyalty.tier_changed": both("A customer's club tier changes (loyalty club)", "سطح مشتری در باشگاه تغییر می‌کند (باشگاه مشتریان)"),
};

const when = (name: string, ...values: string[]) => ({ shownWhen: { name: `definition.${name}`, in: values } });
const at: Field = {
  name: "definition.trigger.at",
  label: both("At (local time)", "ساعت (به وقت محلی)"),
  input: "time",
  required: true,
  default: "10:00",
  placeholder: both("10:00", "۱۰:۰۰"),
  help: both("24-hour (HH:MM).", "۲۴ساعته (ساعت:دقیقه)."),
  ...when("trigger.type", "date", "recurring"),
};

/** The fields, with the saved segments a segment trigger chooses from. */
export function flowSettingsFields(segments: Array<{ id: string; name: string }>): Field[] {
  return [
    {
      name: "definition.trigger.type",
      label: both("Starts when", "آغاز با"),
      input: "select",
      required: true,
      options: [
        { value: "event", label: both("Something happens", "رخ دادن یک رویداد") },
        { value: "date", label: both("A date of the customer's (birthday)", "تاریخی از مشتری (تولد)") },
        { value: "segment", label: both("A customer enters a saved segment", "ورود مشتری به یک بخش ذخیره‌شده") },
        { value: "recurring", label: both("On a schedule", "طبق برنامهٔ زمانی") },
      ],
    },
    { name: "definition.trigger.event", label: both("Event", "رویداد"), input: "select", required: true, options: TRIGGER_EVENTS.map((event) => ({ value: event, label: EVENT_WORDS[event] })), ...when("trigger.type", "event") },
    { name: "definition.trigger.toStages.0", label: both("Only into the stage", "فقط به مرحلهٔ"), input: "select", options: stageOptions, ...when("trigger.event", "customer.stage_changed") },
    {
      name: "definition.trigger.orderNumber",
      label: both("Only the customer's order number", "فقط سفارشِ شمارهٔ"),
      input: "number",
      help: both("2 = their second order; empty = every order.", "۲ یعنی دومین سفارش مشتری؛ خالی یعنی هر سفارش."),
      ...when("trigger.event", "order.paid"),
    },
    { name: "definition.trigger.field", label: both("Date", "تاریخ"), input: "select", required: true, default: "birthday", options: [{ value: "birthday", label: both("Birthday", "تولد") }], ...when("trigger.type", "date") },
    {
      name: "definition.trigger.calendar",
      label: both("Calendar", "تقویم"),
      input: "select",
      required: true,
      default: "persian",
      options: [{ value: "persian", label: both("Persian (Jalali)", "شمسی (جلالی)") }, { value: "gregorian", label: both("Gregorian", "میلادی") }],
      ...when("trigger.type", "date"),
    },
    { name: "definition.trigger.segmentId", label: both("Segment", "بخش مشتریان"), input: "select", required: true, options: segments.map((segment) => ({ value: segment.id, label: segment.name })), ...when("trigger.type", "segment") },
    { name: "definition.trigger.everyDays", label: both("Every how many days", "هر چند روز"), input: "number", help: both("Or a weekday below (one of the two).", "یا روزی از هفته در زیر (یکی از این دو)."), ...when("trigger.type", "recurring") },
    { name: "definition.trigger.weekday", label: both("Or every week on", "یا هر هفته در روز"), input: "select", options: WEEKDAYS.map(([en, fa], day) => ({ value: day, label: both(en, fa) })), ...when("trigger.type", "recurring") },
    at,
    {
      name: "definition.conditions.stages.0",
      label: both("Enters only in the stage", "فقط در مرحلهٔ"),
      input: "select",
      options: stageOptions,
      help: both("Entry conditions: who may enter when the flow starts. Empty = everyone.", "شرط ورود: چه کسی هنگام آغاز وارد می‌شود. خالی یعنی همه."),
    },
    { name: "definition.conditions.tags.any.0", label: both("Enters only with the tag", "فقط با برچسب"), input: "text" },
    { name: "definition.goal.type", label: both("Goal", "هدف"), input: "select", options: [{ value: "order", label: both("An order", "یک سفارش") }], help: both("Reaching it exits the customer and counts one conversion.", "رسیدن به آن مشتری را خارج می‌کند و یک تبدیل می‌شمارد.") },
    { name: "definition.goal.withinDays", label: both("Within days of entering", "ظرف چند روز از ورود"), input: "number", required: true, default: 7, ...when("goal.type", "order") },
    {
      name: "definition.reentry.policy",
      label: both("May enter again", "ورود دوباره"),
      input: "select",
      required: true,
      default: "never",
      options: [{ value: "never", label: both("Never", "هرگز") }, { value: "after_days", label: both("After some days", "پس از چند روز") }],
    },
    { name: "definition.reentry.days", label: both("Days after entering", "چند روز پس از ورود"), input: "number", required: true, default: 30, ...when("reentry.policy", "after_days") },
    {
      name: "definition.dailySendLimit",
      label: both("Messages per day at most", "حداکثر پیام در روز"),
      input: "number",
      help: both("The flow's own limit per local day; empty = no limit. The rest are skipped.", "سقف خود این جریان در هر روز؛ خالی یعنی بدون سقف. بقیه رد می‌شوند."),
    },
  ];
}
