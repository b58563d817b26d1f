// Customer import end to end through the API: dry run, real run, re-import, Persian files,
// rejected rows, mapping errors, large files in chunks, permissions and isolation.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient } from "../../../test/support/client";
import { chunkRows } from "./chunk-rows";
import { count, csvOf, driveJob } from "./import.test-support";

let owner: ApiClient;
let workspaceId: string;

const MAPPING = { mobile: "mobile", first: "firstName", last: "lastName", email: "email", city: "city", tags: "tags" };
const header = ["mobile", "first", "last", "email", "city", "tags"];

beforeAll(async () => {
  ({ owner, workspaceId } = await signUp());
  const seeded = await owner.post("/api/customers", { firstName: "Sara", lastName: "Ahmadi", mobile: "09121234567", city: "Tehran", tags: ["vip"] });
  expect(seeded.status).toBe(201);
});

describe("customer import: dry run, real run, re-import", () => {
  const file = csvOf([
    header,
    ["0935 111 2233", "Reza", "Karimi", "reza@example.com", "Shiraz", "new;instagram"],
    // Sara, written with Persian digits and the +98 form: merged, her city changes, tags join.
    ["+98 ۹۱۲ ۱۲۳ ۴۵۶۷", "Sara", "Ahmadi", "", "Karaj", "instagram"],
    ["12345", "Bad", "Mobile", "", "", ""],
    // The same person as row 1 again, with one more tag: merged into the customer row 1 creates.
    ["09351112233", "Reza", "Karimi", "", "", "repeat"],
  ]);

  it("reports per row in a dry run and writes nothing", async () => {
    const customers = await count("customers", workspaceId);
    const events = await count("events", workspaceId);
    const response = await owner.post("/api/import/customers", { csv: file, mapping: MAPPING, dryRun: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "done", dryRun: true, totalRows: 4, rowsDone: 4, totals: { accepted: 1, merged: 2, unchanged: 0, rejected: 1 } });
    const rows = response.body.rows.items;
    expect(rows.map((r: { outcome: string }) => r.outcome)).toEqual(["accepted", "merged", "rejected", "merged"]);
    expect(rows[1].changed).toEqual(expect.arrayContaining(["city", "tags"]));
    expect(rows[2].errors).toEqual([{ path: "mobile", column: "mobile", code: "invalid_mobile", message: expect.stringContaining("mobile") }]);
    expect(await count("customers", workspaceId)).toBe(customers);
    expect(await count("events", workspaceId)).toBe(events);
    expect(await count("import_keys", workspaceId)).toBe(0);
  });

  it("writes the same outcomes in the real run", async () => {
    const customers = await count("customers", workspaceId);
    const response = await owner.post("/api/import/customers", { csv: file, mapping: MAPPING });
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({ accepted: 1, merged: 2, unchanged: 0, rejected: 1 });
    expect(await count("customers", workspaceId)).toBe(customers + 1);
    const reza = await owner.get(`/api/customers/lookup?identifier=${encodeURIComponent("reza@example.com")}`);
    expect(reza.body).toMatchObject({ firstName: "Reza", city: "Shiraz", tags: expect.arrayContaining(["new", "instagram"]) });
    expect(response.body.rows.items[0].recordId).toBe(reza.body.id);
    const sara = await owner.get("/api/customers/lookup?identifier=09121234567");
    expect(sara.body.city).toBe("Karaj");
    expect(sara.body.tags).toEqual(expect.arrayContaining(["vip", "instagram"]));
  });

  it("changes nothing when the same file is imported again", async () => {
    const customers = await count("customers", workspaceId);
    const events = await count("events", workspaceId);
    const response = await owner.post("/api/import/customers", { csv: file, mapping: MAPPING });
    expect(response.body.totals).toEqual({ accepted: 0, merged: 0, unchanged: 3, rejected: 1 });
    expect(await count("customers", workspaceId)).toBe(customers);
    expect(await count("events", workspaceId)).toBe(events);
  });
});

describe("customer import of a Persian Excel file", () => {
  it("reads a BOM, semicolons, quotes, Persian digits and Jalali dates", async () => {
    const { owner: fa, workspaceId: ws } = await signUp({ locale: "fa" });
    const csv =
      "\uFEFFموبایل;نام;نام خانوادگی;کد ملی;شهر;برچسب‌ها;تولد;جنسیت;پیامک\r\n" +
      '۰۹۱۲۳۴۵۶۷۸۹;مریم;"رضایی; تهرانی";۰۰۱۳۵۴۲۴۱۹;اصفهان;"مشتری ویژه، اینستاگرام";۱۳۶۹/۰۱/۰۱;زن;بله\r\n' +
      "09131112233;علی;محمدی;;شیراز;;;مرد;خیر\r\n";
    const mapping = { "موبایل": "mobile", "نام": "firstName", "نام خانوادگی": "lastName", "کد ملی": "nationalCode", "شهر": "city", "برچسب‌ها": "tags", "تولد": "birthday", "جنسیت": "gender", "پیامک": "consentSms" };
    const response = await fa.post("/api/import/customers", { csv, mapping });
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({ accepted: 2, merged: 0, unchanged: 0, rejected: 0 });
    const maryam = await fa.get("/api/customers/lookup?identifier=0013542419&reveal=pii");
    expect(maryam.body).toMatchObject({
      mobile: "+989123456789",
      firstName: "مریم",
      lastName: "رضایی; تهرانی",
      city: "اصفهان",
      tags: ["مشتری ویژه", "اینستاگرام"],
      birthday: "1990-03-21",
      gender: "female",
      consent: { sms: { status: "granted" } },
    });
    expect(await count("customers", ws)).toBe(2);
  });
});

