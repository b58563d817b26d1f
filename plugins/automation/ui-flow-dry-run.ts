// The editor's dry run: a customer found by name or mobile, and what each step of the draft would
// do to them from now and when (the UI shows the times in the workspace's zone and calendar),
// skips with their reasons in words. Nothing is sent or changed (flow-dry-run.ts only reads).
import { and, desc } from "drizzle-orm";
import { customerSearch, customersTable, filterCondition, pluginNotFound, uiText as both, type PluginContext, type UiBlock } from "../../worker/plugin-api";
import { dryRunPaths } from "./flow-dry-run";
import type { DryRunPath, DryRunStep } from "./flow-schemas";
import type { automationFlows as flows } from "./schema";

type Ctx = PluginContext<unknown>;
type Words = { en: string; fa: string };

/** The newest live customers the search finds (a few, to say when it is not the only one). */
async function findCustomers(ctx: Ctx, q: string) {
  return ctx.db
    .select({ id: customersTable.id })
    .from(customersTable)
    .where(and(filterCondition(ctx, {}), await customerSearch(ctx, q)))
    .orderBy(desc(customersTable.id))
    .limit(5);
}

const digits = (n: number): Words => ({ en: String(n), fa: new Intl.NumberFormat("fa-IR", { useGrouping: false }).format(n) });

const channelWords = (channel: DryRunStep["channel"]): Words => (channel === "email" ? both("an e-mail", "ایمیل") : both("an SMS", "پیامک"));

/** What a step would do, as staff read it. */
export function stepWords(entry: DryRunStep): Words {
  const channel = channelWords(entry.channel);
  const what = entry.text ? both(`“${entry.text}”`, `«${entry.text}»`) : both(`the template “${entry.template}”`, `الگوی «${entry.template}»`);
  const parts = entry.parts && entry.parts > 1 ? both(` (${entry.parts} parts)`, ` (${digits(entry.parts).fa} بخش)`) : both("", "");
  switch (entry.does) {
    case "wait":
      return both("Waits until the time under “Until”", "تا زمانِ ستون «تا» صبر می‌کند");
    case "branch_yes":
      return both("The condition holds: goes on to the next step", "شرط برقرار است: به گام بعد می‌رود");
    case "branch_no":
      return both("The condition does not hold: goes to its “otherwise” step", "شرط برقرار نیست: به گامِ «در غیر این صورت» می‌رود");
    case "split":
      return both(`Random split: arm ${entry.arm}`, `تقسیم تصادفی: شاخهٔ ${entry.arm}`);
    case "send":
      return both(`Sends ${channel.en}${parts.en}: ${what.en}`, `${channel.fa} می‌فرستد${parts.fa}: ${what.fa}`);
    case "defer":
      return both(`Holds ${channel.en} for quiet hours and sends it at the time under “Until”: ${what.en}`, `${channel.fa} را برای ساعت سکوت نگه می‌دارد و در زمانِ ستون «تا» می‌فرستد: ${what.fa}`);
    case "skip_no_consent":
      return both(`Skipped: the customer has not agreed to receive ${channel.en}, so they leave the flow`, `رد می‌شود: مشتری با دریافت ${channel.fa} موافقت نکرده است، پس از جریان خارج می‌شود`);
    case "skip_no_address":
      return both(entry.channel === "email" ? "Skipped: the customer has no e-mail address" : "Skipped: the customer has no mobile number", entry.channel === "email" ? "رد می‌شود: مشتری نشانی ایمیل ندارد" : "رد می‌شود: مشتری شمارهٔ موبایل ندارد");
    case "skip_no_coupon":
      return both("Skipped: the message needs a coupon, and no coupon step gave one", "رد می‌شود: پیام کد تخفیف لازم دارد و هیچ گامی کدی نداده است");
    case "skip_loyalty_off":
      return both("Skipped: the loyalty club is off in this workspace", "رد می‌شود: باشگاه مشتریان در این کسب‌وکار خاموش است");
    case "add_tag":
      return both(`Adds the tag “${entry.tag}”`, `برچسب «${entry.tag}» را می‌افزاید`);
    case "remove_tag":
      return both(`Removes the tag “${entry.tag}”`, `برچسب «${entry.tag}» را برمی‌دارد`);
    case "set_attribute":
      return both(`Sets “${entry.attribute?.key}” to “${entry.attribute?.value}”`, `«${entry.attribute?.key}» را «${entry.attribute?.value}» می‌کند`);
    case "task":
      return both(`Opens the task “${entry.task?.title}”, due at the time under “Until”`, `کار «${entry.task?.title}» را با مهلتِ ستون «تا» ایجاد می‌کند`);
    case "webhook":
      return both(`Calls ${entry.url}`, `${entry.url} را فرامی‌خواند`);
    case "coupon":
      return both("Gives a single-use discount coupon of their own", "کد تخفیف یک‌بارمصرف مخصوص او را می‌دهد");
    case "points":
      return both("Gives loyalty points", "امتیاز باشگاه می‌دهد");
    case "nps_survey":
      return both("Asks the satisfaction survey (NPS) within the hour", "تا یک ساعت نظرسنجی رضایت (NPS) را می‌پرسد");
    case "skip_nps_off":
      return both("Skipped: the NPS survey plugin is off in this workspace", "رد می‌شود: افزونهٔ نظرسنجی NPS در این کسب‌وکار خاموش است");
    case "exit":
      return both("Leaves the flow", "از جریان خارج می‌شود");
    default:
      return both(entry.does, entry.does);
  }
}

