#!/usr/bin/env node
// `npm run load [-- --connections 50] [-- --seconds 30]`
//
// A mixed load on the app as `wrangler dev --local` runs it (its own port, its own state under
// bench/.state/load/): 50 concurrent clients for 30 seconds reading (lookups in every identifier
// form, customer pages, lists, timelines, figures, segment previews), writing (customers,
// interactions, orders) and sending signed shop webhooks (WooCommerce, Shopify, generic), a
// quarter of them repeats of a delivery already sent. Then, once the background work has settled,
// it checks against what was sent: no 5xx; every accepted delivery stored exactly once and
// processed; every shop order recorded once; every event handed to the queue and delivered once to
// each hook that takes it, nothing left failing; no queue invocation over the Workers Free plan's
// 50 D1 queries. Prints a table, writes bench/load-results.json; exits non-zero on any failure.
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freezeBuild } from "./lib/build.mjs";
import { connectShops, enableAllPlugins, genericOrderDelivery, mobileForm, shopifyOrderDelivery, signUp, wooOrderDelivery } from "./lib/client.mjs";
import { ms, num, table } from "./lib/report.mjs";
import { customerIdOf, DAY, mobileOf, seedSql, SPAN, wooCustomerOf } from "./lib/seed-sql.mjs";
import { freePort, sqlRows, startWorker, wranglerOk } from "./lib/server.mjs";

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? Number(argv[at + 1]) : fallback;
};
const CONNECTIONS = option("--connections", 50);
const SECONDS = option("--seconds", 30);
const CUSTOMERS = 1_000;
const REPEAT_SHARE = 0.25;

