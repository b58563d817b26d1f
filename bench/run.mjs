#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --customers 100000] [-- --seconds 8] [-- --connections 10] [-- --no-ui]`
//
// Measures the app as `wrangler dev --local` runs it, on its own port and its own state under
// bench/.state/ (never the developer's .wrangler/state), and prints (and writes to
// bench/results.json):
//   1. D1 calls, rows read and rows written per request of each hot endpoint, at 1k and at 100k
//      customers (with 10 orders and 10 interactions each on average), so growth shows;
//   2. latency (median, p99), throughput and workerd CPU per request under a concurrent load
//      (autocannon, from this process), beside a bare Worker that runs only the one equivalent D1
//      query, and the ratio;
//   3. D1 calls per invocation of the bulk paths (CSV import chunk, exports, the daily
//      lifecycle/RFM job, an automation campaign chunk, its projected time to the last message,
//      event → a flow's first step, and a flow wake-up tick among as many waiting enrollments as
//      customers), against the free plan's 50, and the rows the daily job writes on its
//      first run and on the next day's; then the cron at 1,000 workspaces: D1 calls of a daily
//      tick, of an idle minute tick and of each workspace's job on the jobs queue;
//   4. the bundle (raw, gzip) and its start-up time; the web UI's customer list render time.
// --quick stops at 1k customers (everything measured there). The workspace is signed up through
// the API with every compiled-in plugin enabled; the bulk of the data is generated in SQLite
// (lib/seed-sql.mjs). Bounded: every step has a time limit; the servers are stopped at the end.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freezeBuild, startupMs } from "./lib/build.mjs";
import { connectShops, enableAllPlugins, signUp } from "./lib/client.mjs";
import { endpoints } from "./lib/endpoints.mjs";
import { d1Cost, underLoad } from "./lib/measure.mjs";
import { ms, num, ratio, table } from "./lib/report.mjs";
import { DAY, SPAN, seedSql } from "./lib/seed-sql.mjs";
import { NPS_SURVEY, npsSeedSql } from "./lib/nps-seed.mjs";
import { cpuSeconds, freePort, sqlRows, startWorker, wranglerOk } from "./lib/server.mjs";
import { customerListRenderMs } from "./lib/ui.mjs";

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? Number(argv[at + 1]) : fallback;
};
const QUICK = argv.includes("--quick");
const SECONDS = option("--seconds", QUICK ? 4 : 8);
const CONNECTIONS = option("--connections", 10);
const WITH_UI = !argv.includes("--no-ui");
// --customers N: the last stage's size (100,000 unless told; --quick stops at 1,000).
const LARGEST = Math.max(1_000, option("--customers", 100_000));
const STAGES = QUICK || LARGEST === 1_000 ? [1_000] : [1_000, LARGEST];
const FREE_PLAN_CALLS = 50;
const CRON_WORKSPACES = 1_000;
/** The first chunks of an NPS send to everyone that are measured before the survey is paused. */
const NPS_CHUNKS_MEASURED = 5;

const here = fileURLToPath(new URL(".", import.meta.url));
const STATE = join(here, ".state");
const PERSIST = join(STATE, "d1");
const BUILD = join(STATE, "build");
const BARE_CONFIG = join(here, "bare", "wrangler.toml");

const began = Date.now();
const say = (text) => console.log(`bench ${String(Math.round((Date.now() - began) / 1000)).padStart(4)}s  ${text}`);
const running = new Set();

async function stopAll() {
  await Promise.all([...running].map((server) => server.stop()));
  running.clear();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll().finally(() => process.exit(130)));

async function start(options) {
  const server = await startWorker(options);
  running.add(server);
  return {
    ...server,
    stop: async () => {
      running.delete(server);
      await server.stop();
    },
  };
}

async function seedStage(ws, from, to) {
  const file = join(STATE, `seed-${to}.sql`);
  // Codes the app issued since the last stage (an import's customers) are skipped.
  const [counter] = await sqlRows(PERSIST, `select value from workspace_counters where workspace_id = '${ws.workspaceId}' and name = 'customer_code'`);
  const codeShift = Math.max(0, Number(counter?.value ?? 0) - (from - 1));
  if (codeShift) ws.codeShift = { from, by: codeShift };
  const sql = seedSql({ ...ws, from, to, now: Date.now(), codeShift });
  // The daily job runs again on the next tick, over the history just written.
  const nps = ws.plugins?.includes("nps") ? npsSeedSql({ workspaceId: ws.workspaceId, from, to, now: Date.now() }) : "";
  writeFileSync(file, `${sql}${nps}${dailyJobDueAgain(ws.workspaceId)}`);
  const started = Date.now();
  await wranglerOk(["d1", "execute", "DB", "--local", "--persist-to", PERSIST, "--file", file]);
  return (Date.now() - started) / 1000;
}

