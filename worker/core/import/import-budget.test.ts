// An import never needs more D1 queries in one invocation than the plan allows: on the Workers
// Free plan (50, the default), the upload and every chunk on the jobs queue stay within it, with
// every compiled-in plugin enabled, for new customers, merged ones, rejected rows and orders.
import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../../index";
import { signUp, type ApiClient, type Fetcher } from "../../../test/support/client";
import { chunkRows, DEFAULT_QUERIES_PER_INVOCATION } from "./chunk-rows";
import { chunkMessage } from "./import-message";
import { csvOf } from "./import.test-support";

/** The deployment as a free one runs it (no D1_QUERIES_PER_INVOCATION), metered. */
const freeEnv = { ...env, D1_METER: "on", D1_QUERIES_PER_INVOCATION: undefined } as unknown as Env;
const ROWS = chunkRows(freeEnv);

let meterLines: Array<Record<string, unknown>> = [];

const metered: Fetcher = {
  async fetch(request: Request) {
    const ctx = createExecutionContext();
    const response = await worker.fetch(request, freeEnv, ctx);
    const body = await response.arrayBuffer();
    await waitOnExecutionContext(ctx);
    return new Response(body, response);
  },
};

/** Runs each chunk of a queued job through the queue handler; returns the D1 calls of each invocation. */
async function driveChunks(workspaceId: string, jobId: string, chunkCount: number): Promise<number[]> {
  const calls: number[] = [];
  for (let seq = 0; seq < chunkCount; seq++) {
    meterLines = [];
    const batch = createMessageBatch("edge-crm-jobs", [{ id: `${jobId}-${seq}`, timestamp: new Date(), attempts: 1, body: chunkMessage(workspaceId, jobId, seq) }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, freeEnv, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toHaveLength(1);
    const line = meterLines.find((entry) => entry.kind === "queue");
    calls.push(Number(line?.calls));
  }
  return calls;
}

let owner: ApiClient;
let workspaceId: string;

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation((text: unknown) => {
    if (typeof text === "string" && text.startsWith("d1-meter ")) meterLines.push(JSON.parse(text.slice("d1-meter ".length)));
  });
  ({ owner, workspaceId } = await signUp({ worker: metered }));
  // Every plugin's before hooks run on imported rows too: the costliest case.
  for (const plugin of (await owner.get("/api/plugins")).body.items) await owner.patch(`/api/plugins/${plugin.id}`, { enabled: true });
  for (let i = 0; i < 3; i++) await owner.post("/api/customers", { firstName: `Old ${i}`, mobile: `0912000000${i}`, email: `old${i}@example.com` });
});

afterAll(() => vi.restoreAllMocks());

describe("imports on the Workers Free plan", () => {
  it("sizes chunks to what 50 D1 queries allow", () => {
    expect(DEFAULT_QUERIES_PER_INVOCATION).toBe(50);
    expect(ROWS).toBeGreaterThanOrEqual(1);
    expect(chunkRows({ ...env, D1_QUERIES_PER_INVOCATION: "1000" } as unknown as Env)).toBeGreaterThan(ROWS);
  });

  it("runs a one-chunk customers file in the request within 50 D1 queries", async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => [`0935100${String(i).padStart(4, "0")}`, `تک ${i}`, `one${i}@example.com`]);
    const response = await owner.post("/api/import/customers", { csv: csvOf([["mobile", "name", "email"], ...rows]), mapping: { mobile: "mobile", name: "firstName", email: "email" } });
    expect(response.status).toBe(200);
    expect(response.body.totals.accepted).toBe(ROWS);
    expect(Number(response.headers.get("x-d1-calls"))).toBeLessThanOrEqual(50);
  });

  it("runs a larger customers file chunk by chunk, each invocation within 50 D1 queries", async () => {
    // New customers, the existing ones with a changed name and a new e-mail (merged), and broken rows.
    const rows = [
      ...Array.from({ length: ROWS * 2 }, (_, i) => [`0935200${String(i).padStart(4, "0")}`, `Customer ${i}`, `new${i}@example.com`]),
      ...Array.from({ length: 3 }, (_, i) => [`0912000000${i}`, `Renamed ${i}`, `renamed${i}@example.com`]),
      ["0912", "Broken", ""],
      ["not a mobile", "Broken", "not an email"],
    ];
    const upload = await owner.post("/api/import/customers", { csv: csvOf([["mobile", "name", "email"], ...rows]), mapping: { mobile: "mobile", name: "firstName", email: "email" } });
    expect(upload.status).toBe(202);
    expect(Number(upload.headers.get("x-d1-calls"))).toBeLessThanOrEqual(50);
    const chunkCount = Math.ceil(rows.length / ROWS);
    const calls = await driveChunks(workspaceId, upload.body.id, chunkCount);
    expect(Math.max(...calls)).toBeLessThanOrEqual(50);
    const job = await owner.get(`/api/import/jobs/${upload.body.id}`);
    expect(job.body).toMatchObject({ status: "done", totals: { accepted: ROWS * 2, merged: 3, unchanged: 0, rejected: 2 } });
  });

  it("runs an orders file chunk by chunk, each invocation within 50 D1 queries", async () => {
    const rows = Array.from({ length: ROWS * 2 + 1 }, (_, i) => [`INV-${i}`, i % 2 ? `0912000000${i % 3}` : `+98 912 000 000${i % 3}`, String(100_000 + i), "2025-03-01", "paid"]);
    const upload = await owner.post("/api/import/orders", {
      csv: csvOf([["id", "customer", "total", "date", "status"], ...rows]),
      mapping: { id: "externalId", customer: "customer", total: "total", date: "placedAt", status: "status" },
      source: "old-shop",
    });
    expect(upload.status).toBe(202);
    const calls = await driveChunks(workspaceId, upload.body.id, Math.ceil(rows.length / ROWS));
    expect(Math.max(...calls)).toBeLessThanOrEqual(50);
    const job = await owner.get(`/api/import/jobs/${upload.body.id}`);
    expect(job.body).toMatchObject({ status: "done", totals: { accepted: rows.length, rejected: 0 } });
  });
});
