// The flow editor (the automation page with `?flow={id}`): the flow's trigger, entry conditions,
// goal and limits above its draft's steps (a step list, one small form per step whose fields follow
// its kind), saved as the draft or saved and published; the audience now and a dry run on a
// customer. The server's validation of the definition names each problem at its field.
import { activeMembers, savedSegments, uiText as both, type PluginContext, type UiBlock } from "../../worker/plugin-api";
import { flowAudience } from "./flow-audience";
import { LOYALTY, LOYALTY_ACTIONS } from "./flow-loyalty";
import { outcomeText } from "./flow-outcomes";
import { flowReport } from "./flow-report";
import { NPS, NPS_ASK } from "./flow-survey";
import { automationFlows as flows } from "./schema";
import { flowSettingsFields, STAGES } from "./ui-flow-settings";

type Field = Extract<UiBlock, { type: "steps" }>["kinds"][number]["fields"][number];

const time = (name: string, en: string, fa: string, fallback?: string): Field => ({
  name,
  label: both(en, fa),
  input: "time",
  required: true,
  placeholder: both("10:00", "۱۰:۰۰"),
  help: both("Local time, 24-hour (HH:MM).", "ساعت محلی، ۲۴ساعته (ساعت:دقیقه)."),
  ...(fallback ? { default: fallback } : {}),
});

/** The coupon and points steps: offered always, saying so when the loyalty club they need is off (the step is then skipped). */
function loyaltyKinds(loyaltyOn: boolean) {
  const off = loyaltyOn ? "" : " — needs the loyalty club";
  const offFa = loyaltyOn ? "" : " — نیازمند باشگاه مشتریان";
  const needs = loyaltyOn
    ? undefined
    : both(
        "Needs the loyalty club, which is off in this workspace: until it is switched on, this step is skipped (and a message using {coupon} is not sent).",
        "نیازمند باشگاه مشتریان است که در این کسب‌وکار خاموش است: تا روشن نشود این گام انجام نمی‌شود (و پیامی که {coupon} دارد فرستاده نمی‌شود).",
      );
  return [
    {
      value: "coupon",
      label: both(`Give a discount coupon${off}`, `دادن کد تخفیف${offFa}`),
      fields: [
        {
          name: "percent",
          label: both("Percent off", "درصد تخفیف"),
          input: "number",
          help: needs ?? both("A single-use code of the customer's own. Put {coupon} in a message after this step to send it.", "کدی یک‌بارمصرف مخصوص همین مشتری. برای فرستادن آن، {coupon} را در پیامی پس از این گام بگذارید."),
        },
        { name: "amount", label: both("Or an amount off", "یا مبلغ تخفیف"), input: "number", help: both("In the shop's currency; fill in one of the two.", "به واحد پول فروشگاه؛ یکی از این دو را پر کنید.") },
        { name: "expiresInDays", label: both("Valid for days", "مهلت استفاده (روز)"), input: "number", required: true, default: 7 },
      ],
    },
    {
      value: "points",
      label: both(`Give loyalty points${off}`, `دادن امتیاز باشگاه${offFa}`),
      fields: [
        { name: "points", label: both("Points", "امتیاز"), input: "number", required: true, ...(needs ? { help: needs } : {}) },
        { name: "reason", label: both("Reason (shown in the member's history)", "دلیل (در تاریخچهٔ عضو دیده می‌شود)"), input: "text", required: true },
      ],
    },
  ] satisfies Array<{ value: string; label: { en: string; fa: string }; fields: Field[] }>;
}

