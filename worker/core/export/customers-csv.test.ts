import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate/browser";
import { addMember, ORIGIN, signUp, type ApiClient } from "../../../test/support/client";

/** A raw download, bytes and text: decoding drops the BOM, so the bytes show it. A body makes it a POST. */
async function download(client: ApiClient, path: string, body?: unknown) {
  const init: RequestInit =
    body === undefined ? { headers: client.headers } : { method: "POST", headers: { origin: ORIGIN, ...client.headers, "content-type": "application/json" }, body: JSON.stringify(body) };
  const response = await exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
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

/** Three customers whose days are known in both calendars; only the first two live in Tabriz. */
async function customersWithKnownDays(workspaceId: string, prefix: string): Promise<string[]> {
  const ids = await insertCustomers(workspaceId, 3, prefix);
  // 2024-12-06 10:00 UTC is 16 Azar 1403 in Tehran; 22:00 UTC is already the next day there.
  const morning = Date.UTC(2024, 11, 6, 10);
  const lateEvening = Date.UTC(2024, 11, 6, 22);
  await env.DB.batch([
    env.DB.prepare("update customers set city = 'Tabriz', created_at = ?, last_order_at = ?, order_count = 2, lifecycle_stage = 'at_risk', birthday = '1990-03-21', gender = 'female' where id = ?").bind(morning, lateEvening, ids[0]),
    env.DB.prepare("update customers set city = 'Tabriz', created_at = ? where id = ?").bind(lateEvening, ids[1]),
  ]);
  return ids;
}

describe("exporting customers in the reader's language", () => {
  it("writes Persian headers, words and Jalali days for exactly the filtered customers, and ISO times with dates=iso", async () => {
    const { owner, workspaceId } = await signUp();
    await customersWithKnownDays(workspaceId, "days");
    const file = await download(owner, "/api/export/customers.csv?city=Tabriz&lang=fa");
    expect(file.status).toBe(200);
    const rows = readCsv(file.text);
    expect(rows.map((row) => row["نام نمایشی"])).toEqual(["Bulk 1", "Bulk 0"]);
    expect(rows[1]).toMatchObject({
      "کد مشتری": "X-days-0",
      "شهر": "Tabriz",
      "تاریخ ثبت": "1403/09/16",
      "آخرین سفارش": "1403/09/17",
      "تاریخ تولد": "1369/01/01",
      "مرحله": "در معرض ریزش",
      "جنسیت": "زن",
      "رضایت پیامک": "پرسیده نشده",
      "نوع": "شخص",
      "تعداد سفارش": "2",
    });
    expect(rows[0]!["تاریخ ثبت"]).toBe("1403/09/17");
    expect(file.text).not.toContain("created_at");

    const machine = readCsv((await download(owner, "/api/export/customers.csv?city=Tabriz&lang=fa&dates=iso")).text);
    expect(machine[1]).toMatchObject({ "تاریخ ثبت": "2024-12-06T10:00:00.000Z", "آخرین سفارش": "2024-12-06T22:00:00.000Z", "تاریخ تولد": "1990-03-21", "مرحله": "در معرض ریزش" });
  });

  it("writes English headers and Gregorian local days in en, and keeps the machine's keys and codes without a language", async () => {
    const { owner, workspaceId } = await signUp();
    await customersWithKnownDays(workspaceId, "en");
    const [english] = readCsv((await download(owner, "/api/export/customers.csv?city=Tabriz&sort=orderCount&lang=en")).text);
    expect(english).toMatchObject({ "Customer code": "X-en-0", Created: "2024-12-06", "Last order": "2024-12-07", Birthday: "1990-03-21", Stage: "At risk", Gender: "Female" });
    const [machine] = readCsv((await download(owner, "/api/export/customers.csv?city=Tabriz&sort=orderCount")).text);
    expect(machine).toMatchObject({ code: "X-en-0", created_at: "2024-12-06T10:00:00.000Z", lifecycle_stage: "at_risk", gender: "female" });
    expect((await download(owner, "/api/export/customers.csv?lang=de")).status).toBe(400);
  });

  it("writes only the customers ticked on the list, in its order, and audits their ids", async () => {
    const { owner, workspaceId } = await signUp();
    const ids = await insertCustomers(workspaceId, 5, "tick");
    const other = await signUp();
    const foreign = await insertCustomers(other.workspaceId, 1, "foreign");
    const file = await download(owner, "/api/export/customers.csv?lang=en", { ids: [ids[1], ids[3], foreign[0]] });
    expect(file.status).toBe(200);
    const rows = readCsv(file.text);
    expect(rows.map((row) => row["Display name"])).toEqual(["Bulk 3", "Bulk 1"]);
    const audit = await env.DB.prepare("select details from audit_log where workspace_id = ? and action = 'export.customers_csv'").bind(workspaceId).first<{ details: string }>();
    expect(JSON.parse(audit!.details)).toMatchObject({ shown: { ids: [ids[1], ids[3], foreign[0]] }, lang: "en" });
  });
});

const unescapeXml = (text: string) => text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

/** Opens a workbook: its parts, and its one sheet's rows as records keyed by the header row (numbers stay numbers). */
function readWorkbook(bytes: Uint8Array) {
  const parts = unzipSync(bytes);
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
  const rows = [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/gs)].map(([, , inner]) => {
    const cells = new Map<string, string | number>();
    for (const [, column, attributes, body] of inner!.matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(.*?)<\/c>/gs)) {
      cells.set(column!, attributes!.includes('t="inlineStr"') ? unescapeXml(/<t[^>]*>(.*?)<\/t>/s.exec(body!)![1]!) : Number(/<v>(.*?)<\/v>/.exec(body!)![1]));
    }
    return cells;
  });
  const [header = new Map(), ...records] = rows;
  return {
    parts,
    sheet,
    records: records.map((cells) => Object.fromEntries([...header.entries()].map(([column, name]) => [String(name), cells.get(column) ?? null]))),
  };
}

