// The plugin's UI surfaces as blocks: the page (score, trend, distribution, response rate,
// breakdown, comments, testimonials, surveys with their audience and SMS cost, the editor), the
// customer panel (their answers over time) and the dashboard card (current NPS and its trend).
import { formatMoney, savedSegments, uiText as both, type PluginContext, type UiBlock, type UiText } from "../../worker/plugin-api";
import type { NpsEvents } from "./events";
import { audienceCount } from "./queue";
import { listResponses } from "./responses";
import { breakdown, results, type BreakdownGroup } from "./results";
import { latestCampaigns } from "./campaign-chunks";
import type { NpsSettings } from "./settings";
import { listSurveys, type SurveyRow } from "./surveys";
import { BAND_NAMES, DEFAULT_REFERRAL_INVITE, numberIn } from "./texts";
import { smsPreview } from "./preview";

type Ctx = PluginContext<NpsSettings, NpsEvents>;
/** Saved segments whose score the page shows (each is two queries). */
const SEGMENTS_SHOWN = 3;
/** Surveys the page offers to edit (the newest). */
const SURVEYS_EDITABLE = 3;

function breakdownTable(title: UiText, groupLabel: UiText, groups: BreakdownGroup[]): UiBlock {
  return {
    type: "table",
    title,
    columns: [
      { key: "group", label: groupLabel },
      { key: "score", label: both("NPS", "NPS"), format: "number" },
      { key: "margin", label: both("Margin (±)", "خطا (±)"), format: "number" },
      { key: "responses", label: both("Answers", "پاسخ‌ها"), format: "number" },
    ],
    rows: groups.map((g) => ({ group: g.label, score: g.score, margin: g.marginOfError, responses: g.responses })),
    empty: both("No answers yet.", "هنوز پاسخی نیامده است."),
  };
}

const SKIP_REASONS: Record<string, { en: string; fa: string }> = {
  throttled: both("asked recently", "به‌تازگی پرسیده شده"),
  daily_cap: both("daily cap", "سقف روزانه"),
  survey_paused: both("survey paused", "نظرسنجی متوقف"),
  no_consent: both("no consent", "بدون رضایت"),
  no_address: both("no address", "بدون نشانی"),
  capped: both("message cap", "سقف پیام"),
  daily_limit: both("daily limit", "سقف روزانهٔ ارسال"),
};

function skipsText(reasons: Record<string, number>): UiText {
  const entries = Object.entries(reasons).filter(([, n]) => n > 0);
  const words = (locale: "en" | "fa") =>
    entries.map(([reason, n]) => `${SKIP_REASONS[reason]?.[locale] ?? reason}: ${numberIn(n, locale)}`).join(locale === "fa" ? "، " : ", ") || "—";
  return both(words("en"), words("fa"));
}

/** The latest sends to a segment or everyone, with their progress. */
async function campaignsTable(ctx: Ctx, surveys: SurveyRow[]): Promise<UiBlock> {
  const names = new Map(surveys.map((survey) => [survey.id, survey.name]));
  const campaigns = await latestCampaigns(ctx, 5);
  return {
    type: "table",
    title: both("Sends", "ارسال‌ها"),
    columns: [
      { key: "survey", label: both("Survey", "نظرسنجی") },
      { key: "startsAt", label: both("From", "از"), format: "datetime" },
      { key: "status", label: both("Status", "وضعیت"), format: "badge" },
      { key: "audience", label: both("Audience", "مخاطبان"), format: "number" },
      { key: "sent", label: both("Sent", "ارسال‌شده"), format: "number" },
      { key: "deferred", label: both("Deferred (quiet hours)", "به تعویق (ساعت سکوت)"), format: "number" },
      { key: "failed", label: both("Failed", "ناموفق"), format: "number" },
      { key: "skipped", label: both("Skipped, by reason", "کنار گذاشته، به دلیل") },
    ],
    rows: campaigns.map((c) => ({
      survey: names.get(c.surveyId) ?? c.surveyId,
      startsAt: new Date(c.notBefore).toISOString(),
      status: c.status === "done" ? both("Done", "پایان‌یافته") : both("Sending", "در حال ارسال"),
      audience: c.audience,
      sent: c.sent,
      deferred: c.deferred,
      failed: c.failed,
      skipped: skipsText(c.skipReasons),
    })),
    empty: both("Nothing sent to a segment yet.", "هنوز به گروهی ارسال نشده است."),
  };
}