function stepKinds(members: Array<{ id: string; name: string }>, loyaltyOn: boolean, npsOn: boolean) {
  const arm = (n: 0 | 1, name: string): Field[] => [
    { name: `arms.${n}.name`, label: both(`Arm ${n + 1}: name`, `شاخهٔ ${n ? "۲" : "۱"}: نام`), input: "text", required: true, default: name },
    { name: `arms.${n}.percent`, label: both(`Arm ${n + 1}: percent`, `شاخهٔ ${n ? "۲" : "۱"}: درصد`), input: "number", required: true, default: 50 },
    { name: `arms.${n}.goTo`, label: both(`Arm ${n + 1}: go to`, `شاخهٔ ${n ? "۲" : "۱"}: رفتن به`), input: "item", required: true },
  ];
  return [
    {
      value: "wait",
      label: both("Wait", "صبر"),
      fields: [
        { name: "days", label: both("Days", "روز"), input: "number", default: 1 },
        { name: "hours", label: both("Hours", "ساعت"), input: "number", default: 0 },
        { name: "minutes", label: both("Minutes", "دقیقه"), input: "number", default: 0 },
      ],
    },
    { value: "wait_until", label: both("Wait until a time of day", "صبر تا ساعتی از روز"), fields: [time("time", "Time", "ساعت")] },
    { value: "wait_business_day", label: both("Wait until the next business day", "صبر تا روز کاری بعد"), fields: [time("time", "At", "ساعت", "10:00")] },
    {
      value: "send",
      label: both("Send a message", "ارسال پیام"),
      fields: [
        { name: "channel", label: both("Channel", "روش ارسال"), input: "select", required: true, default: "sms", options: [{ value: "sms", label: both("SMS", "پیامک") }, { value: "email", label: both("E-mail", "ایمیل") }] },
        { name: "body.fa", label: both("Text in Persian", "متن فارسی"), input: "textarea", help: both("{firstName} and {shopName} are filled in; {coupon} is the code of a coupon step before this one.", "{firstName} و {shopName} جایگزین می‌شوند؛ {coupon} کد گام کد تخفیفِ پیش از این گام است.") },
        { name: "body.en", label: both("Text in English", "متن انگلیسی"), input: "textarea" },
        { name: "template", label: both("Or a saved template's key", "یا کلید یک الگوی ذخیره‌شده"), input: "text" },
        { name: "subject.fa", label: both("E-mail subject in Persian", "موضوع ایمیل به فارسی"), input: "text" },
        { name: "subject.en", label: both("E-mail subject in English", "موضوع ایمیل به انگلیسی"), input: "text" },
        { name: "transactional", label: both("Transactional (an expected message, not marketing)", "اطلاع‌رسانی (پیام مورد انتظار مشتری، نه تبلیغاتی)"), input: "checkbox", default: false },
      ],
    },
    {
      value: "branch",
      label: both("Branch on a condition", "شرط"),
      fields: [
        { name: "orderedSinceEntry", label: both("Has ordered since entering the flow", "از ورود به جریان خرید کرده است"), input: "checkbox" },
        { name: "filter.stages.0", label: both("Or is in the stage", "یا در این مرحله است"), input: "select", options: STAGES.map(([value, en, fa]) => ({ value, label: both(en, fa) })) },
        { name: "filter.tags.any.0", label: both("Or has the tag", "یا این برچسب را دارد"), input: "text" },
        { name: "elseGoTo", label: both("Otherwise go to", "در غیر این صورت برو به"), input: "item", required: true },
      ],
    },
    { value: "split", label: both("Random split (A/B)", "تقسیم تصادفی (آزمون A/B)"), fields: [...arm(0, "A"), ...arm(1, "B")] },
    { value: "add_tag", label: both("Add a tag", "افزودن برچسب"), fields: [{ name: "tag", label: both("Tag", "برچسب"), input: "text", required: true }] },
    { value: "remove_tag", label: both("Remove a tag", "حذف برچسب"), fields: [{ name: "tag", label: both("Tag", "برچسب"), input: "text", required: true }] },
    {
      value: "set_attribute",
      label: both("Set an attribute", "تنظیم ویژگی"),
      fields: [
        { name: "key", label: both("Attribute", "ویژگی"), input: "text", required: true },
        { name: "value", label: both("Value", "مقدار"), input: "text", required: true },
      ],
    },
    {
      value: "task",
      label: both("Create a task", "ایجاد کار"),
      fields: [
        { name: "title", label: both("Task", "کار"), input: "text", required: true },
        {
          name: "assignee",
          label: both("For", "برای"),
          input: "select",
          default: "customer_owner",
          options: [{ value: "customer_owner", label: both("The customer's owner", "مسئول مشتری") }, ...members.map((member) => ({ value: member.id, label: member.name }))],
        },
        { name: "dueInDays", label: both("Due in days", "مهلت (روز)"), input: "number", default: 1 },
      ],
    },
    ...loyaltyKinds(loyaltyOn),
    {
      value: "nps_survey",
      label: both(`Ask the satisfaction survey (NPS)${npsOn ? "" : " — needs the NPS plugin"}`, `پرسیدن نظرسنجی رضایت (NPS)${npsOn ? "" : " — نیازمند افزونهٔ NPS"}`),
      fields: [],
    },
    { value: "webhook", label: both("Call a webhook", "فراخوانی وب‌هوک"), fields: [{ name: "url", label: both("URL (https)", "نشانی (https)"), input: "text", required: true }] },
    { value: "exit", label: both("Exit the flow", "خروج از جریان"), fields: [] },
  ] satisfies Array<{ value: string; label: { en: string; fa: string }; fields: Field[] }>;
}

const STATUS = { draft: both("Draft", "پیش‌نویس"), active: both("Active", "فعال"), paused: both("Paused", "متوقف") } as const;

