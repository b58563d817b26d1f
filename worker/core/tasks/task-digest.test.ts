// The daily task digest to staff: the setting in My profile (off by default, only channels the
// workspace can deliver, SMS only with a mobile), and the cron's digests: one per person per local
// day however many ticks, nothing when off or when nothing is due, and each job within the Free
// plan's 50 D1 queries however many people want one.
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../index";
import { signUp } from "../../../test/support/client";
import { recordingQueues } from "../../../test/support/recording-queues";
import { databaseFingerprint } from "../../../test/support/snapshot";
import { openDirectory } from "../data/database";
import { newId } from "../data/ids";
import { staffMessages, tasks, users } from "../data/schema";
import { interceptFetch, kavenegarAccepted } from "../messaging/messaging.test-support";
import { addDays, localDay, startOfDay } from "../stats/local-day";
import { DIGESTS_PER_CHUNK, queueTaskDigests, runTaskDigestChunk, type TaskDigestMessage } from "./task-digest";

afterEach(() => vi.restoreAllMocks());

const ZONE = "Asia/Tehran";
const today = localDay(Date.now(), ZONE);
/** 09:00 today in Tehran: digests are due. */
const nine = startOfDay(today, ZONE) + 9 * 3_600_000;
const EMAIL_PROVIDER = { kind: "http", url: "https://mail.example.com/v1/send", token: "re_live_9f8e7d6c5b4a39281706", from: "shop@example.com" };

/** A workspace with an e-mail provider and `count` staff who want the digest, each with one task overdue at 09:00. */
async function staffWantingDigests(count: number, channel: "email" | "sms" = "email") {
  const signedUp = await signUp();
  const { owner, workspaceId } = signedUp;
  expect((await owner.request("PUT", "/api/messaging/providers/email", EMAIL_PROVIDER)).status).toBe(200);
  const directory = openDirectory(env);
  const role = await directory.select({ roleId: users.roleId }).from(users).where(eq(users.id, owner.identity.userId!)).get();
  const ids = Array.from({ length: count }, (_, i) => newId("usr") + `_${i}`);
  const time = Date.now();
  // A few rows a statement: D1 takes at most 100 bound values in one.
  for (let start = 0; start < ids.length; start += 5) {
    const slice = ids.slice(start, start + 5);
    await directory.batch([
      directory.insert(users).values(
        slice.map((id, i) => ({ id, workspaceId, email: `staff-${id}@example.com`.toLowerCase(), name: `Staff ${start + i}`, roleId: role!.roleId, taskDigest: channel, mobile: "+989121234567", createdAt: time, updatedAt: time })),
      ),
      directory.insert(tasks).values(slice.map((id) => ({ id: newId("tsk"), workspaceId, title: `Call back for ${id}`, assigneeUserId: id, dueAt: nine - 3_600_000, createdAt: time, updatedAt: time }))),
    ]);
  }
  return { ...signedUp, ids };
}

/** The record of each digest sent (staff messages keep no text outside the local outbox). */
const digestsOf = (workspaceId: string) =>
  openDirectory(env)
    .select({ staffUserId: staffMessages.userId, channel: staffMessages.channel, recipient: staffMessages.recipient, status: staffMessages.status, body: staffMessages.body })
    .from(staffMessages)
    .where(and(eq(staffMessages.workspaceId, workspaceId), eq(staffMessages.purpose, "task_digest")));

describe("my daily task digest setting", () => {
  it("is off by default, offers only channels with a provider, and SMS only with a mobile", async () => {
    const { owner } = await signUp();
    expect((await owner.get("/api/tasks/digest")).body).toEqual({ channel: "off", mobile: null, offered: { email: false, sms: false } });
    const before = await databaseFingerprint();
    const refused = await owner.withLanguage("fa").request("PUT", "/api/tasks/digest", { channel: "email" });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: "body.channel", message: expect.stringContaining("سرویس‌دهنده") })]);
    expect(await databaseFingerprint()).toEqual(before);

    await owner.request("PUT", "/api/messaging/providers/email", EMAIL_PROVIDER);
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: "4A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D" });
    expect((await owner.get("/api/tasks/digest")).body.offered).toEqual({ email: true, sms: true });
    expect((await owner.request("PUT", "/api/tasks/digest", { channel: "email" })).body).toMatchObject({ channel: "email", mobile: null });
    const noMobile = await owner.request("PUT", "/api/tasks/digest", { channel: "sms" });
    expect(noMobile.body.errors).toEqual([expect.objectContaining({ path: "body.channel", code: "digest_mobile_required" })]);
    // The mobile is set in one place, My profile (checked unique and audited there), not here.
    expect((await owner.request("PUT", "/api/tasks/digest", { channel: "sms", mobile: "09121234567" })).status).toBe(400);
    expect((await owner.patch("/api/auth/me", { mobile: "۰۹۱۲ ۱۲۳ ۴۵۶۷" })).status).toBe(200);
    expect((await owner.request("PUT", "/api/tasks/digest", { channel: "sms" })).body).toMatchObject({ channel: "sms", mobile: "+989121234567" });
    expect((await owner.get("/api/tasks/digest")).body).toMatchObject({ channel: "sms", mobile: "+989121234567" });
    expect((await owner.request("PUT", "/api/tasks/digest", { channel: "off", extra: 1 })).status).toBe(400);
  });
});