const ENDS: Record<DryRunPath["ends"], Words> = {
  completed: both("Then the flow is complete for them.", "سپس جریان برای او به پایان می‌رسد."),
  exit_step: both("They leave the flow at its exit step.", "در گام خروج از جریان بیرون می‌رود."),
  opted_out: both("They leave the flow: no consent to be sent to.", "از جریان خارج می‌شود: رضایتی برای دریافت پیام نیست."),
  not_entered: both("They would not enter: they do not match the flow's entry conditions.", "وارد نمی‌شود: با شرط ورود جریان جور نیست."),
};

export async function dryRunView(ctx: Ctx, flow: typeof flows.$inferSelect, q: string): Promise<UiBlock[]> {
  const found = await findCustomers(ctx, q);
  const first = found[0];
  if (!first) throw pluginNotFound("customer");
  const [path] = await dryRunPaths(ctx, flow.draft, [first.id], ctx.now());
  if (!path) throw pluginNotFound("customer");
  const more = found.length > 1 ? both(` ${found.length === 5 ? "Several" : digits(found.length).en} customers match; this is the newest (type more, or the whole mobile, for another).`, ` ${found.length === 5 ? "چند" : digits(found.length).fa} مشتری پیدا شد؛ این تازه‌ترین است (برای دیگری بیشتر بنویسید یا شمارهٔ موبایل کامل را).`) : both("", "");
  const blocks: UiBlock[] = [
    { type: "text", tone: "info", text: both(`Dry run for ${path.name}: nothing is sent or changed.${more.en}`, `اجرای آزمایشی برای ${path.name}: چیزی فرستاده یا تغییر داده نمی‌شود.${more.fa}`) },
  ];
  if (path.steps.length) {
    blocks.push({
      type: "table",
      title: both(`What the flow would do for ${path.name}`, `آنچه جریان برای ${path.name} انجام می‌دهد`),
      columns: [
        { key: "step", label: both("Step", "گام"), format: "number" },
        { key: "at", label: both("When", "زمان"), format: "datetime" },
        { key: "does", label: both("What it does", "کار") },
        { key: "until", label: both("Until", "تا"), format: "datetime" },
      ],
      rows: path.steps.map((entry) => ({ step: entry.step + 1, at: entry.at, does: stepWords(entry), until: entry.until ?? entry.task?.dueAt ?? null })),
    });
  }
  blocks.push({ type: "text", tone: path.ends === "completed" || path.ends === "exit_step" ? "muted" : "warning", text: ENDS[path.ends] });
  return blocks;
}