/** A form that edits one survey: every text in both languages, the review link, channel and timing. */
function surveyEditor(survey: SurveyRow): UiBlock {
  // One field per language: `question.en` and `question.fa` make the body's { question: { en, fa } }.
  const texts = (name: string, label: { en: string; fa: string }, value: { en: string; fa: string }, input: "text" | "textarea" = "text") => [
    { name: `${name}.en`, label: both(`${label.en} (English)`, `${label.fa} (انگلیسی)`), input, required: true, default: value.en },
    { name: `${name}.fa`, label: both(`${label.en} (Persian)`, `${label.fa} (فارسی)`), input, required: true, default: value.fa },
  ];
  return {
    type: "form",
    title: both(`Edit “${survey.name}”`, `ویرایش «${survey.name}»`),
    request: { method: "PATCH", path: `/surveys/${survey.id}` },
    fields: [
      { name: "name", label: both("Name", "نام"), input: "text", required: true, default: survey.name },
      ...texts("question", both("Question", "پرسش"), survey.question, "textarea"),
      ...texts("followUps.detractor", both("Follow-up for detractors (0–6)", "پرسش پیگیری برای ناراضی‌ها (۰ تا ۶)"), survey.followUps.detractor),
      ...texts("followUps.passive", both("Follow-up for passives (7–8)", "پرسش پیگیری برای بی‌طرف‌ها (۷ و ۸)"), survey.followUps.passive),
      ...texts("followUps.promoter", both("Follow-up for promoters (9–10)", "پرسش پیگیری برای مشوق‌ها (۹ و ۱۰)"), survey.followUps.promoter),
      ...texts("thankYou", both("Thank-you text", "متن سپاس"), survey.thankYou),
      ...texts("referralInvite", both("Invitation to refer a friend (promoters)", "دعوت به معرفی دوست (مشوق‌ها)"), survey.referralInvite ?? DEFAULT_REFERRAL_INVITE),
      { name: "reviewUrl", label: both("Review link (shown to everyone who answers)", "پیوند نقد و نظر (برای همهٔ پاسخ‌دهندگان)"), input: "text", placeholder: "https://", emptyAs: "null", help: both("Empty: no review link.", "خالی: بدون پیوند."), ...(survey.reviewUrl && { default: survey.reviewUrl }) },
      { name: "channel", label: both("Channel", "روش"), input: "select", required: true, options: [{ value: "sms", label: both("SMS", "پیامک") }, { value: "email", label: both("E-mail", "ایمیل") }], default: survey.channel },
      { name: "delayDays", label: both("Days after the order", "روز پس از سفارش"), input: "number", help: both("For surveys asked after each paid order (0–60).", "برای نظرسنجی پس از هر سفارش پرداخت‌شده (۰ تا ۶۰)."), default: survey.delayDays },
      { name: "reminderDays", label: both("Remind non-responders after (days)", "یادآوری به پاسخ‌ندادگان پس از (روز)"), input: "number", emptyAs: "null", help: both("Once, 1–30 days; empty: no reminder.", "یک بار، ۱ تا ۳۰ روز؛ خالی: بدون یادآوری."), ...(survey.reminderDays !== null && { default: survey.reminderDays }) },
    ],
    submitLabel: both("Save", "ذخیره"),
  };
}


function scoreStats(figures: { score: number | null; marginOfError: number | null; responses: number }, extra: Array<{ label: { en: string; fa: string }; value: number | null; format: "number" | "percent" }>): UiBlock {
  return {
    type: "stats",
    items: [
      {
        label: both("NPS", "امتیاز NPS"),
        value: figures.score,
        format: "number",
        ...(figures.marginOfError !== null && { hint: both(`± ${figures.marginOfError} (fewer than 30 responses)`, `± ${new Intl.NumberFormat("fa-IR").format(figures.marginOfError)} (کمتر از ۳۰ پاسخ)`) }),
        ...(figures.score === null && { hint: both("No responses yet", "هنوز پاسخی نیامده") }),
      },
      { label: both("Responses", "پاسخ‌ها"), value: figures.responses, format: "number" },
      ...extra,
    ],
  };
}

function trend(periods: Array<{ label: { en: string; fa: string }; score: number | null }>): UiBlock {
  return { type: "chart", kind: "line", title: both("NPS over time", "روند NPS"), format: "number", series: [{ name: both("NPS", "NPS"), points: periods.map((p) => ({ label: p.label, value: p.score ?? 0 })) }] };
}