describe("postal codes", () => {
  it("reads the export's postal_code column back, in any digits, and refuses a wrong one at its column", async () => {
    const { owner: shop, workspaceId: ws } = await signUp();
    const csv = csvOf([
      ["mobile", "first_name", "postal_code"],
      ["09121110000", "Nika", "۴۱۶۳۵-۱۷۸۹۳"],
      ["09121110001", "Omid", "1365117893"],
      ["09121110002", "Wrong", "12345"],
    ]);
    // The mapping a person gets proposed for the export's own header.
    const mapping = { mobile: "mobile", first_name: "firstName", postal_code: "postalCode" };
    const response = await shop.withLanguage("fa").post("/api/import/customers", { csv, mapping });
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({ accepted: 2, merged: 0, unchanged: 0, rejected: 1 });
    const nika = await shop.get("/api/customers/lookup?identifier=09121110000&reveal=pii");
    expect(nika.body.postalCode).toBe("4163517893");
    const rejected = await shop.withLanguage("fa").get(`/api/import/jobs/${response.body.id}?outcome=rejected`);
    expect(rejected.body.rows.items).toEqual([
      { row: 3, outcome: "rejected", recordId: null, errors: [{ path: "postalCode", column: "postal_code", code: "invalid_postal_code", message: expect.stringContaining("کد پستی") }] },
    ]);
    expect(await count("customers", ws)).toBe(2);
  });
});

describe("rejected rows", () => {
  it("rejects bad rows with localized reasons and imports the others", async () => {
    const { owner: shop, workspaceId: ws } = await signUp();
    const csv = csvOf([
      ["mobile", "name", "national code"],
      ["09121110000", "Good", "0013542419"],
      ["0912", "Bad mobile", ""],
      ["09121110001", "Bad code", "1234567890"],
      ["", "No CID", ""],
    ]);
    const mapping = { mobile: "mobile", name: "firstName", "national code": "nationalCode" };
    const response = await shop.withLanguage("fa").post("/api/import/customers", { csv, mapping });
    expect(response.body.totals).toEqual({ accepted: 1, merged: 0, unchanged: 0, rejected: 3 });
    const rejected = await shop.withLanguage("fa").get(`/api/import/jobs/${response.body.id}?outcome=rejected`);
    expect(rejected.body.rows.items).toEqual([
      { row: 2, outcome: "rejected", recordId: null, errors: [{ path: "mobile", column: "mobile", code: "invalid_mobile", message: expect.stringContaining("موبایل") }] },
      { row: 3, outcome: "rejected", recordId: null, errors: [{ path: "nationalCode", column: "national code", code: "invalid_national_code", message: "کد ملی نامعتبر است." }] },
      { row: 4, outcome: "rejected", recordId: null, errors: [{ path: "mobile", column: "mobile", code: "cid_required", message: "شناسهٔ مشتری این کسب‌وکار (موبایل) الزامی است." }] },
    ]);
    expect(await count("customers", ws)).toBe(1);
  });

  it("rejects a row whose identifiers belong to two different customers", async () => {
    const { owner: shop } = await signUp();
    await shop.post("/api/customers", { mobile: "09120000001", email: "one@example.com" });
    await shop.post("/api/customers", { mobile: "09120000002", email: "two@example.com" });
    const csv = csvOf([["mobile", "email"], ["09120000001", "two@example.com"]]);
    const response = await shop.post("/api/import/customers", { csv, mapping: { mobile: "mobile", email: "email" } });
    expect(response.body.rows.items[0]).toMatchObject({ outcome: "rejected", errors: [{ path: "email", code: "import_ambiguous_match" }] });
  });
});

