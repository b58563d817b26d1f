// The two measurements the benchmark takes of an endpoint: what one request costs in D1 (from
// the metered Worker's x-d1-* headers, or its log line when the work continues after the
// response), and latency, throughput and workerd CPU under a concurrent load (autocannon).
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import { cpuSeconds } from "./server.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const figure = (headers, name) => {
  const value = headers.get(name);
  return value === null ? null : Number(value);
};

/**
 * One request's D1 cost. `make()` gives the request, { method, path, headers, body }, afresh for
 * each send (a webhook must not repeat its delivery id). With `untilSettled`, the figure is the
 * whole invocation's (the response is sent before the work ends, e.g. a webhook processed after
 * its 202, or a streamed export): it is read from the Worker's log.
 */
export async function d1Cost(server, make, { untilSettled = false, warmups = 1 } = {}) {
  const send = async (tag) => {
    const request = make();
    const response = await fetch(`${server.url}${request.path}`, {
      method: request.method ?? "GET",
      headers: { ...(request.headers ?? {}), "x-d1-meter-tag": tag },
      body: request.body,
    });
    const text = await response.text();
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (a CSV export)
    }
    return Object.assign(response, { parsed: body });
  };
  for (let i = 0; i < warmups; i++) await send(`warmup-${randomUUID()}`);
  const tag = randomUUID();
  const response = await send(tag);
  const answered = {
    status: response.status,
    body: response.parsed,
    calls: figure(response.headers, "x-d1-calls"),
    statements: figure(response.headers, "x-d1-statements"),
    rowsRead: figure(response.headers, "x-d1-rows-read"),
    rowsWritten: figure(response.headers, "x-d1-rows-written"),
    unmetered: figure(response.headers, "x-d1-unmetered") ?? 0,
  };
  // Every request's log line names it; with D1_METER=statements it lists each statement.
  let line = null;
  for (let waited = 0; waited < 30_000 && !line; waited += 100) {
    line = server.meterLines.find((entry) => entry.tag === tag) ?? null;
    if (!line) await sleep(100);
  }
  const heaviest = (line?.trace ?? [])
    .filter((statement) => statement.rowsRead > 0)
    .sort((a, b) => b.rowsRead - a.rowsRead)
    .slice(0, 3);
  if (!untilSettled) return { ...answered, heaviest };
  if (line) return { status: response.status, body: response.parsed, calls: line.calls, statements: line.statements, rowsRead: line.rowsRead, rowsWritten: line.rowsWritten, unmetered: line.unmetered, heaviest };
  return { ...answered, heaviest, note: "the invocation's log line did not arrive; the figure is the response's part only" };
}

/**
 * Load: `connections` clients for `seconds`, each request made by `next(k)` (k counts up), with a
 * short warm-up first. CPU is the workerd processes' user + system time over the run.
 */
export async function underLoad(baseUrl, next, { connections = 10, seconds = 8, workerdPids = [] } = {}) {
  let k = 0;
  const requests = [
    {
      setupRequest(request) {
        const spec = next(k++);
        request.method = spec.method ?? "GET";
        request.path = spec.path;
        request.headers = { ...(spec.headers ?? {}) };
        request.body = spec.body;
        return request;
      },
    },
  ];
  await autocannon({ url: baseUrl, connections, duration: 1, requests });
  const statuses = {};
  const cpuBefore = workerdPids.length ? cpuSeconds(workerdPids) : null;
  const instance = autocannon({ url: baseUrl, connections, duration: seconds, requests });
  instance.on("response", (_client, statusCode) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const cpuAfter = workerdPids.length ? cpuSeconds(workerdPids) : null;
  const completed = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    requests: completed,
    statuses,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round((completed / result.duration) * 10) / 10,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuMsPerRequest: cpuBefore === null || completed === 0 ? null : Math.round(((cpuAfter - cpuBefore) * 1000 * 100) / completed) / 100,
  };
}