describe("the daily task digest", () => {
  it("sends each person one digest a day, however many ticks and jobs, through the provider, recorded as to staff", async () => {
    const { workspaceId, ids } = await staffWantingDigests(2);
    const { calls } = interceptFetch(() => Response.json({ id: "em_1" }, { status: 202 }));
    const job: TaskDigestMessage = { type: "tasks.digest", workspaceId, at: nine };
    const queues = recordingQueues();
    // Two ticks after 08:00 both see someone waiting and queue a job each.
    await queueTaskDigests(queues.env, { workspaceId, timeZone: ZONE }, nine);
    await queueTaskDigests(queues.env, { workspaceId, timeZone: ZONE }, nine + 60_000);
    expect(queues.takeJobs()).toEqual([job, { ...job, at: nine + 60_000 }]);
    expect(await runTaskDigestChunk(queues.env, job)).toEqual({ sent: 2, more: false });
    expect(await runTaskDigestChunk(queues.env, { ...job, at: nine + 60_000 })).toEqual({ sent: 0, more: false });
    expect(calls).toHaveLength(2);
    const sent = await digestsOf(workspaceId);
    expect(sent.map((message) => message.staffUserId).sort()).toEqual([...ids].sort());
    // The text went to the provider and is not kept (only the local outbox keeps staff messages' text).
    expect(sent[0]).toMatchObject({ channel: "email", status: "sent", body: null });
    expect(calls[0]!.body).toContain("Your tasks for today");
    expect(calls[0]!.body).toContain("1 overdue, 0 due today.");
    // Once the day's digests are out, the tick queues nothing.
    expect(await queueTaskDigests(queues.env, { workspaceId, timeZone: ZONE }, nine + 120_000)).toBe(startOfDay(addDays(today, 1), ZONE) + 8 * 3_600_000);
    expect(queues.takeJobs()).toEqual([]);
  });

  it("sends nothing before 08:00, to anyone who turned it off, or when nothing is due", async () => {
    const { workspaceId, ids } = await staffWantingDigests(3);
    const { calls } = interceptFetch(() => Response.json({ id: "em_1" }, { status: 202 }));
    const directory = openDirectory(env);
    await directory.update(users).set({ taskDigest: "off" }).where(eq(users.id, ids[0]!));
    await directory.update(tasks).set({ status: "done" }).where(eq(tasks.assigneeUserId, ids[1]!));
    const queues = recordingQueues();
    const seven = nine - 2 * 3_600_000;
    expect(await queueTaskDigests(queues.env, { workspaceId, timeZone: ZONE }, seven)).toBe(nine - 3_600_000);
    expect(queues.takeJobs()).toEqual([]);
    expect(await runTaskDigestChunk(queues.env, { type: "tasks.digest", workspaceId, at: nine })).toEqual({ sent: 1, more: false });
    expect((await digestsOf(workspaceId)).map((message) => message.staffUserId)).toEqual([ids[2]]);
    expect(calls).toHaveLength(1);
  });

  it("sends an SMS digest in the person's language to their own mobile", async () => {
    const { owner, workspaceId, ids } = await staffWantingDigests(1, "sms");
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: "4A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D" });
    await openDirectory(env).update(users).set({ locale: "fa" }).where(eq(users.id, ids[0]!));
    const { calls } = interceptFetch(() => kavenegarAccepted(77));
    expect(await runTaskDigestChunk(env, { type: "tasks.digest", workspaceId, at: nine })).toEqual({ sent: 1, more: false });
    expect(calls).toHaveLength(1);
    const [sms] = await digestsOf(workspaceId);
    expect(sms).toMatchObject({ channel: "sms", recipient: "+989121234567", status: "sent" });
    // The provider gets the key as typed, not as stored (sealed), and the Persian text.
    expect(calls[0]!.url).toContain("/4A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D/");
    expect(decodeURIComponent(calls[0]!.body.replace(/\+/g, " "))).toContain("۱ کار عقب‌افتاده، ۰ کار سررسید امروز.");
    // It is no customer's message: no plugin is told of it.
    const told = await env.DB.prepare("select count(*) as n from events where workspace_id = ? and name like 'message.%'").bind(workspaceId).first<{ n: number }>();
    expect(told!.n).toBe(0);
  });

  it("serves many people in jobs of at most 50 D1 queries each, every one of them once", async () => {
    const people = 3 * DIGESTS_PER_CHUNK + 2;
    const { workspaceId, ids } = await staffWantingDigests(people);
    interceptFetch(() => Response.json({ id: "em_1" }, { status: 202 }));
    const queues = recordingQueues();
    // The Free plan's budget, metered, as the deployed queue consumer runs.
    const freeEnv = { ...queues.env, D1_METER: "on", D1_QUERIES_PER_INVOCATION: undefined } as unknown as Env;
    const meter: Array<Record<string, unknown>> = [];
    vi.spyOn(console, "log").mockImplementation((text: unknown) => {
      if (typeof text === "string" && text.startsWith("d1-meter ")) meter.push(JSON.parse(text.slice("d1-meter ".length)));
    });
    const calls: number[] = [];
    let next: unknown[] = [{ type: "tasks.digest", workspaceId, at: nine }];
    while (next.length) {
      for (const body of next) {
        meter.length = 0;
        const batch = createMessageBatch("edge-crm-jobs", [{ id: `digest-${calls.length}`, timestamp: new Date(), attempts: 1, body }]);
        const ctx = createExecutionContext();
        await worker.queue(batch, freeEnv, ctx);
        expect((await getQueueResult(batch, ctx)).explicitAcks).toHaveLength(1);
        calls.push(Number(meter.find((line) => line.kind === "queue")?.calls));
      }
      next = queues.takeJobs();
    }
    expect(calls).toHaveLength(4);
    for (const count of calls) expect(count).toBeLessThanOrEqual(50);
    expect((await digestsOf(workspaceId)).map((message) => message.staffUserId).sort()).toEqual([...ids].sort());
  });
});