export async function npsPage(ctx: Ctx, can: { manage: boolean }): Promise<UiBlock[]> {
  const figures = await results(ctx, { period: "month" });
  const byStage = await breakdown(ctx, "stage");
  const byRfm = await breakdown(ctx, "rfm");
  const byChannel = await breakdown(ctx, "channel");
  const segments = await savedSegments(ctx, 50);
  const bySegment = [];
  for (const segment of segments.slice(0, SEGMENTS_SHOWN)) bySegment.push(...(await breakdown(ctx, "segment", segment.id)));
  const comments = await listResponses(ctx, { withComment: true }, null, 20);
  const testimonials = await listResponses(ctx, { testimonials: true }, null, 20);
  const surveys = await listSurveys(ctx, null, 20);
  const blocks: UiBlock[] = [
    scoreStats(figures.overall, [{ label: both("Response rate", "نرخ پاسخ"), value: figures.overall.responseRate, format: "percent" }, { label: both("Delivered", "رسیده"), value: figures.overall.delivered, format: "number" }]),
    trend(figures.periods),
    { type: "chart", kind: "bar", title: both("Answers by score (0–10)", "پاسخ‌ها بر پایهٔ امتیاز (۰ تا ۱۰)"), format: "number", series: [{ name: both("Answers", "پاسخ"), points: figures.distribution.map((n, score) => ({ label: String(score), value: n })) }] },
    breakdownTable(both("By channel", "بر پایهٔ روش ارسال"), both("Channel", "روش"), byChannel),
    breakdownTable(both("By customer stage", "بر پایهٔ مرحلهٔ مشتری"), both("Stage", "مرحله"), byStage),
    breakdownTable(both("By RFM group", "بر پایهٔ گروه RFM"), both("RFM group", "گروه RFM"), byRfm),
    breakdownTable(both("By saved segment", "بر پایهٔ گروه‌های ذخیره‌شده"), both("Segment", "گروه"), bySegment),
    {
      type: "table",
      title: both("Latest comments", "تازه‌ترین نظرها"),
      columns: [
        { key: "answeredAt", label: both("Answered", "زمان پاسخ"), format: "datetime" },
        { key: "score", label: both("Score", "امتیاز"), format: "number" },
        { key: "band", label: both("Band", "گروه"), format: "badge" },
        { key: "comment", label: both("Comment", "نظر") },
      ],
      rows: comments.slice(0, 20).map((r) => ({ answeredAt: r.answeredAt, score: r.score, band: BAND_NAMES[r.band], comment: r.comment })),
      empty: both("No comments yet.", "هنوز نظری نیامده است."),
    },
    {
      type: "table",
      title: both("Testimonials (quoted with consent)", "توصیه‌نامه‌ها (با رضایت برای نقل)"),
      columns: [
        { key: "comment", label: both("Comment", "نظر") },
        { key: "score", label: both("Score", "امتیاز"), format: "number" },
        { key: "consentAt", label: both("Consent given", "زمان رضایت"), format: "datetime" },
      ],
      rows: testimonials.slice(0, 20).map((r) => ({ comment: r.comment, score: r.score, consentAt: r.testimonialConsentAt })),
      empty: both("None yet: promoters can agree on the answer page.", "هنوز نیست: مشوق‌ها در صفحهٔ پاسخ می‌توانند رضایت دهند."),
    },
  ];
  const rows = [];
  for (const survey of surveys.slice(0, 5)) {
    const audience = await audienceCount(ctx, survey.channel, null);
    const preview = survey.channel === "sms" ? await smsPreview(ctx, survey, audience?.withConsent ?? 0) : null;
    rows.push({
      name: survey.name,
      channel: survey.channel === "sms" ? both("SMS", "پیامک") : both("E-mail", "ایمیل"),
      trigger: survey.trigger === "after_order" ? both(`${survey.delayDays} days after each paid order`, `${new Intl.NumberFormat("fa-IR").format(survey.delayDays)} روز پس از هر سفارش پرداخت‌شده`) : both("Sent by hand", "ارسال دستی"),
      audience: audience?.withConsent ?? 0,
      parts: preview?.parts ?? null,
      cost: preview?.totalCost ? formatMoney(ctx, preview.totalCost.amount, preview.totalCost.currency) : null,
      id: survey.id,
    });
  }
  blocks.push({
    type: "table",
    title: both("Surveys", "نظرسنجی‌ها"),
    columns: [
      { key: "name", label: both("Survey", "نظرسنجی") },
      { key: "channel", label: both("Channel", "روش") },
      { key: "trigger", label: both("When", "زمان") },
      { key: "audience", label: both("Customers with consent", "مشتریان با رضایت"), format: "number" },
      { key: "parts", label: both("SMS parts", "تعداد بخش پیامک"), format: "number" },
      { key: "cost", label: both("Cost to all", "هزینهٔ ارسال به همه") },
      { key: "id", label: both("Id", "شناسه"), format: "code" },
    ],
    rows,
    empty: both("No surveys yet.", "هنوز نظرسنجی‌ای نیست."),
  });
  if (!can.manage) return blocks;
  blocks.push(await campaignsTable(ctx, surveys));
  if (surveys.length > 0)
    blocks.push({
      type: "form",
      title: both("Send a survey", "ارسال نظرسنجی"),
      request: { method: "POST", path: "/surveys/{surveyId}/send" },
      fields: [
        { name: "surveyId", label: both("Survey", "نظرسنجی"), input: "select", required: true, options: surveys.map((s) => ({ value: s.id, label: s.name })) },
        { name: "segmentId", label: both("To", "به"), input: "select", options: [{ value: "", label: both("Everyone with consent", "همهٔ مشتریان با رضایت") }, ...segments.map((s) => ({ value: s.id, label: s.name }))] },
        { name: "at", label: both("At (local time, HH:MM; empty: now)", "ساعت (به وقت محلی، HH:MM؛ خالی: اکنون)"), input: "text", placeholder: "10:00" },
      ],
      submitLabel: both("Send", "ارسال"),
      successText: both("Sending to {audience} customers with consent; the progress is under “Sends”.", "ارسال به {audience} مشتری با رضایت؛ پیشرفت آن در «ارسال‌ها» است."),
    });
  blocks.push({
    type: "form",
    title: both("New survey", "نظرسنجی تازه"),
    request: { method: "POST", path: "/surveys" },
    fields: [
      { name: "name", label: both("Name", "نام"), input: "text", required: true },
      { name: "channel", label: both("Channel", "روش"), input: "select", options: [{ value: "sms", label: both("SMS", "پیامک") }, { value: "email", label: both("E-mail", "ایمیل") }], default: "sms" },
      { name: "trigger", label: both("When", "زمان"), input: "select", options: [{ value: "manual", label: both("Sent by hand", "ارسال دستی") }, { value: "after_order", label: both("After each paid order", "پس از هر سفارش پرداخت‌شده") }], default: "manual" },
      { name: "delayDays", label: both("Days after the order", "روز پس از سفارش"), input: "number", default: 3 },
      { name: "reviewUrl", label: both("Review link (optional)", "پیوند نقد و نظر (اختیاری)"), input: "text" },
    ],
    submitLabel: both("Create", "ساختن"),
  });
  for (const survey of surveys.slice(0, SURVEYS_EDITABLE)) blocks.push(surveyEditor(survey));
  return blocks;
}

