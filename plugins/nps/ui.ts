// The plugin's UI surfaces as blocks: the page (score, trend, distribution, response rate,
// breakdown, comments, testimonials, surveys with their audience and SMS cost, the editor), the
// customer panel (their answers over time) and the dashboard card (current NPS and its trend).
import { formatMoney, savedSegments, type PluginContext, type UiBlock } from "../../worker/plugin-api";
import type { NpsEvents } from "./events";
import { audienceCount } from "./queue";
import { listResponses } from "./responses";
import { breakdown, results } from "./results";
import type { NpsSettings } from "./settings";
import { listSurveys } from "./surveys";
import { BAND_NAMES } from "./texts";
import { smsPreview } from "./preview";

type Ctx = PluginContext<NpsSettings, NpsEvents>;
const both = (en: string, fa: string) => ({ en, fa });

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
  const comments = await listResponses(ctx, { withComment: true }, null, 20);
  const testimonials = await listResponses(ctx, { testimonials: true }, null, 20);
  const surveys = await listSurveys(ctx, null, 20);
  const blocks: UiBlock[] = [
    scoreStats(figures.overall, [{ label: both("Response rate", "نرخ پاسخ"), value: figures.overall.responseRate, format: "percent" }, { label: both("Delivered", "رسیده"), value: figures.overall.delivered, format: "number" }]),
    trend(figures.periods),
    { type: "chart", kind: "bar", title: both("Answers by score (0–10)", "پاسخ‌ها بر پایهٔ امتیاز (۰ تا ۱۰)"), format: "number", series: [{ name: both("Answers", "پاسخ"), points: figures.distribution.map((n, score) => ({ label: String(score), value: n })) }] },
    {
      type: "table",
      title: both("By customer stage", "بر پایهٔ مرحلهٔ مشتری"),
      columns: [
        { key: "group", label: both("Stage", "مرحله") },
        { key: "score", label: both("NPS", "NPS"), format: "number" },
        { key: "responses", label: both("Customers answered", "پاسخ‌دهندگان"), format: "number" },
      ],
      rows: byStage.map((g) => ({ group: g.label, score: g.score, responses: g.responses })),
      empty: both("No answers yet.", "هنوز پاسخی نیامده است."),
    },
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
  const segments = await savedSegments(ctx, 50);
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
      successText: both("Queued {queued}, skipped {skipped} (asked recently).", "{queued} در صف، {skipped} کنار گذاشته شد (به‌تازگی پرسیده شده)."),
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