const here = fileURLToPath(new URL(".", import.meta.url));
const STATE = join(here, ".state", "load");
const PERSIST = join(STATE, "d1");
const began = Date.now();
const say = (text) => console.log(`load ${String(Math.round((Date.now() - began) / 1000)).padStart(4)}s  ${text}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let server = null;
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => (server ? server.stop() : Promise.resolve()).finally(() => process.exit(130)));

/** Cycles through a weighted list of request kinds. */
const MIX = [
  ["lookup", 8],
  ["customer", 6],
  ["list", 4],
  ["timeline", 6],
  ["overview", 3],
  ["segment", 3],
  ["interaction", 6],
  ["new customer", 4],
  ["order", 5],
  ["woocommerce", 9],
  ["shopify", 6],
  ["generic", 6],
];
const WHEEL = MIX.flatMap(([kind, weight]) => Array(weight).fill(kind));

function requestMaker(ctx) {
  const sent = { woocommerce: [], shopify: [], generic: [] };
  let newCustomers = 0;
  let orderNumber = 7_000_000;
  const json = { cookie: ctx.cookie, origin: ctx.url, "content-type": "application/json" };
  const read = { cookie: ctx.cookie };
  const customerOf = (k) => 1 + ((k * 7919) % CUSTOMERS);
  return (k) => {
    const kind = WHEEL[(k * 31) % WHEEL.length];
    const i = customerOf(k);
    const id = customerIdOf(ctx.t0, i);
    switch (kind) {
      case "lookup":
        return { kind, path: `/api/customers/lookup?identifier=${encodeURIComponent(mobileForm(mobileOf(i), k))}`, headers: read };
      case "customer":
        return { kind, path: `/api/customers/${id}`, headers: read };
      case "list":
        return { kind, path: "/api/customers?limit=50", headers: read };
      case "timeline":
        return { kind, path: `/api/customers/${id}/timeline`, headers: read };
      case "overview":
        return { kind, path: "/api/stats/overview", headers: read };
      case "segment":
        return { kind, method: "POST", path: "/api/segments/preview", headers: json, body: JSON.stringify({ filter: { stages: ["active", "at_risk"], orderCount: { min: 3 } } }) };
      case "interaction":
        return { kind, method: "POST", path: `/api/customers/${id}/interactions`, headers: json, body: JSON.stringify({ type: "call", direction: "inbound", summary: `تماس ${k}` }) };
      case "new customer":
        return { kind, method: "POST", path: "/api/customers", headers: json, body: JSON.stringify({ firstName: "بار", lastName: `آزمون ${k}`, mobile: `0936${String(++newCustomers + k * 10).padStart(7, "0").slice(-7)}` }) };
      case "order":
        return { kind, method: "POST", path: "/api/orders", headers: json, body: JSON.stringify({ customerId: id, total: 150_000 + (k % 50) * 1000, status: "paid", channel: "instagram" }) };
      default: {
        const platform = kind;
        const repeat = sent[platform].length > 0 && (k * 13) % 100 < REPEAT_SHARE * 100;
        const delivery = repeat
          ? sent[platform][(k * 17) % sent[platform].length]
          : platform === "woocommerce"
            ? wooOrderDelivery({ orderId: ++orderNumber, customerNumber: wooCustomerOf(i) ?? 800_000 + i, phone: mobileForm(mobileOf(i), k) })
            : platform === "shopify"
              ? shopifyOrderDelivery({ orderId: ++orderNumber, phone: mobileOf(i) })
              : genericOrderDelivery({ secret: ctx.shops.generic.secret, orderId: ++orderNumber, mobile: mobileForm(mobileOf(i), k) });
        if (!repeat) sent[platform].push(delivery);
        const connection = platform === "generic" ? ctx.shops.generic.id : ctx.shops[platform === "woocommerce" ? "woo" : "shopify"];
        return { kind: platform, delivery: `${platform}:${delivery.deliveryId}`, repeat, method: "POST", path: `/webhooks/${platform}/${connection}`, headers: delivery.headers, body: delivery.body };
      }
    }
  };
}

async function runLoad(ctx) {
  const make = requestMaker(ctx);
  const outcomes = [];
  // Every delivery put on the wire: at the end some are in flight, stored but never answered.
  const sent = new Set();
  let k = 0;
  const instance = autocannon({
    url: ctx.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 30,
    requests: [
      {
        setupRequest(request, context) {
          const spec = make(k++);
          if (spec.delivery) sent.add(spec.delivery);
          context.spec = spec;
          context.started = process.hrtime.bigint();
          request.method = spec.method ?? "GET";
          request.path = spec.path;
          request.headers = { ...spec.headers };
          request.body = spec.body;
          return request;
        },
        onResponse(status, _body, context) {
          const { spec, started } = context;
          outcomes.push({ kind: spec.kind, status, delivery: spec.delivery, repeat: spec.repeat, ms: Number(process.hrtime.bigint() - started) / 1e6 });
        },
      },
    ],
  });
  const result = await instance;
  return { outcomes, result, sent };
}

/** Resolves once no queue invocation has run for 15 seconds (10 minutes at most). */
async function queueQuiet(worker) {
  const QUIET_MS = 15_000;
  let seen = -1;
  let since = Date.now();
  for (const until = Date.now() + 600_000; Date.now() < until; await sleep(1_000)) {
    const count = worker.meterLines.filter((line) => line.kind === "queue").length;
    if (count !== seen) {
      seen = count;
      since = Date.now();
    } else if (Date.now() - since >= QUIET_MS) return;
  }
}

const percentile = (values, p) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function main() {
  if (Number(process.versions.node.split(".")[0]) < 22) throw new Error("run this through `npm run load`, which uses the project's Node 22.");
  rmSync(STATE, { recursive: true, force: true });
  mkdirSync(STATE, { recursive: true });
  say("building the Worker as a deploy would, into bench/.state/load/build …");
  const build = await freezeBuild(join(STATE, "build"));
  await wranglerOk(["d1", "migrations", "apply", "DB", "--local", "--persist-to", PERSIST]);
  const port = await freePort(Number(process.env.LOAD_PORT) || 8881);
  // Metered, so the queue's invocations show in the log: the load waits for them to go quiet, and
  // reports the most D1 queries one of them made.
  const options = { config: build.config, port, persistTo: PERSIST, vars: { D1_METER: "on" }, label: "app" };

  server = await startWorker(options);
  const owner = await signUp(server.url, { workspaceName: "فروشگاه بار" });
  const plugins = await enableAllPlugins(owner.api);
  const shops = await connectShops(owner.api);
  await server.stop();
  const t0 = Date.now() - SPAN - DAY;
  const file = join(STATE, "seed.sql");
  writeFileSync(file, seedSql({ workspaceId: owner.workspaceId, ownerId: owner.ownerId, wooConnectionId: shops.woo, t0, now: Date.now(), from: 1, to: CUSTOMERS }));
  await wranglerOk(["d1", "execute", "DB", "--local", "--persist-to", PERSIST, "--file", file]);
  say(`workspace of ${num(CUSTOMERS)} customers seeded; plugins enabled: ${plugins.join(", ") || "(none compiled in)"}`);

  server = await startWorker(options);
  const ctx = { url: server.url, cookie: owner.api.cookie, t0, shops };
  say(`load: ${CONNECTIONS} clients for ${SECONDS} s on ${server.url} …`);
  const { outcomes, result, sent } = await runLoad(ctx);
  say(`${num(outcomes.length)} responses (${result.errors} connection errors, ${result.timeouts} timeouts); letting background work settle …`);

  // Deliveries are processed after their 202; the queue delivers events to hooks; the cron re-sends anything stuck.
  const connectionIds = [shops.woo, shops.shopify, shops.generic.id];
  for (let waited = 0; waited < 180_000; waited += 2_000) {
    const received = await Promise.all(
      connectionIds.map((id) => owner.api.expect("GET", `/api/connections/${id}/deliveries?status=received&limit=1`).then((page) => page.items.length)),
    );
    if (received.every((n) => n === 0)) break;
    await sleep(2_000);
  }
  await queueQuiet(server);
  await fetch(`${server.url}/__scheduled?cron=${encodeURIComponent("* * * * *")}`, { headers: { "sec-fetch-mode": "no-cors" } }).catch(() => {});
  await queueQuiet(server);
  const invocations = server.meterLines.filter((line) => line.kind === "queue");
  await server.stop();
  server = null;

  const checks = await verify(owner.workspaceId, outcomes, shops, sent);
  const busiest = invocations.reduce((max, line) => Math.max(max, line.calls), 0);
  checks.push({ name: "queue invocations within 50 D1 queries (Workers Free)", ok: busiest <= 50, detail: `${num(invocations.length)} queue invocations, the busiest ${busiest} queries` });
  print(outcomes, checks);
  const report = { takenAt: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, plugins, errors: result.errors, timeouts: result.timeouts, checks, outcomes: summary(outcomes) };
  writeFileSync(join(here, "load-results.json"), `${JSON.stringify(report, null, 2)}\n`);
  const failed = checks.filter((check) => !check.ok);
  if (failed.length) {
    console.error(`\nload: ${failed.length} check(s) failed`);
    process.exitCode = 1;
  }
}

function summary(outcomes) {
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  return kinds.map((kind) => {
    const of = outcomes.filter((o) => o.kind === kind);
    const statuses = {};
    for (const o of of) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    return { kind, requests: of.length, statuses, p50: percentile(of.map((o) => o.ms), 50), p99: percentile(of.map((o) => o.ms), 99) };
  });
}

async function verify(workspaceId, outcomes, shops, sent) {
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok, detail });
  const fivexx = outcomes.filter((o) => o.status >= 500);
  check("no 5xx", fivexx.length === 0, `${fivexx.length} of ${outcomes.length} responses`);
  const webhooks = outcomes.filter((o) => o.delivery);
  const refused = webhooks.filter((o) => o.status !== 202 && o.status !== 200);
  check("every signed delivery accepted (202, or 200 for a repeat)", refused.length === 0, `${refused.length} refused of ${webhooks.length}`);
  const accepted = new Set(webhooks.filter((o) => o.status === 202 || o.status === 200).map((o) => o.delivery));
  const repeats = webhooks.filter((o) => o.repeat).length;

  const W = `'${workspaceId}'`;
  const platformOf = { [shops.woo]: "woocommerce", [shops.shopify]: "shopify", [shops.generic.id]: "generic" };
  const stored = await sqlRows(PERSIST, `select connection_id, delivery_id, status from webhook_deliveries where workspace_id = ${W}`);
  const storedKeys = stored.map((row) => `${platformOf[row.connection_id]}:${row.delivery_id.split(":")[0]}`);
  const storedSet = new Set(storedKeys);
  const missing = [...accepted].filter((key) => !storedSet.has(key));
  const unknown = [...storedSet].filter((key) => !sent.has(key));
  check(
    "every accepted delivery stored exactly once",
    missing.length === 0 && unknown.length === 0 && storedSet.size === storedKeys.length,
    `${num(sent.size)} distinct sent (${num(repeats)} repeats on top), ${num(accepted.size)} answered, ${num(storedKeys.length)} stored (the rest in flight at the end), ${missing.length} answered but missing`,
  );
  const unsettled = stored.filter((row) => row.status !== "processed" && row.status !== "duplicate");
  check("every stored delivery processed", unsettled.length === 0, unsettled.length ? JSON.stringify(unsettled.slice(0, 3)) : `${num(stored.length)} processed or duplicate`);
  const [orders] = await sqlRows(PERSIST, `select count(*) as n, count(distinct connection_id || ':' || external_id) as distinct_orders from orders where workspace_id = ${W} and external_id is not null`);
  check("every shop order recorded once", orders.n === orders.distinct_orders && orders.n === storedKeys.length, `${num(orders.n)} shop orders for ${num(storedKeys.length)} stored deliveries, each a new order`);

  const [events] = await sqlRows(PERSIST, `select count(*) as n, sum(dispatched_at is null) as undispatched from events where workspace_id = ${W}`);
  check("every event handed to the delivery queue", Number(events.undispatched) === 0, `${num(events.n)} events, ${num(Number(events.undispatched))} not dispatched`);
  const failing = await sqlRows(PERSIST, `select target, status, count(*) as n from event_deliveries where workspace_id = ${W} group by target, status`);
  check("no hook delivery failing or dead", failing.length === 0, failing.length ? JSON.stringify(failing) : "none");
  // A target takes the events whose names it has receipts for; every such event has exactly one.
  const coverage = await sqlRows(
    PERSIST,
    `with taken as (select distinct r.target, e.name from delivery_receipts r join events e on e.id = r.event_id where r.workspace_id = ${W})
     select t.target, count(e.id) as expected, sum((select count(*) from delivery_receipts r where r.event_id = e.id and r.target = t.target)) as receipts
     from taken t join events e on e.workspace_id = ${W} and e.name = t.name group by t.target`,
  );
  const short = coverage.filter((row) => Number(row.receipts) !== Number(row.expected));
  check("every hook delivered once per event it takes", short.length === 0, coverage.length ? coverage.map((row) => `${row.target}: ${num(Number(row.receipts))}/${num(Number(row.expected))}`).join(", ") : "no hook targets");
  return checks;
}

function print(outcomes, checks) {
  console.log(`\nMixed load: ${CONNECTIONS} clients × ${SECONDS} s (latency in ms)\n`);
  const rows = summary(outcomes);
  console.log(
    table([
      ["request", "count", "statuses", "p50", "p99"],
      ...rows.map((row) => [row.kind, num(row.requests), Object.entries(row.statuses).map(([code, n]) => `${code}×${n}`).join(" "), ms(row.p50), ms(row.p99)]),
      ["all", num(outcomes.length), "", ms(percentile(outcomes.map((o) => o.ms), 50)), ms(percentile(outcomes.map((o) => o.ms), 99))],
    ]),
  );
  console.log("\nAfterwards\n");
  console.log(table([["check", "result", "detail"], ...checks.map((c) => [c.name, c.ok ? "ok" : "FAILED", c.detail])]));
}

main()
  .catch((error) => {
    console.error(`load failed: ${error?.stack ?? error}`);
    process.exitCode = 1;
  })
  .finally(() => server?.stop());