describe("mapping errors", () => {
  it("answers 400 problem+json for an unknown field, an unknown column or a missing CID mapping, and stores nothing", async () => {
    const { owner: shop, workspaceId: ws } = await signUp();
    const csv = csvOf([["mobile", "name"], ["09121234567", "Sara"]]);
    const unknownField = await shop.post("/api/import/customers", { csv, mapping: { mobile: "mobile", name: "nickname" } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.headers.get("content-type")).toContain("application/problem+json");
    expect(unknownField.body.errors).toEqual([{ path: "body.mapping.name", code: "import_unknown_field", message: expect.stringContaining("nickname") }]);
    const unknownColumn = await shop.post("/api/import/customers", { csv, mapping: { mobile: "mobile", phone: "email" } });
    expect(unknownColumn.body.errors).toEqual([{ path: "body.mapping.phone", code: "import_unknown_column", message: expect.any(String) }]);
    const missing = await shop.withLanguage("fa").post("/api/import/customers", { csv, mapping: { name: "firstName" } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: "body.mapping", code: "import_mapping_required", message: "یک ستون را به فیلد موبایل نگاشت کنید." }]);
    const broken = await shop.post("/api/import/customers", { csv: 'mobile,name\n09121234567,"Sara\n', mapping: { mobile: "mobile" } });
    expect(broken.body.errors?.[0]).toMatchObject({ path: "body.csv", code: "import_malformed_csv" });
    expect(await count("import_jobs", ws)).toBe(0);
    expect(await count("customers", ws)).toBe(0);
  });
});

describe("a large file", () => {
  it("runs in chunks through the jobs queue, with progress rising to done", async () => {
    const { owner: shop, workspaceId: ws } = await signUp();
    const rows = Array.from({ length: 1000 }, (_, i) => [`0912${String(1000000 + i).padStart(7, "0")}`, `Customer ${i}`]);
    // Every 100th row has a broken mobile; row 1000 repeats row 1 (merged across chunks).
    for (let i = 99; i < 1000; i += 100) rows[i]![0] = "0912";
    rows[999]![0] = rows[0]![0]!;
    const csv = csvOf([["mobile", "name"], ...rows]);
    const mapping = { mobile: "mobile", name: "firstName" };

    const dry = await shop.post("/api/import/customers", { csv, mapping, dryRun: true });
    expect(dry.status).toBe(202);
    expect(dry.body).toMatchObject({ status: "queued", totalRows: 1000, rowsDone: 0 });
    const dryProgress = await driveJob(shop, ws, dry.body.id);
    // Chunks as large as the tests' plan allows (vitest.config.ts: 1,000 D1 queries per invocation).
    const size = chunkRows(env);
    const steps = Array.from({ length: Math.ceil(1000 / size) }, (_, i) => Math.min(1000, (i + 1) * size));
    expect(dryProgress.map((p) => p.rowsDone)).toEqual(steps);
    expect(dryProgress.at(-1)!.status).toBe("done");
    const dryJob = await shop.get(`/api/import/jobs/${dry.body.id}`);
    expect(dryJob.body.totals).toEqual({ accepted: 990, merged: 1, unchanged: 0, rejected: 9 });
    expect(await count("customers", ws)).toBe(0);

    const real = await shop.post("/api/import/customers", { csv, mapping });
    expect(real.status).toBe(202);
    const progress = await driveJob(shop, ws, real.body.id);
    expect(progress.map((p) => p.status)).toEqual([...steps.slice(1).map(() => "running"), "done"]);
    const job = await shop.get(`/api/import/jobs/${real.body.id}?outcome=rejected&limit=5`);
    expect(job.body.totals).toEqual({ accepted: 990, merged: 1, unchanged: 0, rejected: 9 });
    expect(await count("customers", ws)).toBe(990);
    // The rejected rows, a page at a time.
    expect(job.body.rows.items.map((r: { row: number }) => r.row)).toEqual([100, 200, 300, 400, 500]);
    const next = await shop.get(`/api/import/jobs/${real.body.id}?outcome=rejected&limit=5&cursor=${job.body.rows.nextCursor}`);
    expect(next.body.rows.items.map((r: { row: number }) => r.row)).toEqual([600, 700, 800, 900]);
    expect(next.body.rows.nextCursor).toBeNull();
  });
});

describe("access", () => {
  it("refuses an agent and lets a manager import", async () => {
    const { workspaceId: ws } = await signUp();
    const csv = csvOf([["mobile"], ["09121234567"]]);
    const agent = await addMember(ws, "agent");
    expect((await agent.post("/api/import/customers", { csv, mapping: { mobile: "mobile" } })).status).toBe(403);
    const manager = await addMember(ws, "manager");
    const response = await manager.post("/api/import/customers", { csv, mapping: { mobile: "mobile" } });
    expect(response.status).toBe(200);
    expect((await agent.get(`/api/import/jobs/${response.body.id}`)).status).toBe(403);
  });

  it("answers 404 for another workspace's job", async () => {
    const csv = csvOf([["mobile"], ["09121234567"]]);
    const response = await owner.post("/api/import/customers", { csv, mapping: { mobile: "mobile" }, dryRun: true });
    const { owner: stranger } = await signUp();
    expect((await stranger.get(`/api/import/jobs/${response.body.id}`)).status).toBe(404);
  });
});
