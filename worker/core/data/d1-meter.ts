// What one invocation costs in D1, taken from the metadata D1 returns with every statement: calls
// (round trips, which count against the Workers plan's subrequest limit), statements, rows read
// and rows written (what D1 bills). Off unless the Worker runs with the variable D1_METER=on (the
// benchmark sets it): then each handler gets an env whose DB counts, every response carries
// `x-d1-*` headers and a Server-Timing entry, and once the invocation's background work has
// settled a `d1-meter {json}` line goes to the log. D1_METER=statements also lists each
// statement's SQL and rows in that line, to find the one that reads too much. When off, the
// handlers are called as they are.

export interface D1Usage {
  /** Round trips to D1: one per statement run on its own, one per batch. */
  calls: number;
  statements: number;
  rowsRead: number;
  rowsWritten: number;
  /** Time D1 reports spending on the statements, in ms. */
  durationMs: number;
  /** Calls whose metadata could not be read (their rows are missing from the totals). */
  unmetered: number;
  /** With D1_METER=statements: each statement, its SQL shortened, with its rows. */
  trace?: Array<{ sql: string; rowsRead: number; rowsWritten: number }>;
}

export const emptyUsage = (traced = false): D1Usage => ({ calls: 0, statements: 0, rowsRead: 0, rowsWritten: 0, durationMs: 0, unmetered: 0, ...(traced ? { trace: [] } : {}) });

function count(usage: D1Usage, metas: Array<Partial<D1Meta> | undefined>, sqls: Array<string | undefined> = []): void {
  usage.calls += 1;
  metas.forEach((meta, index) => {
    usage.statements += 1;
    usage.rowsRead += meta?.rows_read ?? 0;
    usage.rowsWritten += meta?.rows_written ?? 0;
    usage.durationMs += meta?.duration ?? 0;
    usage.trace?.push({ sql: (sqls[index] ?? "?").replace(/\s+/g, " ").slice(0, 300), rowsRead: meta?.rows_read ?? 0, rowsWritten: meta?.rows_written ?? 0 });
  });
}

/** The binding's own statement, which the session call below needs. */
interface BindingStatement {
  dbSession?: { _sendOrThrow?: (endpoint: string, query: string, params: unknown[], format: string, span: unknown) => Promise<unknown> };
  statement?: string;
  params?: unknown[];
}

/** raw() with its metadata: the query raw() itself sends, whose answer raw() keeps without the meta. */
async function rawWithMeta(statement: D1PreparedStatement, columnNames: boolean): Promise<{ rows: unknown[][]; meta?: D1Meta } | null> {
  const binding = statement as unknown as BindingStatement;
  const send = binding.dbSession?._sendOrThrow;
  if (typeof send !== "function" || typeof binding.statement !== "string") return null;
  const quietSpan = { setAttribute() {}, setAttributes() {} };
  const answer = await send.call(binding.dbSession, "/query", binding.statement, binding.params ?? [], "ROWS_AND_COLUMNS", quietSpan);
  const result = (Array.isArray(answer) ? answer[0] : answer) as { meta?: D1Meta; results?: unknown };
  const results = result.results;
  if (results === undefined) return { rows: [], meta: result.meta };
  if (Array.isArray(results)) {
    const objects = results as Record<string, unknown>[];
    const header = columnNames && objects[0] ? [Object.keys(objects[0])] : [];
    return { rows: [...header, ...objects.map((row) => Object.values(row))], meta: result.meta };
  }
  const { columns, rows } = results as { columns: string[]; rows: unknown[][] };
  return { rows: columnNames ? [columns, ...rows] : rows, meta: result.meta };
}

class MeteredStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    private readonly usage: D1Usage,
    readonly sql: string,
    private readonly rowsOfRaw: boolean,
  ) {}

  bind(...values: unknown[]): MeteredStatement {
    return new MeteredStatement(this.inner.bind(...values), this.usage, this.sql, this.rowsOfRaw);
  }

  async all<T>(): Promise<D1Result<T>> {
    const result = await this.inner.all<T>();
    count(this.usage, [result.meta], [this.sql]);
    return result;
  }

  async run<T>(): Promise<D1Result<T>> {
    const result = await this.inner.run<T>();
    count(this.usage, [result.meta], [this.sql]);
    return result;
  }

  // first() keeps no metadata either; all() returns the same rows, and the first of them is the answer.
  async first<T>(columnName?: string): Promise<T | null> {
    const result = await this.all<Record<string, unknown>>();
    const row = result.results[0];
    if (!row) return null;
    if (columnName === undefined) return row as T;
    if (!(columnName in row)) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${columnName})`);
    return row[columnName] as T;
  }

  // Rows as arrays keep columns that share a name (joins), which all()'s objects would merge, so
  // raw() stays raw and its metadata is read from the answer raw() itself receives.
  async raw<T>(options?: { columnNames?: boolean }): Promise<T[]> {
    const answer = this.rowsOfRaw ? await rawWithMeta(this.inner, options?.columnNames === true) : null;
    if (answer) {
      count(this.usage, [answer.meta], [this.sql]);
      return answer.rows as T[];
    }
    this.usage.calls += 1;
    this.usage.statements += 1;
    this.usage.unmetered += 1;
    return (await this.inner.raw(options as { columnNames?: false })) as T[];
  }
}

const unwrap = (statements: D1PreparedStatement[]) => statements.map((s) => (s instanceof MeteredStatement ? s.inner : s));
const sqlOf = (statements: D1PreparedStatement[]) => statements.map((s) => (s instanceof MeteredStatement ? s.sql : undefined));

/**
 * A D1 binding that adds what each call costs to `usage`; otherwise it is the binding itself.
 * `rowsOfRaw: false` counts raw() calls without their rows, through the binding's public API only
 * (for counting calls in production; the rows of raw() need the binding's internals).
 */
export function meteredD1(db: D1Database, usage: D1Usage, { rowsOfRaw = true }: { rowsOfRaw?: boolean } = {}): D1Database {
  const metered = {
    prepare: (query: string) => new MeteredStatement(db.prepare(query), usage, query, rowsOfRaw),
    async batch<T>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
      const results = await db.batch<T>(unwrap(statements));
      count(usage, results.map((result) => result.meta), sqlOf(statements));
      return results;
    },
    async exec(query: string): Promise<D1ExecResult> {
      const result = await db.exec(query);
      usage.calls += 1;
      usage.statements += result.count;
      usage.unmetered += 1;
      return result;
    },
    withSession(constraintOrBookmark?: string) {
      const session = db.withSession(constraintOrBookmark);
      return {
        prepare: (query: string) => new MeteredStatement(session.prepare(query), usage, query, rowsOfRaw),
        async batch<T>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
          const results = await session.batch<T>(unwrap(statements));
          count(usage, results.map((result) => result.meta), sqlOf(statements));
          return results;
        },
        getBookmark: () => session.getBookmark(),
      };
    },
    dump: () => db.dump(),
  };
  return metered as unknown as D1Database;
}

/** The env with its D1 binding counting calls into the returned usage (public API only; see above). */
export function withQueryCount(env: Env): { env: Env; usage: D1Usage } {
  const usage = emptyUsage();
  return { env: { ...env, DB: meteredD1(env.DB, usage, { rowsOfRaw: false }) } as Env, usage };
}

const meterMode = (env: Env): unknown => (env as unknown as Record<string, unknown>).D1_METER;

/** Whether this Worker was started with D1_METER=on (or =statements). */
export const meterRequested = (env: Env): boolean => meterMode(env) === "on" || meterMode(env) === "statements";

/** An execution context that remembers the background work handed to it, so its cost is counted too. */
function trackingContext(ctx: ExecutionContext, pending: Promise<unknown>[]): ExecutionContext {
  return {
    waitUntil(promise: Promise<unknown>) {
      pending.push(promise);
      ctx.waitUntil(promise);
    },
    passThroughOnException: () => ctx.passThroughOnException(),
    props: ctx.props,
  } as ExecutionContext;
}

/** Waits for background work, including work that background work hands on. */
async function settle(pending: Promise<unknown>[]): Promise<void> {
  for (let seen = 0; seen < pending.length; ) {
    const next = pending.length;
    await Promise.allSettled(pending.slice(seen, next));
    seen = next;
  }
}

const logUsage = (what: Record<string, unknown>, usage: D1Usage) => console.log(`d1-meter ${JSON.stringify({ ...what, ...usage })}`);

function setUsageHeaders(headers: Headers, usage: D1Usage): void {
  headers.set("x-d1-calls", String(usage.calls));
  headers.set("x-d1-statements", String(usage.statements));
  headers.set("x-d1-rows-read", String(usage.rowsRead));
  headers.set("x-d1-rows-written", String(usage.rowsWritten));
  if (usage.unmetered) headers.set("x-d1-unmetered", String(usage.unmetered));
  headers.append("server-timing", `d1;dur=${usage.durationMs.toFixed(2)};desc="${usage.calls} calls, ${usage.rowsRead} rows read, ${usage.rowsWritten} written"`);
}

interface Handlers {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response>;
  queue(batch: MessageBatch<unknown>, env: Env, ctx?: ExecutionContext): Promise<void>;
  scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void>;
}

/**
 * The Worker's handlers, metered when D1_METER=on. A response's headers count what ran before it
 * was sent; the log line counts the whole invocation, background work included. A request may
 * name itself in the log with an `x-d1-meter-tag` header.
 */
export function meterD1<H extends Handlers>(handlers: H): H {
  return {
    ...handlers,
    async fetch(request: Request, env: Env, ctx: ExecutionContext) {
      if (!meterRequested(env)) return handlers.fetch(request, env, ctx);
      const usage = emptyUsage(meterMode(env) === "statements");
      const pending: Promise<unknown>[] = [];
      const response = await handlers.fetch(request, { ...env, DB: meteredD1(env.DB, usage) }, trackingContext(ctx, pending));
      // A streamed body (an export) keeps reading D1 after the handler returns: the log waits for its end.
      let bodyDone: Promise<void> = Promise.resolve();
      let body = response.body;
      if (body) {
        let done!: () => void;
        bodyDone = new Promise<void>((resolve) => (done = resolve));
        body = body.pipeThrough(new TransformStream({ flush: () => done() }));
      }
      const answered = new Response(body, response);
      setUsageHeaders(answered.headers, usage);
      const url = new URL(request.url);
      ctx.waitUntil(
        Promise.all([settle(pending), bodyDone]).then(() =>
          logUsage({ kind: "fetch", method: request.method, path: url.pathname, status: response.status, tag: request.headers.get("x-d1-meter-tag") }, usage),
        ),
      );
      return answered;
    },
    async queue(batch: MessageBatch<unknown>, env: Env, ctx?: ExecutionContext) {
      if (!meterRequested(env)) return handlers.queue(batch, env, ctx);
      const usage = emptyUsage(meterMode(env) === "statements");
      const pending: Promise<unknown>[] = [];
      try {
        await handlers.queue(batch, { ...env, DB: meteredD1(env.DB, usage) }, ctx && trackingContext(ctx, pending));
      } finally {
        await settle(pending);
        logUsage({ kind: "queue", queue: batch.queue, messages: batch.messages.length }, usage);
      }
    },
    async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext) {
      if (!meterRequested(env)) return handlers.scheduled(controller, env, ctx);
      const usage = emptyUsage(meterMode(env) === "statements");
      const pending: Promise<unknown>[] = [];
      try {
        await handlers.scheduled(controller, { ...env, DB: meteredD1(env.DB, usage) }, trackingContext(ctx, pending));
      } finally {
        await settle(pending);
        logUsage({ kind: "scheduled", cron: controller.cron }, usage);
      }
    },
  };
}
