import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addMember, ORIGIN, signUp, type ApiClient } from "../../../test/support/client";

/** A raw download, bytes and text: decoding drops the BOM, so the bytes show it. */
async function download(client: ApiClient, path: string) {
  const response = await exports.default.fetch(new Request(`${ORIGIN}${path}`, { headers: client.headers }));
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) };
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows) into records keyed by header. */
function readCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
      i++;
    } else {
      field += ch;
    }
  }
  if (field || row.length) throw new Error("CSV does not end with CRLF");
  const [header = [], ...records] = rows;
  return records.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ""])));
}

/** Inserts `count` bare customers straight into D1 (the API would take minutes for this many). */
async function insertCustomers(workspaceId: string, count: number, prefix: string): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `cus_${prefix}${String(i).padStart(6, "0")}`);
  const time = Date.now();
  const insert = env.DB.prepare(
    "insert into customers (id, workspace_id, cid, code, display_name, name_key, tags, attributes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, '[]', '{}', ?, ?)",
  );
  for (let start = 0; start < ids.length; start += 100) {
    await env.DB.batch(
      ids.slice(start, start + 100).map((id, i) => insert.bind(id, workspaceId, `X-${prefix}-${start + i}`, `X-${prefix}-${start + i}`, `Bulk ${start + i}`, `bulk ${start + i}`, time, time)),
    );
  }
  return ids;
}

