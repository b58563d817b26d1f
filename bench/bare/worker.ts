// The bare Worker: for each hot endpoint of the app, the one D1 query at its heart and nothing
// else (no routing framework, no auth, no validation, no permissions, no plugins), so the
// benchmark can say what the app costs on top of the floor. Parameters come in the query string.
interface BareEnv {
  DB: D1Database;
}

const LIST_PAGE = 50;
const TIMELINE_PAGE = 50;

function query(env: BareEnv, url: URL): D1PreparedStatement | null {
  const p = (name: string) => url.searchParams.get(name) ?? "";
  const workspace = p("w");
  switch (url.pathname) {
    case "/lookup":
      return env.DB.prepare("select * from customer_identifiers where workspace_id = ? and kind = ? and value = ?").bind(workspace, p("kind"), p("value"));
    case "/customer":
      return env.DB.prepare("select * from customers where workspace_id = ? and id = ?").bind(workspace, p("id"));
    case "/list":
      return p("after")
        ? env.DB.prepare(
            "select * from customers where workspace_id = ? and erased_at is null and merged_into is null and id < ? order by id desc limit ?",
          ).bind(workspace, p("after"), LIST_PAGE + 1)
        : env.DB.prepare("select * from customers where workspace_id = ? and erased_at is null and merged_into is null order by id desc limit ?").bind(
            workspace,
            LIST_PAGE + 1,
          );
    case "/timeline":
      return env.DB.prepare(
        `select 'interaction' as kind, id, occurred_at as at from interactions where workspace_id = ?1 and customer_id = ?2
         union all select 'order', id, placed_at from orders where workspace_id = ?1 and customer_id = ?2
         union all select 'stage_change', id, at from customer_stage_changes where workspace_id = ?1 and customer_id = ?2
         order by at desc, id desc limit ?3`,
      ).bind(workspace, p("c"), TIMELINE_PAGE + 1);
    case "/overview":
      return env.DB.prepare(
        "select sum(orders) as orders, sum(revenue) as revenue, sum(new_customers) as new_customers from daily_rollups where workspace_id = ? and day >= ?",
      ).bind(workspace, p("from"));
    case "/segment-count":
      return env.DB.prepare(
        "select count(*) as total from customers where workspace_id = ? and erased_at is null and merged_into is null and lifecycle_stage in ('at_risk', 'lapsed') and total_spent >= ?",
      ).bind(workspace, Number(p("min")));
    case "/webhook": {
      const time = Date.now();
      return env.DB.prepare(
        `insert into webhook_deliveries (id, workspace_id, connection_id, platform, topic, delivery_id, headers, body, status, received_at, updated_at)
         values (?, ?, ?, 'woocommerce', 'order.created', ?, '{}', ?, 'duplicate', ?, ?) on conflict do nothing`,
      ).bind(`bare_${crypto.randomUUID()}`, workspace, p("c"), crypto.randomUUID(), "{}", time, time);
    }
    default:
      return null;
  }
}

export default {
  async fetch(request: Request, env: BareEnv): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/healthz") return new Response("ok");
    const statement = query(env, url);
    if (!statement) return new Response("not found", { status: 404 });
    const result = await statement.all();
    return Response.json(result.results, {
      headers: { "x-d1-calls": "1", "x-d1-rows-read": String(result.meta.rows_read), "x-d1-rows-written": String(result.meta.rows_written) },
    });
  },
} satisfies ExportedHandler<BareEnv>;