export async function flowEditor(ctx: PluginContext<unknown>, flow: typeof flows.$inferSelect, can: { manage: boolean }): Promise<UiBlock[]> {
  const [members, report, segments, audience] = await Promise.all([can.manage ? activeMembers(ctx) : [], flowReport(ctx, flow.id), can.manage ? savedSegments(ctx) : [], flowAudience(ctx, flow.draft)]);
  const { steps, ...rest } = flow.draft;
  const dryRunForm: UiBlock = {
    type: "form",
    title: both("Dry run", "اجرای آزمایشی"),
    request: { method: "POST", path: `/ui/flows/${flow.id}/dry-run` },
    fields: [
      {
        name: "customer",
        label: both("Customer: name or mobile", "مشتری: نام یا شمارهٔ موبایل"),
        input: "text",
        required: true,
        help: both("What the saved draft would do to this customer from now, step by step. Nothing is sent or changed.", "آنچه پیش‌نویس ذخیره‌شده از اکنون گام‌به‌گام با این مشتری می‌کند. چیزی فرستاده یا تغییر داده نمی‌شود."),
      },
    ],
    submitLabel: both("Run a dry run", "اجرای آزمایشی"),
    answer: "blocks",
  };
  const blocks: UiBlock[] = [
    { type: "links", items: [{ label: both("All flows and campaigns", "همهٔ جریان‌ها و کمپین‌ها"), query: "?" }] },
    {
      type: "stats",
      items: [
        { label: both("Flow", "جریان"), value: flow.name },
        { label: both("Status", "وضعیت"), value: STATUS[flow.status], format: "badge" },
        { label: both("Published version", "نسخهٔ منتشرشده"), value: flow.version, format: "number" },
        { label: both("Entered", "ورود"), value: report.entered, format: "number" },
        { label: both("Waiting", "در انتظار"), value: report.waiting, format: "number" },
        { label: both("Messages sent", "پیام‌های فرستاده"), value: report.messages.sent + report.messages.deferred, format: "number", hint: both("Sent now or deferred past the quiet hours.", "فرستاده‌شده یا به پس از ساعت سکوت افتاده.") },
        { label: both("Delivered", "تحویل‌شده"), value: report.messages.delivered, format: "number" },
        { label: both("Clicked", "کلیک‌شده"), value: report.messages.clicked, format: "number" },
        { label: both("Conversions", "خرید"), value: report.conversions, format: "number", hint: both("Customers who reached the flow's goal (an order in time).", "مشتریانی که به هدف جریان رسیدند (خرید در مهلت).") },
        { label: both("Audience now", "مخاطبان اکنون"), value: audience, format: "number", hint: both("Customers matching the entry conditions (and the segment) today.", "مشتریانی که امروز با شرط ورود (و بخش) جورند.") },
      ],
    },
  ];
  if (report.steps.length) {
    // What each step did: how many were sent, skipped and why (the loyalty club off, …).
    blocks.push({
      type: "table",
      title: both("What each step did", "آنچه هر گام انجام داد"),
      columns: [
        { key: "step", label: both("Step", "گام"), format: "number" },
        { key: "outcome", label: both("Outcome", "نتیجه") },
        { key: "count", label: both("Customers", "مشتریان"), format: "number" },
        { key: "delivered", label: both("Delivered", "تحویل‌شده"), format: "number" },
        { key: "clicked", label: both("Clicked", "کلیک‌شده"), format: "number" },
      ],
      // A step's messages delivered and clicked are shown on its first row.
      rows: report.steps.flatMap((step) =>
        Object.entries(step.outcomes).map(([outcome, count], row) => ({ step: step.step + 1, outcome: outcomeText(outcome), count, delivered: row === 0 ? step.delivered : null, clicked: row === 0 ? step.clicked : null })),
      ),
    });
  }
  if (!can.manage) {
    blocks.push({ type: "text", tone: "muted", text: both("Only managers edit flows.", "فقط مدیران جریان‌ها را ویرایش می‌کنند.") }, dryRunForm);
    return blocks;
  }
  blocks.push(
    {
      type: "text",
      tone: "info",
      text: both(
        "Steps run from top to bottom. Publishing makes a new version: customers already in the flow finish on theirs.",
        "گام‌ها از بالا به پایین اجرا می‌شوند. انتشار نسخهٔ تازه‌ای می‌سازد و مشتریانی که در جریان هستند با نسخهٔ خود ادامه می‌دهند.",
      ),
    },
    {
      type: "steps",
      title: both("Steps", "گام‌ها"),
      fieldsTitle: both("Trigger, entry, goal and limits", "آغازگر، ورود، هدف و سقف‌ها"),
      fields: flowSettingsFields(segments),
      name: "definition.steps",
      kindKey: "type",
      kinds: stepKinds(members, ctx.hasPluginAction(LOYALTY, LOYALTY_ACTIONS.coupon), ctx.hasPluginAction(NPS, NPS_ASK)),
      items: steps as Array<Record<string, unknown>>,
      itemLabel: both("Step {n}", "گام {n}"),
      maxItems: 50,
      body: { definition: rest },
      submits: [
        { label: both("Save draft", "ذخیرهٔ پیش‌نویس"), request: { method: "PATCH", path: `/flows/${flow.id}` }, successText: both("Draft saved", "پیش‌نویس ذخیره شد") },
        {
          label: both("Save and publish", "ذخیره و انتشار"),
          request: { method: "PATCH", path: `/flows/${flow.id}` },
          then: { method: "POST", path: `/flows/${flow.id}/publish` },
          primary: true,
          successText: both("Published", "منتشر شد"),
        },
      ],
    },
    dryRunForm,
  );
  return blocks;
}