describe("exporting customers as an Excel workbook", () => {
  it("holds the CSV's filtered rows with Persian headers, Jalali days and numbers, right to left", async () => {
    const { owner, workspaceId } = await signUp();
    await customersWithKnownDays(workspaceId, "xlsx");
    await env.DB.prepare("update customers set display_name = ? where id = ?").bind('Tom & "Jerry" <Shop>', "cus_xlsx000001").run();
    const file = await download(owner, "/api/export/customers.xlsx?city=Tabriz&lang=fa");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const { parts, sheet, records } = readWorkbook(file.bytes);
    expect(Object.keys(parts).sort()).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain('rightToLeft="1"');
    expect(records.map((record) => record["نام نمایشی"])).toEqual(['Tom & "Jerry" <Shop>', "Bulk 0"]);
    expect(records[1]).toMatchObject({ "کد مشتری": "X-xlsx-0", "تاریخ ثبت": "1403/09/16", "آخرین سفارش": "1403/09/17", "مرحله": "در معرض ریزش", "تعداد سفارش": 2 });
    const audit = await env.DB.prepare("select details from audit_log where workspace_id = ? and action = 'export.customers_xlsx'").bind(workspaceId).first<{ details: string }>();
    expect(JSON.parse(audit!.details)).toMatchObject({ piiMasked: false, shown: { city: "Tabriz" }, lang: "fa" });
  });

  it("masks personal data as the CSV does, and streams every customer across pages", async () => {
    const { owner, workspaceId } = await signUp();
    await create(owner, { firstName: "Sara", mobile: "09121234567", email: "sara.ahmadi@example.com" });
    const ids = await insertCustomers(workspaceId, 1203, "xlsxmany");
    const exporter = await exporterWithoutPii(owner, workspaceId);
    const { records, sheet } = readWorkbook((await download(exporter, "/api/export/customers.xlsx?lang=en&dates=iso")).bytes);
    expect(records).toHaveLength(ids.length + 1);
    expect(records[0]).toMatchObject({ "First name": "Sara", Mobile: "0912*****67", "E-mail": "s***i@example.com" });
    expect(sheet).not.toContain("1234567");
    expect(records.at(-1)).toMatchObject({ "Display name": "Bulk 1202", Created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(sheet).not.toContain("rightToLeft");
  });

  it("writes the ticked customers only", async () => {
    const { owner, workspaceId } = await signUp();
    const ids = await insertCustomers(workspaceId, 4, "xlsxtick");
    const file = await download(owner, "/api/export/customers.xlsx?lang=en", { ids: [ids[0], ids[2]] });
    expect(readWorkbook(file.bytes).records.map((record) => record["Display name"])).toEqual(["Bulk 2", "Bulk 0"]);
    expect((await download(owner, "/api/export/customers.xlsx", { ids: [] })).status).toBe(400);
  });
});