/** SQL that makes the workspace's daily job due at the next cron tick, as on a new local day. */
const dailyJobDueAgain = (workspaceId) =>
  `delete from core_job_runs where workspace_id = '${workspaceId}';\nupdate workspace_due set next_due_at = 0 where workspace_id = '${workspaceId}';\n`;

/** Runs the cron once and waits for the workspace jobs it queued; returns the tick's meter line and the jobs' lines. */
async function cronTick(server, expectedJobs, timeoutMs) {
  const before = server.meterLines.length;
  const started = Date.now();
  await fetch(`${server.url}/__scheduled?cron=${encodeURIComponent("* * * * *")}`, { headers: { "sec-fetch-mode": "no-cors", accept: "application/json" } }).catch(() => {});
  const tick = await waitFor(() => server.meterLines.slice(before).find((entry) => entry.kind === "scheduled"), 120_000);
  const jobLines = () => server.meterLines.slice(before).filter((entry) => entry.kind === "queue" && String(entry.queue).startsWith("edge-crm-jobs"));
  await waitFor(() => jobLines().length >= expectedJobs, timeoutMs);
  return { tick, jobs: jobLines(), seconds: Math.round((Date.now() - started) / 100) / 10 };
}

const worstOf = (lines) => lines.reduce((max, line) => (line.calls > (max?.calls ?? -1) ? line : max), null);

/** The cron with 1,000 more workspaces (written in SQLite): a daily tick, each workspace's job, an idle tick. */
async function cronAtScale(startServer, workspaces) {
  const file = join(STATE, "workspaces.sql");
  const at = Date.now() - DAY;
  writeFileSync(
    file,
    `insert or ignore into workspaces (id, name, created_at, updated_at)
     with recursive n(i) as (select 1 union all select i + 1 from n where i < ${workspaces})
     select printf('ws_bench%05d', i), 'Bench shop ' || i, ${at}, ${at} from n;
     insert or ignore into workspace_plugins (workspace_id, plugin_id, enabled, settings, updated_at)
     select w.id, p.plugin_id, 1, '{}', ${at} from workspaces w, (select distinct plugin_id from workspace_plugins) p where w.id like 'ws_bench%';
     update workspace_due set next_due_at = 0 where workspace_id like 'ws_bench%';\n`,
  );
  await wranglerOk(["d1", "execute", "DB", "--local", "--persist-to", PERSIST, "--file", file]);
  const server = await startServer();
  try {
    // Every workspace is due (a new local day): a tick hands out 500, the next the rest.
    const first = await cronTick(server, 500, 900_000);
    const second = await cronTick(server, workspaces - 500, 900_000);
    const idle = await cronTick(server, 0, 0);
    const jobs = [...first.jobs, ...second.jobs];
    const worst = worstOf(jobs);
    const line = (path, entry) => ({ path, calls: entry?.calls ?? null, rowsRead: entry?.rowsRead ?? null, rowsWritten: entry?.rowsWritten ?? null });
    return [
      line(`Cron tick, ${num(workspaces)} workspaces due (hands 500 to the jobs queue)`, first.tick),
      line(`Cron tick, the next minute (the other ${num(workspaces - 500)})`, second.tick),
      line(`Workspace job on the jobs queue (worst of ${jobs.length})`, worst),
      line(`Cron tick, idle minute (${num(workspaces)} workspaces, none due)`, idle.tick),
    ];
  } finally {
    await server.stop();
  }
}