export async function customerPanel(ctx: Ctx, customerId: string): Promise<UiBlock[]> {
  const answers = await listResponses(ctx, { customerId }, null, 20);
  const last = answers[0];
  return [
    {
      type: "stats",
      items: [
        { label: both("Last score", "آخرین امتیاز"), value: last?.score ?? null, format: "number" },
        { label: both("Band", "گروه"), value: last ? BAND_NAMES[last.band] : null, format: "badge" },
        { label: both("Answered", "زمان پاسخ"), value: last?.answeredAt ?? null, format: "datetime" },
      ],
    },
    {
      type: "table",
      columns: [
        { key: "answeredAt", label: both("Answered", "زمان پاسخ"), format: "datetime" },
        { key: "score", label: both("Score", "امتیاز"), format: "number" },
        { key: "comment", label: both("Comment", "نظر") },
      ],
      rows: answers.slice(0, 20).map((r) => ({ answeredAt: r.answeredAt, score: r.score, comment: r.comment })),
      empty: both("Has not answered a survey.", "به نظرسنجی‌ای پاسخ نداده است."),
    },
  ];
}

export async function dashboardCard(ctx: Ctx): Promise<UiBlock[]> {
  const figures = await results(ctx, { period: "month" });
  return [scoreStats(figures.overall, []), trend(figures.periods)];
}
