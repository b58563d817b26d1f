// A dry run: the path a customer would take through a flow from now, step by step with the time
// each would happen, and what each send would say (in the customer's language, with its SMS parts)
// or why it would not go out (consent, address, quiet hours). It only reads: nothing is sent,
// entered, tagged or called. A branch on "ordered since entering" takes the "no" side (no order
// can have come yet); a split takes the arm this customer's id falls in.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { customersTable, filterCondition, hasAddress, workspaceProfile, type PluginContext } from "../../worker/plugin-api";
import { quietHoursRelease } from "./campaign-estimate";
import { wakeTime } from "./flow-clock";
import { usesCoupon, type FlowDefinition } from "./flow-definition";
import { bucket } from "./flow-engine";
import { LOYALTY, LOYALTY_ACTIONS } from "./flow-loyalty";
import { NPS, NPS_ASK } from "./flow-survey";
import type { DryRunPath, DryRunStep } from "./flow-schemas";

type Ctx = PluginContext<unknown>;
const DAY_MS = 86_400_000;

/** What a coupon's code looks like in a dry run's text (the real one is drawn when the step runs). */
const SAMPLE_COUPON = "XXXX-XXXX-XXXX";

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** Customers for a sample: the newest matching the flow's entry conditions. */
export async function sampleCustomers(ctx: Ctx, definition: FlowDefinition, size: number): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: customersTable.id })
    .from(customersTable)
    .where(filterCondition(ctx, definition.conditions ?? {}))
    .orderBy(desc(customersTable.id))
    .limit(size);
  return rows.map((row) => row.id);
}

type Customer = typeof customersTable.$inferSelect & { reachable: { sms: boolean; email: boolean } };

/**
 * What a dry run reads once for every customer it follows, so a sample of ten costs a handful of
 * D1 queries, not ten times a path's: the customers (with whether each has a number and an
 * address), which of them match each filter of the flow, the shop's profile and sending policy,
 * and each distinct text's SMS parts.
 */
async function readsFor(ctx: Ctx, definition: FlowDefinition, customerIds: string[]) {
  const rows = customerIds.length
    ? await ctx.db
        .select({ customer: customersTable, sms: sql<number>`case when ${hasAddress("sms")} then 1 else 0 end`, email: sql<number>`case when ${hasAddress("email")} then 1 else 0 end` })
        .from(customersTable)
        .where(and(eq(customersTable.workspaceId, ctx.workspaceId), inArray(customersTable.id, customerIds)))
    : [];
  const customers = new Map<string, Customer>(rows.map((row) => [row.customer.id, { ...row.customer, reachable: { sms: row.sms === 1, email: row.email === 1 } }]));
  // The entry conditions and every branch's filter: one query each, over all the customers.
  const filters = [definition.conditions, ...definition.steps.map((step) => (step.type === "branch" ? step.filter : undefined))];
  const matching = await Promise.all(
    filters.map(async (filter) => {
      if (!filter || customers.size === 0) return null;
      const found = await ctx.db.select({ id: customersTable.id }).from(customersTable).where(and(filterCondition(ctx, filter), inArray(customersTable.id, [...customers.keys()])));
      return new Set(found.map((row) => row.id));
    }),
  );
  const [profile, policy] = await Promise.all([workspaceProfile(ctx), ctx.messaging.policy()]);
  const parts = new Map<string, Promise<number>>();
  const partsOf = (request: { body: string } | { template: string }, locale: "fa" | "en") => {
    const key = JSON.stringify([request, locale]);
    if (!parts.has(key)) parts.set(key, ctx.messaging.preview({ channel: "sms", ...request, locale }).then((preview) => preview.parts));
    return parts.get(key)!;
  };
  /** Whether the customer matches filter `n`: 0 is the entry conditions, n > 0 the branch at step n - 1 (no filter: yes). */
  const matches = (customerId: string, filterIndex: number) => matching[filterIndex]?.has(customerId) ?? true;
  return { customers, matches, profile, policy, partsOf };
}

type Reads = Awaited<ReturnType<typeof readsFor>>;

