// The automation page: campaign figures, the composer (a form), campaigns with their reports and
// a send button for drafts, flows with theirs, the template gallery and the kill switch. Forms and
// buttons appear only for who may use them.
import { desc, eq } from "drizzle-orm";
import { savedSegments, uiText as both, type PluginContext, type UiBlock } from "../../worker/plugin-api";
import { campaignReport } from "./campaign-report";
import { flowReport } from "./flow-report";
import { FLOW_TEMPLATES } from "./flow-templates";
import { automationCampaigns as campaigns, automationFlows as flows } from "./schema";

const CAMPAIGN_STATUS = {
  draft: both("Draft", "پیش‌نویس"),
  scheduled: both("Scheduled", "زمان‌بندی‌شده"),
  sending: both("Sending", "در حال ارسال"),
  paused: both("Paused", "متوقف"),
  cancelled: both("Cancelled", "لغوشده"),
  done: both("Sent", "ارسال‌شده"),
} as const;

const FLOW_STATUS = { draft: both("Draft", "پیش‌نویس"), active: both("Active", "فعال"), paused: both("Paused", "متوقف") } as const;

/** With `chosen`, the customers list's selection (a static list) is the composer's audience, in place of the segment select. */
export async function automationPage(ctx: PluginContext<unknown>, can: { manage: boolean }, chosen?: { listId: string; count: number }): Promise<UiBlock[]> {
  const [campaignRows, flowRows, segments] = await Promise.all([
    ctx.db.select().from(campaigns).where(eq(campaigns.workspaceId, ctx.workspaceId)).orderBy(desc(campaigns.id)).limit(10),
    ctx.db.select().from(flows).where(eq(flows.workspaceId, ctx.workspaceId)).orderBy(desc(flows.id)).limit(20),
    savedSegments(ctx, 50),
  ]);
  const reports = await Promise.all(campaignRows.map((row) => campaignReport(ctx, row)));
  const flowReports = await Promise.all(flowRows.map((row) => flowReport(ctx, row.id)));
  const total = (pick: (report: (typeof reports)[number]) => number) => reports.reduce((sum, report) => sum + pick(report), 0);

  const blocks: UiBlock[] = [
    {
      type: "stats",
      items: [
        { label: both("Sent (last 10 campaigns)", "ارسال‌شده (۱۰ کمپین آخر)"), value: total((r) => r.sent + r.deferred), format: "number" },
        { label: both("Delivered", "تحویل‌شده"), value: total((r) => r.delivered), format: "number" },
        { label: both("Conversions", "خرید پس از پیام"), value: total((r) => r.conversions), format: "number" },
        { label: both("Revenue", "درآمد"), value: total((r) => r.revenue), format: "money" },
        { label: both("Active flows", "جریان‌های فعال"), value: flowRows.filter((row) => row.status === "active").length, format: "number" },
      ],
    },
  ];
  if (can.manage) {
    const audience = chosen
      ? [] // The audience is fixed: the form's body carries the list.
      : [{ name: "segmentId", label: both("Segment", "بخش مشتریان"), input: "select" as const, required: true, options: segments.map((segment) => ({ value: segment.id, label: segment.name })) }];
    if (chosen) blocks.push({ type: "text", text: both(`The ${chosen.count} customers you chose`, `${chosen.count.toLocaleString("fa-IR")} مشتری که انتخاب کردید`) });
    blocks.push({
      type: "form",
      title: both("New campaign", "کمپین تازه"),
      request: { method: "POST", path: "/campaigns/compose" },
      ...(chosen ? { body: { listId: chosen.listId } } : {}),
      fields: [
        { name: "name", label: both("Name", "نام"), input: "text", required: true },
        ...audience,
        { name: "channel", label: both("Channel", "روش ارسال"), input: "select", required: true, default: "sms", options: [{ value: "sms", label: both("SMS", "پیامک") }, { value: "email", label: both("E-mail", "ایمیل") }] },
        { name: "textFa", label: both("Text in Persian", "متن فارسی"), input: "textarea", required: true, help: both("{firstName} and {shopName} are filled in.", "{firstName} و {shopName} جایگزین می‌شوند.") },
        { name: "textEn", label: both("Text in English", "متن انگلیسی"), input: "textarea", required: true },
      ],
      submitLabel: both("Save as draft", "ذخیرهٔ پیش‌نویس"),
      successText: both(
        "Draft saved: {audience} customers, {reachable} reachable, {parts} SMS parts each, about {totalCost} in all.",
        "پیش‌نویس ذخیره شد: {audience} مشتری، {reachable} قابل ارسال، هر پیام {parts} بخش، در مجموع حدود {totalCost}.",
      ),
      successFormat: { audience: "number", reachable: "number", parts: "number", totalCost: "money" },
    });
  }
  blocks.push({
    type: "table",
    title: both("Campaigns", "کمپین‌ها"),
    columns: [
      { key: "name", label: both("Campaign", "کمپین") },
      { key: "status", label: both("Status", "وضعیت"), format: "badge" },
      { key: "targeted", label: both("Audience", "مخاطبان"), format: "number" },
      { key: "sent", label: both("Sent", "ارسال"), format: "number" },
      { key: "skipped", label: both("Skipped", "ردشده"), format: "number" },
      { key: "delivered", label: both("Delivered", "تحویل"), format: "number" },
      { key: "clicked", label: both("Clicked", "کلیک"), format: "number" },
      { key: "conversions", label: both("Orders", "خرید"), format: "number" },
      { key: "revenue", label: both("Revenue", "درآمد"), format: "money" },
    ],
    rows: campaignRows.map((row, i) => {
      const r = reports[i]!;
      return {
        name: row.name,
        status: CAMPAIGN_STATUS[row.status],
        targeted: r.targeted,
        sent: r.sent + r.deferred,
        skipped: Object.values(r.skipped).reduce((a, b) => a + b, 0),
        delivered: r.delivered,
        clicked: r.clicked,
        conversions: r.conversions,
        revenue: r.revenue,
      };
    }),
    empty: both("No campaigns yet.", "هنوز کمپینی نیست."),
  });
  const drafts = campaignRows.filter((row) => row.status === "draft" || row.status === "sending" || row.status === "paused");
  if (can.manage && drafts.length) {
    blocks.push({
      type: "actions",
      items: drafts.map((row) =>
        row.status === "draft"
          ? { label: both(`Send “${row.name}” now`, `ارسال «${row.name}» اکنون`), request: { method: "POST" as const, path: `/campaigns/${row.id}/send` }, body: {}, confirm: both("Send to the whole audience now?", "اکنون برای همهٔ مخاطبان ارسال شود؟") }
          : row.status === "sending"
            ? { label: both(`Pause “${row.name}”`, `توقف «${row.name}»`), request: { method: "POST" as const, path: `/campaigns/${row.id}/pause` }, body: {} }
            : { label: both(`Resume “${row.name}”`, `ادامهٔ «${row.name}»`), request: { method: "POST" as const, path: `/campaigns/${row.id}/resume` }, body: {} },
      ),
    });
  }
  blocks.push({
    type: "table",
    title: both("Flows", "جریان‌ها"),
    columns: [
      { key: "name", label: both("Flow", "جریان"), link: "?flow={id}" },
      { key: "status", label: both("Status", "وضعیت"), format: "badge" },
      { key: "version", label: both("Version", "نسخه"), format: "number" },
      { key: "entered", label: both("Entered", "ورود"), format: "number" },
      { key: "waiting", label: both("Waiting", "در انتظار"), format: "number" },
      { key: "completed", label: both("Completed", "پایان"), format: "number" },
      { key: "conversions", label: both("Orders", "خرید"), format: "number" },
      { key: "revenue", label: both("Revenue", "درآمد"), format: "money" },
    ],
    rows: flowRows.map((row, i) => ({
      id: row.id,
      name: row.name,
      status: FLOW_STATUS[row.status],
      version: row.version,
      entered: flowReports[i]!.entered,
      waiting: flowReports[i]!.waiting,
      completed: flowReports[i]!.completed,
      conversions: flowReports[i]!.conversions,
      revenue: flowReports[i]!.revenue,
    })),
    empty: both("No flows yet: start from a template below.", "هنوز جریانی نیست: از یکی از الگوهای زیر شروع کنید."),
  });
  if (can.manage) {
    const unpublished = flowRows.filter((row) => row.status !== "active");
    blocks.push({
      type: "actions",
      items: [
        ...FLOW_TEMPLATES.map((template) => ({ label: both(`Add “${template.name.en}”`, `افزودن «${template.name.fa}»`), request: { method: "POST" as const, path: "/flows/from-template" }, body: { template: template.key } })),
        ...unpublished.map((row) => ({ label: both(`Publish “${row.name}”`, `انتشار «${row.name}»`), request: { method: "POST" as const, path: `/flows/${row.id}/${row.status === "paused" ? "resume" : "publish"}` }, body: {} })),
        {
          label: both("Pause every flow", "توقف همهٔ جریان‌ها"),
          request: { method: "POST" as const, path: "/flows/pause-all" },
          body: {},
          tone: "danger" as const,
          confirm: both("Stop every flow of this shop now? Nothing is sent until each is resumed.", "همهٔ جریان‌های این فروشگاه اکنون متوقف شوند؟ تا ادامهٔ هر کدام چیزی ارسال نمی‌شود."),
        },
      ],
    });
    blocks.push({ type: "text", tone: "muted", text: both(FLOW_TEMPLATES.map((t) => `${t.name.en}: ${t.description.en}`).join(" · "), FLOW_TEMPLATES.map((t) => `${t.name.fa}: ${t.description.fa}`).join(" · ")) });
  }
  return blocks;
}
