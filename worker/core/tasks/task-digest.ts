// The daily task digest: each member of staff who turned it on (My profile) gets, once per local
// day from 08:00, a summary of their open tasks overdue and due today, by e-mail or SMS through
// the workspace's provider for that channel (messaging/send-to-staff.ts). The workspace tick
// queues a digest job when someone waits for today's; each job serves DIGESTS_PER_CHUNK people
// within the invocation's D1 budget and queues the next while more wait. Each person's day is
// claimed by a compare-and-set before anything is sent, so two ticks, two jobs or a redelivered
// message never send a second digest; nothing is sent when there is nothing due.
import { z } from "@hono/zod-openapi";
import { openWorkspace } from "../data/database";
import type { Locale } from "../i18n/locale";
import { staffSender, type StaffSender } from "../messaging/staff-email";
import { workspaceForTick } from "../schedules/workspace-due.repository";
import { addDays, localDay, startOfDay } from "../stats/local-day";
import { claimDigestDay, firstDueTasks, usersWaitingForDigest } from "./task-digest.repository";
import { digestText } from "./task-digest-text";
import { countDueTasks } from "./tasks.repository";

/** The local hour the day's digests go from. */
export const DIGEST_HOUR = 8;
/**
 * People per job: 3 queries a job (workspace, who waits, providers) and at most 5 a person
 * (claim, count, titles, message row, its outcome) keep a job within the Free plan's 50.
 */
export const DIGESTS_PER_CHUNK = 8;

export const TaskDigestMessageSchema = z.object({ type: z.literal("tasks.digest"), workspaceId: z.string(), at: z.number().int() });
export type TaskDigestMessage = z.infer<typeof TaskDigestMessageSchema>;

const sendingFrom = (day: string, timeZone: string) => startOfDay(day, timeZone) + DIGEST_HOUR * 3_600_000;

/**
 * The workspace tick's part (one query when digests are due): queues today's digest job if
 * someone waits for it; returns when the workspace should next be looked at for digests.
 */
export async function queueTaskDigests(env: Env, workspace: { workspaceId: string; timeZone: string }, at: number): Promise<number> {
  const today = localDay(at, workspace.timeZone);
  const from = sendingFrom(today, workspace.timeZone);
  if (at < from) return from;
  const waiting = await usersWaitingForDigest(env, workspace.workspaceId, today, 1);
  if (waiting.length) await env.JOBS_QUEUE.send({ type: "tasks.digest", workspaceId: workspace.workspaceId, at } satisfies TaskDigestMessage);
  return sendingFrom(addDays(today, 1), workspace.timeZone);
}

/** One job: up to DIGESTS_PER_CHUNK people's digests; queues the next job while more wait. */
export async function runTaskDigestChunk(env: Env, message: TaskDigestMessage): Promise<{ sent: number; more: boolean }> {
  const workspace = await workspaceForTick(env, message.workspaceId);
  if (!workspace) return { sent: 0, more: false };
  const { timeZone } = workspace;
  const today = localDay(message.at, timeZone);
  const people = await usersWaitingForDigest(env, message.workspaceId, today, DIGESTS_PER_CHUNK);
  if (people.length === 0) return { sent: 0, more: false };
  const scope = openWorkspace(env, message.workspaceId);
  // Senders open the providers' sealed keys; a cron tick has no request, so the dev outbox never counts.
  const senders: Partial<Record<"sms" | "email", StaffSender | null>> = {};
  const senderFor = async (channel: "sms" | "email") => (senders[channel] ??= await staffSender(env, scope, channel, false));
  const endOfToday = startOfDay(addDays(today, 1), timeZone);
  let sent = 0;
  for (const person of people) {
    if (!(await claimDigestDay(env, message.workspaceId, person.id, today))) continue;
    const channel = person.channel === "sms" ? "sms" : "email";
    const to = channel === "sms" ? person.mobile : person.email;
    const send = to ? await senderFor(channel) : null;
    // The provider was removed or the mobile cleared since it was turned on: today's is skipped.
    if (!send || !to) continue;
    const due = await countDueTasks(scope, person.id, message.at, endOfToday);
    if (due.overdue + due.dueToday === 0) continue;
    const first = await firstDueTasks(scope, person.id, endOfToday);
    const locale: Locale = person.locale ?? (workspace.locale as Locale);
    const text = digestText(channel, locale, person.name, { ...due, first: first.map((task) => ({ title: task.title, overdue: task.dueAt !== null && task.dueAt < message.at })) });
    // The day was claimed above (compare-and-set), so a repeated job never sends it again.
    if (await send({ userId: person.id, purpose: "task_digest", to, subject: text.subject, body: text.body })) sent++;
  }
  const more = people.length === DIGESTS_PER_CHUNK;
  if (more) await env.JOBS_QUEUE.send(message);
  return { sent, more };
}