/** The paths of each customer (null for one not found, erased or merged), in the order given. */
export async function dryRunPaths(ctx: Ctx, definition: FlowDefinition, customerIds: string[], at: number): Promise<Array<DryRunPath | null>> {
  const reads = await readsFor(ctx, definition, customerIds);
  const paths: Array<DryRunPath | null> = [];
  for (const customerId of customerIds) paths.push(await pathOf(ctx, definition, reads, customerId, at));
  return paths;
}

async function pathOf(ctx: Ctx, definition: FlowDefinition, reads: Reads, customerId: string, at: number): Promise<DryRunPath | null> {
  const customer = reads.customers.get(customerId);
  if (!customer || customer.erasedAt || customer.mergedInto) return null;
  const path: DryRunPath = { customerId, name: customer.displayName, enters: true, steps: [], ends: "completed" };
  if (!reads.matches(customerId, 0)) return { ...path, enters: false, ends: "not_entered" };
  const { profile, policy } = reads;
  const chosen = customer.attributes.locale ?? customer.attributes.language;
  const locale: "fa" | "en" = chosen === "fa" || chosen === "en" ? chosen : profile.locale;
  const values: Record<string, string> = { firstName: customer.firstName ?? "", lastName: customer.lastName ?? "", shopName: profile.name };
  let clock = at;
  let index = 0;
  while (index < definition.steps.length) {
    const step = definition.steps[index]!;
    const entry: DryRunStep = { step: index, type: step.type, at: clock, does: step.type };
    let next = index + 1;
    switch (step.type) {
      case "wait":
      case "wait_until":
      case "wait_business_day":
        clock = wakeTime(step, clock, ctx.timeZone, definition.holidays);
        entry.does = "wait";
        entry.until = clock;
        break;
      case "branch": {
        const holds = reads.matches(customerId, index + 1) && !step.orderedSinceEntry;
        entry.does = holds ? "branch_yes" : "branch_no";
        if (!holds) next = step.elseGoTo;
        break;
      }
      case "split": {
        let point = bucket(customerId);
        const arm = step.arms.find((candidate) => (point -= candidate.percent) < 0) ?? step.arms.at(-1)!;
        entry.does = "split";
        entry.arm = arm.name;
        next = arm.goTo;
        break;
      }
      case "send": {
        const purpose = step.transactional ? "transactional" : "marketing";
        const consent = step.channel === "sms" ? customer.consentSms : customer.consentEmail;
        const reachable = customer.reachable[step.channel];
        entry.channel = step.channel;
        if (step.body) entry.text = fill(step.body[locale], values);
        else entry.template = step.template;
        if (step.channel === "sms") entry.parts = await reads.partsOf(entry.text !== undefined ? { body: entry.text } : { template: step.template! }, locale);
        if (step.body && usesCoupon(step.body) && values.coupon === undefined) entry.does = "skip_no_coupon";
        else if (consent !== "granted") entry.does = "skip_no_consent";
        else if (!reachable) entry.does = "skip_no_address";
        else if (purpose === "marketing" && quietHoursRelease(clock, policy.quietHours, ctx.timeZone) > clock) {
          entry.does = "defer";
          entry.until = quietHoursRelease(clock, policy.quietHours, ctx.timeZone);
        } else entry.does = "send";
        // An opted-out customer leaves the flow at their first send.
        if (entry.does === "skip_no_consent") {
          path.steps.push(entry);
          return { ...path, ends: "opted_out" };
        }
        break;
      }
      case "add_tag":
      case "remove_tag":
        entry.tag = step.tag;
        break;
      case "set_attribute":
        entry.attribute = { key: step.key, value: step.value };
        break;
      case "task":
        entry.task = { title: step.title, dueAt: clock + step.dueInDays * DAY_MS };
        break;
      case "webhook":
        entry.url = step.url;
        break;
      case "coupon":
      case "points": {
        const on = ctx.hasPluginAction(LOYALTY, LOYALTY_ACTIONS[step.type]);
        entry.does = on ? step.type : "skip_loyalty_off";
        if (on && step.type === "coupon") values.coupon = SAMPLE_COUPON;
        break;
      }
      case "nps_survey":
        entry.does = ctx.hasPluginAction(NPS, NPS_ASK) ? "nps_survey" : "skip_nps_off";
        break;
      case "exit":
        path.steps.push(entry);
        return { ...path, ends: "exit_step" };
    }
    path.steps.push(entry);
    index = next;
  }
  return path;
}