/** The cursor of the list's tenth page (and the id it starts after), read through the API. */
async function tenthPage(url, cookie) {
  let cursor = null;
  for (let page = 1; page < 10; page++) {
    const response = await fetch(`${url}/api/customers?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { headers: { cookie } });
    cursor = (await response.json()).nextCursor;
    if (!cursor) return null;
  }
  const afterId = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))[0];
  return { cursor, afterId };
}

const waitFor = async (find, timeoutMs) => {
  // Wall time, not the sleeps: each look may itself take seconds (a wrangler d1 execute).
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const found = await find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
};

const AUTOMATION = "/api/plugins/automation";
const CAMPAIGN_CHUNKS_MEASURED = 20;
/** How long the campaign's first chunks are waited for before the bench pauses it. */
const CAMPAIGN_WINDOW_MS = 300_000;

/** D1 calls per campaign chunk and per flow wake-up job (each one invocation on the jobs queue). */
async function automationPaths(server, write, customers) {
  const post = (path, body) => fetch(`${server.url}${AUTOMATION}${path}`, { method: "POST", headers: write, body: JSON.stringify(body) }).then((response) => response.json());
  const jobLines = (from) => server.meterLines.slice(from).filter((line) => line.kind === "queue" && String(line.queue).startsWith("edge-crm-jobs"));
  // A campaign chunk is the jobs-queue invocation that moves a campaign's cursor (the trace lists
  // each statement): other jobs on the queue meanwhile (a survey's chunks, wake-ups) are not counted.
  const chunkLines = (from) => jobLines(from).filter((line) => (line.trace ?? []).some((statement) => /^update "automation_campaigns" set .*"cursor" = /.test(statement.sql)));
  const results = [];

  const campaign = await post("/campaigns", { name: "Bench campaign", filter: {}, channel: "sms", body: { en: "{firstName}, 20% off this week", fa: "{firstName} عزیز، این هفته ۲۰٪ تخفیف" } });
  const sendFrom = server.meterLines.length;
  const started = Date.now();
  await post(`/campaigns/${campaign.id}/send`, {});
  const measured = await waitFor(() => chunkLines(sendFrom).length >= CAMPAIGN_CHUNKS_MEASURED, CAMPAIGN_WINDOW_MS);
  const chunkSeconds = (Date.now() - started) / 1000;
  // Paused here on purpose: the rest of the audience is not waited for (at 100,000 it would take
  // the better part of an hour); its report stops growing from this point.
  await post(`/campaigns/${campaign.id}/pause`, {});
  const chunks = chunkLines(sendFrom);
  const worstChunk = worstOf(chunks);
  // Recipients handled so far (sent, deferred, skipped, failed) against the time taken: the whole
  // audience at that pace is when the last message reaches the outbox (projected from the first
  // chunks, and said so).
  const view = await fetch(`${server.url}${AUTOMATION}/campaigns/${campaign.id}`, { headers: { cookie: write.cookie } }).then((response) => response.json());
  const report = view.report ?? {};
  const audience = report.targeted ?? customers;
  const handled = (report.sent ?? 0) + (report.deferred ?? 0) + (report.failed ?? 0) + Object.values(report.skipped ?? {}).reduce((sum, n) => sum + n, 0);
  const perSecond = handled / Math.max(chunkSeconds, 0.001);
  const window = measured
    ? `the first ${chunks.length} chunks, then paused by the bench`
    : `only ${chunks.length} chunks in ${Math.round(CAMPAIGN_WINDOW_MS / 1000)} s: the chain of chunks stopped or crawled (see the wrangler log), then paused by the bench`;
  results.push({
    path: `Campaign chunk on the queue, ${num(audience)}-customer audience (worst of ${window}; ${Math.round((chunks.length / chunkSeconds) * 10) / 10} chunks/s, ${Math.round((handled / Math.max(1, chunks.length)) * 10) / 10} recipients a chunk)`,
    calls: worstChunk?.calls ?? null,
    rowsRead: worstChunk?.rowsRead ?? null,
    rowsWritten: worstChunk?.rowsWritten ?? null,
  });
  results.push({
    path: `Campaign to ${num(audience)} customers: last message handed to the outbox after ~${handled ? num(Math.round(audience / perSecond)) : "?"} s (projected from ${num(handled)} recipients in the first ${Math.round(chunkSeconds)} s: ${report.sent ?? 0} sent, ${report.deferred ?? 0} deferred, ${report.failed ?? 0} failed, ${handled - (report.sent ?? 0) - (report.deferred ?? 0) - (report.failed ?? 0)} skipped)`,
    calls: null,
    rowsRead: null,
    rowsWritten: null,
  });

  // Event → first step: a new customer (customer.created) until the flow's first step (a send) is in their messages.
  const instant = await post("/flows", {
    name: "Bench first step",
    definition: { trigger: { type: "event", event: "customer.created" }, steps: [{ type: "send", channel: "sms", transactional: true, body: { en: "Welcome {firstName}", fa: "خوش آمدید {firstName}" } }] },
  });
  await post(`/flows/${instant.id}/publish`, {});
  const eventAt = Date.now();
  const created = await fetch(`${server.url}/api/customers`, { method: "POST", headers: write, body: JSON.stringify({ firstName: "First step", mobile: `0937${String(customers).padStart(7, "0")}`, consent: { sms: "granted" } }) }).then((response) => response.json());
  const firstStep = await waitFor(async () => {
    const sent = await fetch(`${server.url}/api/customers/${created.id}/messages`, { headers: { cookie: write.cookie } }).then((response) => response.json());
    return (sent.items ?? []).length > 0 ? Date.now() : null;
  }, 120_000);
  results.push({ path: `Event → first step of a flow (customer.created to its SMS in the outbox): ${firstStep ? ((firstStep - eventAt) / 1000).toFixed(2) : "?"} s`, calls: null, rowsRead: null, rowsWritten: null });
  await post(`/flows/${instant.id}/pause`, {});

  // Ten customers enter a flow and wait (a wait of nothing does not wait: they would go straight
  // through); their waits are then made due in SQL, so the next tick wakes them.
  const flow = await post("/flows", {
    name: "Bench flow",
    definition: { trigger: { type: "event", event: "customer.created" }, steps: [{ type: "wait", days: 1 }, { type: "send", channel: "sms", transactional: true, body: { en: "Hello {firstName}", fa: "سلام {firstName}" } }] },
  });
  await post(`/flows/${flow.id}/publish`, {});
  for (let n = 0; n < 10; n++) {
    await fetch(`${server.url}/api/customers`, { method: "POST", headers: write, body: JSON.stringify({ firstName: `Flow ${n}`, mobile: `0936${String(customers * 10 + n).padStart(7, "0")}`, consent: { sms: "granted" } }) });
  }
  await waitFor(async () => {
    const [row] = await sqlRows(PERSIST, `select count(*) as n from automation_enrollments where flow_id = '${flow.id}' and status = 'waiting'`);
    return Number(row?.n ?? 0) >= 10;
  }, 120_000);
  // Beside them, as many waiting enrollments as customers, due next year: the tick must not read them.
  const later = Date.now() + 365 * DAY;
  await wranglerOk([
    "d1", "execute", "DB", "--local", "--persist-to", PERSIST, "--command",
    `insert into automation_enrollments (id, workspace_id, flow_id, version, customer_id, status, round, step, wake_at, attempts, entered_at, updated_at)
     with recursive n(i) as (select 1 union all select i + 1 from n where i < ${customers})
     select 'enr_${flow.id}_' || i, (select workspace_id from automation_flows where id = '${flow.id}'), '${flow.id}', 1, 'cus_bench_' || i, 'waiting', 0, 0, ${later} + i, 0, ${Date.now()}, ${Date.now()} from n;
     update automation_enrollments set wake_at = ${Date.now() - 1000} where flow_id = '${flow.id}' and status = 'waiting' and wake_at < ${later};
     update schedule_runs set last_run_at = last_run_at - 120000 where plugin_id = 'automation' and job_id = 'flow-waits';
     update workspace_due set next_due_at = 0 where workspace_id = (select workspace_id from automation_flows where id = '${flow.id}')`,
  ]);
  // (The wake-up schedule and the workspace are made due, as a minute later: a tick in the same
  // minute as the last finds nothing due and would measure nothing.)
  const tick = await cronTick(server, 3, 300_000);
  const wakeJob = worstOf(tick.jobs);
  results.push({ path: `Minute tick with 10 flow waits due among ${num(customers)} waiting enrollments (finds them by the partial index)`, calls: tick.tick?.calls ?? null, rowsRead: tick.tick?.rowsRead ?? null, rowsWritten: tick.tick?.rowsWritten ?? null });
  results.push({ path: `Flow wake-up job, customers while its D1 queries allow (worst of ${tick.jobs.length})`, calls: wakeJob?.calls ?? null, rowsRead: wakeJob?.rowsRead ?? null, rowsWritten: wakeJob?.rowsWritten ?? null });
  await post(`/flows/${flow.id}/pause`, {});
  return results;
}

/** D1 calls per invocation of the bulk paths. */
async function bulkPaths(server, ws, customers) {
  const session = { cookie: ws.cookie };
  const write = { ...session, origin: server.url, "content-type": "application/json" };
  const results = [];

  // An import: the upload, then each chunk on the jobs queue (one invocation each).
  const importRows = Array.from({ length: 40 }, (_, n) => `0935${String(customers * 10 + n).padStart(7, "0")};نیما;ایمپورت ${n}`);
  const csv = `mobile;first name;last name\n${importRows.join("\n")}\n`;
  const queuedBefore = server.meterLines.length;
  const upload = await d1Cost(
    server,
    () => ({ method: "POST", path: "/api/import/customers", headers: write, body: JSON.stringify({ csv, mapping: { mobile: "mobile", "first name": "firstName", "last name": "lastName" } }) }),
    { untilSettled: true, warmups: 0 },
  );
  const jobId = upload.body?.id ?? null;
  results.push({ path: "CSV import upload (40 rows)", ...upload, body: undefined });
  await waitFor(async () => {
    if (!jobId) return true;
    const job = await fetch(`${server.url}/api/import/jobs/${jobId}?limit=1`, { headers: session }).then((response) => response.json());
    return job.status === "done" || job.status === "failed";
  }, 300_000);
  const chunks = server.meterLines.slice(queuedBefore).filter((line) => line.kind === "queue" && String(line.queue).startsWith("edge-crm-jobs"));
  const worst = chunks.reduce((max, line) => (line.calls > (max?.calls ?? -1) ? line : max), null);
  results.push({ path: `CSV import chunk on the queue (worst of ${chunks.length})`, calls: worst?.calls ?? null, rowsRead: worst?.rowsRead ?? null, rowsWritten: worst?.rowsWritten ?? null });

  // An export is one invocation's CPU too: workerd's time over it (D1's SQLite work included).
  const cpuBefore = server.workerdPids.length ? cpuSeconds(server.workerdPids) : null;
  const csvCost = await d1Cost(server, () => ({ path: "/api/export/customers.csv", headers: session }), { untilSettled: true, warmups: 0 });
  const cpuMs = cpuBefore === null ? null : Math.round((cpuSeconds(server.workerdPids) - cpuBefore) * 1000);
  results.push({ path: "Export customers.csv (whole workspace)", ...csvCost, body: undefined, cpuMs });
  if (customers <= 1_000) {
    const jsonCost = await d1Cost(server, () => ({ path: "/api/export/workspace.json", headers: session }), { untilSettled: true, warmups: 0 });
    results.push({ path: "Export workspace.json (whole workspace)", ...jsonCost, body: undefined });
  }

  // The cron tick hands the workspace to the jobs queue; its daily job runs there.
  const daily = await cronTick(server, 1, 600_000);
  results.push({
    path: "Cron tick (the workspace's daily job due)",
    calls: daily.tick?.calls ?? null,
    rowsRead: daily.tick?.rowsRead ?? null,
    rowsWritten: daily.tick?.rowsWritten ?? null,
  });
  const job = worstOf(daily.jobs);
  results.push({
    path: "Daily lifecycle + RFM job, first run (scores everyone)",
    calls: job?.calls ?? null,
    statements: job?.statements ?? null,
    rowsRead: job?.rowsRead ?? null,
    rowsWritten: job?.rowsWritten ?? null,
    seconds: daily.seconds,
  });

  // NPS: the results page reads daily rollups (one survey answered by every customer, over a
  // year), so its rows read stay flat from 1k to 100k responses. A send to everyone with consent
  // runs in chunks on the jobs queue: the request makes the campaign and runs its first chunk;
  // the worst of the first chunks is measured (each within the free plan's 50 calls), then the
  // survey is paused, which holds the rest. The answer page is measured on a send of that campaign.
  if (ws.plugins?.includes("nps")) {
    const npsResults = await d1Cost(server, () => ({ path: `/api/plugins/nps/results?surveyId=${NPS_SURVEY}`, headers: session }), { warmups: 0 });
    results.push({ path: `NPS results page (${num(customers)} responses, from daily rollups)`, calls: npsResults.calls, rowsRead: npsResults.rowsRead, rowsWritten: npsResults.rowsWritten });
    const chunksBefore = server.meterLines.length;
    const npsSend = await d1Cost(server, () => ({ method: "POST", path: `/api/plugins/nps/surveys/${NPS_SURVEY}/send`, headers: write, body: "{}" }), { warmups: 0, untilSettled: true });
    results.push({ path: `NPS send to everyone (${num(customers)} with consent): the request and its first chunk`, calls: npsSend.calls, rowsRead: npsSend.rowsRead, rowsWritten: npsSend.rowsWritten });
    const npsChunks = () => server.meterLines.slice(chunksBefore).filter((line) => line.kind === "queue" && String(line.queue).startsWith("edge-crm-jobs"));
    await waitFor(async () => npsChunks().length >= NPS_CHUNKS_MEASURED, 300_000);
    await fetch(`${server.url}/api/plugins/nps/surveys/${NPS_SURVEY}`, { method: "PATCH", headers: write, body: JSON.stringify({ active: false }) });
    const measured = npsChunks();
    const worstChunk = worstOf(measured);
    const campaign = await fetch(`${server.url}/api/plugins/nps/surveys/${NPS_SURVEY}/campaigns?limit=1`, { headers: session }).then((response) => response.json());
    const handled = campaign.items?.[0]?.queued ?? 0;
    results.push({
      path: `NPS send chunk on the queue (worst of ${measured.length}; ${num(handled)} customers asked, ${Math.round((handled / Math.max(1, measured.length)) * 10) / 10} per chunk)`,
      calls: worstChunk?.calls ?? null,
      rowsRead: worstChunk?.rowsRead ?? null,
      rowsWritten: worstChunk?.rowsWritten ?? null,
    });
    // A send of the campaign not answered yet (sent, or deferred outside the quiet hours' window): its page asks for the score.
    const unanswered = async (status) =>
      (await fetch(`${server.url}/api/plugins/nps/surveys/${NPS_SURVEY}/sends?status=${status}&limit=100`, { headers: session }).then((response) => response.json())).items?.find((send) => send.respondedAt === null);
    const answerPath = ((await unanswered("deferred")) ?? (await unanswered("sent")))?.path;
    if (answerPath) {
      for (const language of ["fa", "en"]) {
        const page = await d1Cost(server, () => ({ path: answerPath, headers: { "accept-language": language } }), { warmups: 0 });
        const bytes = Buffer.byteLength(await fetch(`${server.url}${answerPath}`, { headers: { "accept-language": language } }).then((response) => response.text()));
        results.push({ path: `NPS answer page (${language}): ${num(bytes)} bytes of HTML, CSS and JS, under 15 KB`, calls: page.calls, rowsRead: page.rowsRead, rowsWritten: page.rowsWritten });
      }
    }
  }

  // Automation: a campaign to every customer sends a chunk per invocation on the jobs queue (the
  // first chunks are measured, then it is paused); a flow whose customers are due makes the minute
  // tick queue a wake-up job that runs a few of them per invocation.
  if (ws.plugins?.includes("automation")) {
    const automation = await automationPaths(server, write, customers);
    // Said as soon as measured, as the figures the automation plugin is judged by.
    for (const line of automation) say(`  ${line.path}${line.calls === null ? "" : `: ${line.calls} D1 calls, ${line.rowsRead} rows read, ${line.rowsWritten} written`}`);
    results.push(...automation);
  }

  // The events queue's consumer (plugin hooks, outgoing webhooks), over everything above.
  const deliveries = server.meterLines.filter((entry) => entry.kind === "queue" && String(entry.queue).startsWith("edge-crm-events"));
  const busiest = deliveries.reduce((max, entry) => (entry.calls > (max?.calls ?? -1) ? entry : max), null);
  if (busiest) {
    results.push({
      path: `Events queue batch (worst of ${deliveries.length}: ${busiest.messages} events)`,
      calls: busiest.calls,
      rowsRead: busiest.rowsRead,
      rowsWritten: busiest.rowsWritten,
      perMessage: Math.round((busiest.calls / Math.max(1, busiest.messages)) * 10) / 10,
    });
  }
  return results;
}

async function main() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) throw new Error(`Node ${process.versions.node}: run this through \`npm run bench\`, which uses the project's Node 22.`);
  mkdirSync(STATE, { recursive: true });
  const machine = {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.versions.node,
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
  say(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, load average ${machine.loadAverageAtStart.join(" ")}`);

  say("building the Worker as a deploy would (minified), into bench/.state/build …");
  const build = await freezeBuild(BUILD);
  const startup = await startupMs(BUILD, QUICK ? 1 : 3);
  say(`bundle ${num(Math.round(build.bundle.raw / 1024))} KiB raw, ${num(Math.round(build.bundle.gzip / 1024))} KiB gzip; start-up ${ms(startup)} ms`);

  rmSync(PERSIST, { recursive: true, force: true });
  await wranglerOk(["d1", "migrations", "apply", "DB", "--local", "--persist-to", PERSIST]);
  const port = await freePort(Number(process.env.BENCH_PORT) || 8871);
  // Metered with each statement listed, so the results name the statement behind a figure.
  const metered = { config: build.config, port, persistTo: PERSIST, vars: { D1_METER: "statements" }, label: "app" };

  say(`signing a workspace up on http://127.0.0.1:${port} …`);
  let app = await start(metered);
  const owner = await signUp(app.url);
  const plugins = await enableAllPlugins(owner.api);
  const shops = await connectShops(owner.api);
  await app.stop();
  const ws = { plugins, workspaceId: owner.workspaceId, ownerId: owner.ownerId, wooConnectionId: shops.woo, t0: Date.now() - SPAN - DAY, cookie: owner.api.cookie };
  say(`workspace ${ws.workspaceId}; plugins enabled: ${plugins.length ? plugins.join(", ") : "(none compiled in)"}`);

  const results = { takenAt: new Date().toISOString(), machine, quick: QUICK, plugins, seconds: SECONDS, connections: CONNECTIONS, stages: {} };
  results.bundle = { rawBytes: build.bundle.raw, gzipBytes: build.bundle.gzip, startupMs: startup };

  let seeded = 0;
  for (const customers of STAGES) {
    say(`seeding customers ${seeded + 1}–${customers} (orders, interactions, rollups) in SQLite …`);
    const seedSeconds = await seedStage(ws, seeded + 1, customers);
    seeded = customers;
    say(`seeded in ${seedSeconds.toFixed(0)} s; measuring D1 cost per request at ${num(customers)} customers …`);
    app = await start(metered);
    const page10 = await tenthPage(app.url, ws.cookie).catch((error) => {
      throw new Error(`reading the customer list's first ten pages at ${num(customers)} customers`, { cause: error });
    });
    const ctx = { ...ws, customers, woo: shops.woo, origin: app.url, tenthPage: page10 };
    const stage = { customers, seedSeconds, rows: {}, bulk: [] };
    for (const endpoint of endpoints(ctx)) {
      const { body: _body, ...cost } = await d1Cost(app, () => endpoint.app(0), { untilSettled: endpoint.untilSettled }).catch((error) => {
        throw new Error(`measuring "${endpoint.label}" at ${num(customers)} customers`, { cause: error });
      });
      stage.rows[endpoint.name] = { label: endpoint.label, ...cost };
    }
    say("bulk paths: import chunk, exports, the daily job …");
    stage.bulk = await bulkPaths(app, ws, customers);
    await app.stop();
    // The next day's run: only customers whose stage or scores changed are written.
    writeFileSync(join(STATE, "next-day.sql"), dailyJobDueAgain(ws.workspaceId));
    await wranglerOk(["d1", "execute", "DB", "--local", "--persist-to", PERSIST, "--file", join(STATE, "next-day.sql")]);
    app = await start(metered);
    const nextDay = worstOf((await cronTick(app, 1, 600_000)).jobs);
    stage.bulk.push({ path: "Daily lifecycle + RFM job, the next day's run", calls: nextDay?.calls ?? null, rowsRead: nextDay?.rowsRead ?? null, rowsWritten: nextDay?.rowsWritten ?? null });
    await app.stop();
    results.stages[customers] = stage;

    if (customers !== STAGES.at(-1)) continue;
    say(`load: ${CONNECTIONS} connections × ${SECONDS} s per endpoint, app without the meter …`);
    app = await start({ ...metered, vars: {} });
    stage.load = {};
    for (const endpoint of endpoints(ctx)) {
      stage.load[endpoint.name] = await underLoad(app.url, endpoint.app, { connections: CONNECTIONS, seconds: SECONDS, workerdPids: app.workerdPids });
      say(`  ${endpoint.name}: p50 ${stage.load[endpoint.name].p50} ms, ${stage.load[endpoint.name].rps} req/s`);
    }
    if (WITH_UI) {
      say("web UI: the customer list in Chromium …");
      stage.ui = await customerListRenderMs(app.url, ws.cookie);
    }
    await app.stop();

    say("the bare Worker (one D1 query per request) under the same load …");
    const bare = await start({ config: BARE_CONFIG, port: await freePort(port + 1), persistTo: PERSIST, label: "bare" });
    stage.bare = {};
    for (const endpoint of endpoints({ ...ctx, origin: bare.url })) {
      stage.bare[endpoint.name] = await underLoad(bare.url, endpoint.bare, { connections: CONNECTIONS, seconds: SECONDS, workerdPids: bare.workerdPids });
    }
    await bare.stop();
  }

  say(`the cron at ${num(CRON_WORKSPACES)} workspaces …`);
  results.cron = await cronAtScale(() => start(metered), CRON_WORKSPACES);

  print(results);
  writeFileSync(join(here, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  say(`written to ${join("bench", "results.json")} (state kept in bench/.state/, delete it to free the disk)`);
}

function print(results) {
  const stages = Object.values(results.stages);
  const first = stages[0];
  const last = stages.at(-1);
  const names = Object.keys(first.rows);
  console.log(`\nD1 per request (rows read and written from D1's result metadata; calls = round trips)\n`);
  const header = ["endpoint", "calls", ...stages.map((s) => `read @${num(s.customers)}`), ...stages.map((s) => `written @${num(s.customers)}`)];
  console.log(
    table([
      header,
      ...names.map((name) => [
        first.rows[name].label,
        last.rows[name].calls,
        ...stages.map((s) => num(s.rows[name].rowsRead)),
        ...stages.map((s) => num(s.rows[name].rowsWritten)),
      ]),
    ]),
  );
  if (last.load) {
    console.log(`\nUnder load at ${num(last.customers)} customers: ${results.connections} connections × ${results.seconds} s each (latency in ms, CPU = workerd CPU ms per request)\n`);
    console.log(
      table([
        ["endpoint", "p50", "p99", "req/s", "CPU", "bare p50", "bare p99", "bare req/s", "bare CPU", "p50 ×", "req/s ÷", "5xx"],
        ...names.map((name) => {
          const app = last.load[name];
          const bare = last.bare?.[name];
          const fivexx = Object.entries(app.statuses).filter(([code]) => code >= 500).reduce((sum, [, n]) => sum + n, 0);
          return [last.rows[name].label, ms(app.p50), ms(app.p99), ms(app.rps), ms(app.cpuMsPerRequest), ms(bare?.p50), ms(bare?.p99), ms(bare?.rps), ms(bare?.cpuMsPerRequest), ratio(app.p50, bare?.p50), ratio(bare?.rps, app.rps), fivexx];
        }),
      ]),
    );
  }
  console.log(`\nBulk paths: D1 calls per invocation (the Workers Free plan allows ${FREE_PLAN_CALLS})\n`);
  console.log(
    table([
      ["path", "customers", "calls", "rows read", "rows written", "within 50", "workerd CPU ms"],
      ...stages.flatMap((s) =>
        s.bulk.map((b) => [b.path, num(s.customers), num(b.calls), num(b.rowsRead), num(b.rowsWritten), b.calls === null ? "–" : b.calls <= FREE_PLAN_CALLS ? "yes" : "no", num(b.cpuMs)]),
      ),
    ]),
  );
  if (results.cron) {
    console.log(`\nThe cron at ${num(CRON_WORKSPACES)} workspaces: D1 calls per invocation (the Workers Free plan allows ${FREE_PLAN_CALLS})\n`);
    console.log(
      table([
        ["invocation", "calls", "rows read", "rows written", "within 50"],
        ...results.cron.map((c) => [c.path, num(c.calls), num(c.rowsRead), num(c.rowsWritten), c.calls === null ? "–" : c.calls <= FREE_PLAN_CALLS ? "yes" : "no"]),
      ]),
    );
  }
  console.log(`\nBundle and start-up\n`);
  console.log(
    table([
      ["what", "value"],
      ["Worker bundle, minified", `${num(Math.round(results.bundle.rawBytes / 1024))} KiB`],
      ["Worker bundle, gzip", `${num(Math.round(results.bundle.gzipBytes / 1024))} KiB`],
      ["Worker start-up (wrangler check startup)", `${ms(results.bundle.startupMs)} ms`],
      ...(last.ui ? [[`Web UI customer list, first page at ${num(last.customers)} customers`, last.ui.ms === null ? `– (${last.ui.note})` : `${last.ui.ms} ms`]] : []),
    ]),
  );
  console.log(`\nTaken on ${results.machine.cpu} (${results.machine.cores} cores, ${results.machine.memoryGiB} GiB), Node ${results.machine.node}, load average at start ${results.machine.loadAverageAtStart.join(" ")}.`);
}

main()
  .catch(async (error) => {
    console.error(`bench failed: ${error?.stack ?? error}`);
    for (let cause = error?.cause; cause; cause = cause.cause) console.error(`  caused by: ${cause?.stack ?? cause}`);
    process.exitCode = 1;
  })
  .finally(stopAll);

