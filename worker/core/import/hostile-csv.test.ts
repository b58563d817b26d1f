// A file built to exhaust the Worker (100,000 columns, a huge cell, short rows meant to be
// padded) is refused at its first offending row, quickly and with nothing stored; rows are kept
// as parsed, and an ordinary file still imports.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";
import { count, csvOf } from "./import.test-support";
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, parseCsv } from "./parse-csv";

/** The outside review's file: a header of 100,000 columns over 150 short rows, about 670 KB (15 million cells once padded). */
function hundredThousandColumns(): string {
  const header = ["mobile", ...Array.from({ length: 99_999 }, (_, i) => `c${i}`)].join(",");
  return [header, ...Array.from({ length: 150 }, (_, row) => `0912${String(row).padStart(7, "0")},x`)].join("\n");
}

describe("a hostile CSV", () => {
  it("refuses 100,000 columns with 400 naming the limit, in both languages, and stores nothing", async () => {
    const { owner, workspaceId } = await signUp();
    const csv = hundredThousandColumns();
    expect(csv.length).toBeGreaterThan(600_000);
    expect(csv.length).toBeLessThan(800_000);
    const english = await owner.post("/api/import/customers", { csv, mapping: { mobile: "mobile" } });
    expect(english.status).toBe(400);
    expect(english.body.errors).toEqual([{ path: "body.csv", code: "import_too_many_columns", message: `Row 0 of the file has more than ${MAX_IMPORT_COLUMNS} columns; keep only the columns you import.` }]);
    const persian = await owner.withLanguage("fa").post("/api/import/customers", { csv, mapping: { mobile: "mobile" } });
    expect(persian.body.errors[0].message).toContain(`بیش از ${MAX_IMPORT_COLUMNS} ستون`);
    expect(await count("import_jobs", workspaceId)).toBe(0);
    expect(await count("import_chunks", workspaceId)).toBe(0);
    expect(await count("customers", workspaceId)).toBe(0);
  });

  it("refuses a data row wider than the cap even under a narrow header", () => {
    const csv = `mobile,name\n09121234567,Sara\n09121234568${",x".repeat(MAX_IMPORT_COLUMNS)}\n`;
    expect(() => parseCsv(csv)).toThrow(expect.objectContaining({ code: "validation_failed", options: { errors: [expect.objectContaining({ code: "import_too_many_columns", params: { max: MAX_IMPORT_COLUMNS, row: 2 } })] } }));
  });

  it("refuses a cell longer than the cap, naming its row and column, and stores nothing", async () => {
    const { owner, workspaceId } = await signUp();
    const csv = csvOf([["mobile", "address"], ["09121234567", "Tehran"], ["09121234568", "x".repeat(MAX_CELL_CHARS + 1)]]);
    const response = await owner.post("/api/import/customers", { csv, mapping: { mobile: "mobile", address: "address" } });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: "body.csv", code: "import_cell_too_long", message: `Column 2 of row 2 holds more than ${MAX_CELL_CHARS} characters.` }]);
    expect(await count("import_jobs", workspaceId)).toBe(0);
  });

  it("keeps short rows as parsed (not padded to the header) and still imports an ordinary file", async () => {
    const { owner, workspaceId } = await signUp();
    const header = ["mobile", "first name", ...Array.from({ length: 150 }, (_, i) => `extra ${i}`)];
    const csv = [header.join(","), "09121234567,Sara", "09121234568"].join("\n");
    const response = await owner.post("/api/import/customers", { csv, mapping: { mobile: "mobile", "first name": "firstName" }, dryRun: true });
    expect(response.body.totals).toMatchObject({ accepted: 2, rejected: 0 });
    const stored = await env.DB.prepare("select rows from import_chunks where workspace_id = ?").bind(workspaceId).all<{ rows: string }>();
    expect(stored.results.flatMap((chunk) => JSON.parse(chunk.rows))).toEqual([]); // a finished chunk drops its rows
    expect(parseCsv(csv).rows).toEqual([["09121234567", "Sara"], ["09121234568"]]);
    const real = await owner.post("/api/import/customers", { csv, mapping: { mobile: "mobile", "first name": "firstName" } });
    expect(real.body.totals).toMatchObject({ accepted: 2, rejected: 0 });
    expect(await count("customers", workspaceId)).toBe(2);
  });
});