async function create(client: ApiClient, body: Record<string, unknown>): Promise<string> {
  const response = await client.post("/api/customers", body);
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.text}`);
  return response.body.id;
}

/** A member whose custom role may export but not read personal data. */
async function exporterWithoutPii(owner: ApiClient, workspaceId: string) {
  const role = await owner.post("/api/roles", { key: "exporter", name: "Exporter", permissions: ["customers:read", "customers:export"] });
  expect(role.status).toBe(201);
  return addMember(workspaceId, "exporter");
}

describe("exporting customers as CSV", () => {
  it("starts with a BOM, is an attachment, and round-trips Persian and awkward text", async () => {
    const { owner } = await signUp();
    await create(owner, {
      firstName: "مریم",
      lastName: "احمدی، جونیور",
      organizationName: 'The "Best" Shop',
      mobile: "۰۹۱۲ ۱۲۳ ۴۵۶۷",
      email: "Maryam@Example.com",
      address: "تهران، خیابان ولیعصر\nپلاک ۱۲",
      city: "تهران",
      tags: ["vip", "خرید, عمده"],
    });
    const file = await download(owner, "/api/export/customers.csv");
    expect(file.status).toBe(200);
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(file.text).toContain("\r\n");
    const [row, ...rest] = readCsv(file.text);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      code: "C-00001",
      cid: "09121234567",
      first_name: "مریم",
      last_name: "احمدی، جونیور",
      organization_name: 'The "Best" Shop',
      mobile: "09121234567",
      email: "maryam@example.com",
      address: "تهران، خیابان ولیعصر\nپلاک ۱۲",
      city: "تهران",
      tags: "vip; خرید, عمده",
      consent_sms: "unknown",
      order_count: "0",
      lifecycle_stage: "prospect",
    });
    expect(row!.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("keeps a spreadsheet from running a name as a formula", async () => {
    const { owner } = await signUp();
    await create(owner, { firstName: '=HYPERLINK("http://evil.example")', mobile: "09121234567" });
    const [row] = readCsv((await download(owner, "/api/export/customers.csv")).text);
    expect(row!.first_name).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it("masks personal data for an exporter without customers.pii:read", async () => {
    const { owner, workspaceId } = await signUp();
    await create(owner, { firstName: "Sara", mobile: "09121234567", email: "sara.ahmadi@example.com", nationalCode: "0013542419", address: "Tehran, Valiasr St. 12" });
    const exporter = await exporterWithoutPii(owner, workspaceId);
    const file = await download(exporter, "/api/export/customers.csv");
    expect(file.status).toBe(200);
    const [row] = readCsv(file.text);
    expect(row).toMatchObject({ cid: "0912*****67", mobile: "0912*****67", email: "s***i@example.com", national_code: "00*******9", first_name: "Sara" });
    expect(row!.address).not.toContain("Valiasr");
    expect(file.text).not.toContain("1234567");
    const audit = await env.DB.prepare("select actor_user_id, details from audit_log where workspace_id = ? and action = 'export.customers_csv'")
      .bind(workspaceId)
      .all<{ actor_user_id: string; details: string }>();
    expect(audit.results.map((r) => [r.actor_user_id, JSON.parse(r.details)])).toEqual([[exporter.identity.userId, { piiMasked: true }]]);
  });

  it("is refused to an agent, and audits each export by whom", async () => {
    const { owner, workspaceId } = await signUp();
    const agent = await addMember(workspaceId, "agent");
    const refused = await agent.get("/api/export/customers.csv");
    expect(refused.status).toBe(403);
    await download(owner, "/api/export/customers.csv");
    const audit = await env.DB.prepare("select actor_user_id, details from audit_log where workspace_id = ? and action = 'export.customers_csv'")
      .bind(workspaceId)
      .all<{ actor_user_id: string; details: string }>();
    expect(audit.results.map((r) => [r.actor_user_id, JSON.parse(r.details)])).toEqual([[owner.identity.userId, { piiMasked: false }]]);
  });

  it("lists live customers only, with a merged customer's identifiers on the survivor", async () => {
    const { owner } = await signUp();
    const survivor = await create(owner, { firstName: "Reza", mobile: "09121111111" });
    const merged = await create(owner, { firstName: "Reza", mobile: "09352222222" });
    expect((await owner.post("/api/customers/merge", { survivorId: survivor, mergedId: merged })).status).toBe(200);
    const rows = readCsv((await download(owner, "/api/export/customers.csv")).text);
    expect(rows.map((row) => [row.code, row.mobile, row.other_identifiers])).toEqual([["C-00001", "09121111111", "mobile:09352222222; issued:C-00002"]]);
  });

  it("never includes another workspace's customers", async () => {
    const a = await signUp();
    const b = await signUp();
    await create(a.owner, { firstName: "Mine", mobile: "09121111111" });
    await create(b.owner, { firstName: "Theirs", mobile: "09122222222" });
    const text = (await download(a.owner, "/api/export/customers.csv")).text;
    expect(readCsv(text).map((row) => row.first_name)).toEqual(["Mine"]);
    expect(text).not.toContain("Theirs");
    expect(text).not.toContain("09122222222");
  });

  it("streams every customer across page boundaries, once each, oldest first", async () => {
    const { workspaceId, owner } = await signUp();
    const ids = await insertCustomers(workspaceId, 1203, "csv");
    const rows = readCsv((await download(owner, "/api/export/customers.csv")).text);
    expect(rows).toHaveLength(ids.length);
    expect(rows.map((row) => row.display_name)).toEqual(ids.map((_, i) => `Bulk ${i}`));
  });

  it("follows the list on screen: exactly the filtered customers, in its sort, across pages, with the filter audited", async () => {
    const { owner, workspaceId } = await signUp();
    const ids = await insertCustomers(workspaceId, 1100, "shown");
    // Every other customer is in Tabriz (more than a page of the export), with spending that ties in pairs.
    const chosen = ids.filter((_, i) => i % 2 === 0);
    await env.DB.batch(chosen.map((id, i) => env.DB.prepare("update customers set city = 'Tabriz', total_spent = ? where id = ?").bind(Math.floor(i / 2) * 100, id)));
    const all = await download(owner, "/api/export/customers.csv?city=Tabriz&sort=totalSpent");
    expect(all.status).toBe(200);
    const records = readCsv(all.text);
    expect(records).toHaveLength(chosen.length);
    expect(new Set(records.map((record) => record.code)).size).toBe(chosen.length);
    const spent = records.map((record) => Number(record.total_spent));
    expect(spent).toEqual([...spent].sort((a, b) => b - a));
    expect(records.every((record) => record.city === "Tabriz")).toBe(true);

    const audit = await env.DB.prepare("select details from audit_log where workspace_id = ? and action = 'export.customers_csv'").bind(workspaceId).first<{ details: string }>();
    expect(JSON.parse(audit!.details)).toMatchObject({ shown: { city: "Tabriz", sort: "totalSpent" } });
    expect((await download(owner, "/api/export/customers.csv?sort=sideways")).status).toBe(400);
  });
});
