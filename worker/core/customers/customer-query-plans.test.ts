// The hot customer queries use indexes: EXPLAIN QUERY PLAN on the very SQL the repository
// builds, against the real D1 schema. A SCAN (a walk of a whole table or index) fails the test.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { openWorkspace } from "../data/database";
import { COMMON_WORD, customerListQuery, planSearch, type CustomerFilters, type SearchPlan, type SearchReach } from "./customer-search.repository";
import { identifierLookupQuery } from "./customers.repository";

const scope = openWorkspace(env, "wsp_plans");

interface PlanStep {
  id: number;
  parent: number;
  detail: string;
}

async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<PlanStep[]> {
  const { sql, params } = query.toSQL();
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<PlanStep>();
  return results;
}

const show = (name: string, plan: PlanStep[]) => console.log([name, ...plan.map((step) => `${step.parent === 0 ? "" : "  "}${step.detail}`)].join("\n  "));

const pages = [
  ["first page", { afterId: null, limit: 50 }],
  ["later page", { afterId: "cus_zzzzzzzzzz", limit: 50 }],
] as const;

const filterCases: Array<[string, CustomerFilters, SearchPlan?, SearchReach?]> = [
  ["no filter", {}],
  ["q, a rare word driving", { q: "رضا" }, { driver: "رضا" }],
  ["q, a common word walking newest first", { q: "محمد" }, { driver: null }],
  ["q of two words, the rarer driving", { q: "علی رض" }, { driver: "رض" }],
  ["q of two common words", { q: "علی محمد" }, { driver: null }],
  ["q as a mobile", { q: "0912 123 4567" }, { driver: "4567" }],
  ["q as a mobile, walking", { q: "0912 123 4567" }, { driver: null }],
  ["q of two words written together too", { q: "علی رضا" }, { driver: "رضا" }],
  ["q as a mobile's last digits", { q: "4567" }, { driver: "4567" }, { mobileTail: true }],
  ["q as a mobile's last digits, walking", { q: "4567" }, { driver: null }, { mobileTail: true }],
  ["tag", { tag: "vip" }],
  ["city", { city: "تهران" }],
  ["province", { province: "تهران" }],
  ["ownerUserId", { ownerUserId: "usr_1" }],
  ["stage", { stage: "lapsed" }],
  ["everything at once", { q: "رضا", tag: "vip", city: "تهران", province: "تهران", ownerUserId: "usr_1", stage: "active" }, { driver: "رضا" }],
  ["everything at once, walking", { q: "رضا", tag: "vip", city: "تهران", province: "تهران", ownerUserId: "usr_1", stage: "active" }, { driver: null }],
];

describe("query plans", () => {
  const candidates = [
    { kind: "mobile", value: "+989121234567" },
    { kind: "username", value: "09121234567" },
    { kind: "email", value: "sara@example.com" },
    { kind: "external", value: "woo:con_1:31" },
    { kind: "national_code", value: "0012345679" },
  ] as const;

  // With three pairs or more (a mobile, an e-mail and a shop id), an OR of pairs made SQLite walk
  // every identifier of the workspace instead.
  for (const count of [1, 2, 3, 5]) {
    it(`finds an identifier among ${count} candidate forms by the unique index`, async () => {
      const plan = await planOf(identifierLookupQuery(scope, candidates.slice(0, count).map((pair) => ({ ...pair }))));
      show(`identifier lookup of ${count}`, plan);
      const details = plan.map((step) => step.detail);
      expect(details.filter((line) => line.startsWith("SCAN customer_identifiers"))).toEqual([]);
      const searches = details.filter((line) => line.startsWith("SEARCH customer_identifiers"));
      expect(searches).toEqual(["SEARCH customer_identifiers USING INDEX customer_identifiers_value_unique (workspace_id=? AND kind=? AND value=?)"]);
    });
  }

  for (const [name, filters, search, reach] of filterCases) {
    for (const [pageName, page] of pages) {
      it(`lists customers by index with ${name}, ${pageName}`, async () => {
        const plan = await planOf(customerListQuery(scope, filters, page, search, reach));
        show(`${name}, ${pageName}`, plan);
        const details = plan.map((step) => step.detail);
        // A scan of the bound list of identifier candidates (json_each) reads no table.
        expect(details.filter((line) => line.startsWith("SCAN") && !line.includes("VIRTUAL TABLE"))).toEqual([]);
        expect(details.some((line) => /^SEARCH customers USING (COVERING )?INDEX/.test(line))).toBe(true);
        if (reach?.mobileTail) expect(details.some((line) => line.includes("customer_identifiers_tail_idx"))).toBe(true);
        // Sorting the outer query would mean reading every match to return a page of them.
        expect(plan.filter((step) => step.parent === 0 && step.detail.startsWith("USE TEMP B-TREE"))).toEqual([]);
      });
    }
  }
});

describe("rows read at size", () => {
  const seeded = openWorkspace(env, "wsp_rows");
  const COUNT = 3000;

  async function rowsRead(query: { toSQL(): { sql: string; params: unknown[] } }) {
    const { sql, params } = query.toSQL();
    const result = await env.DB.prepare(sql).bind(...params).all();
    return { rows: result.results.length, read: result.meta.rows_read };
  }

  it(`stays near the page size with ${COUNT} customers`, async () => {
    const statements: D1PreparedStatement[] = [];
    for (let i = 0; i < COUNT; i++) {
      const id = `cus_${String(i).padStart(8, "0")}`;
      const mobile = `+98912${String(i).padStart(7, "0")}`;
      const last = i === 1234 ? "rarename" : `family${i % 100}`;
      statements.push(
        env.DB.prepare(
          "insert into customers (id, workspace_id, cid, code, display_name, name_key, city, tags, attributes, created_at, updated_at) values (?, 'wsp_rows', ?, ?, ?, ?, ?, ?, '{}', 0, 0)",
        ).bind(id, mobile, `C-${i}`, `name ${last}`, `name ${last}`, i % 3 === 0 ? "Tehran" : "Tabriz", i % 10 === 0 ? '["vip"]' : "[]"),
        env.DB.prepare("insert into customer_identifiers (id, workspace_id, customer_id, kind, value, created_at) values (?, 'wsp_rows', ?, 'mobile', ?, 0)").bind(`cid_${i}`, id, mobile),
        env.DB.prepare("insert into customer_name_words (workspace_id, word, customer_id) values ('wsp_rows', 'name', ?), ('wsp_rows', ?, ?)").bind(id, last, id),
        ...(i % 10 === 0 ? [env.DB.prepare("insert into customer_tags (workspace_id, tag, customer_id) values ('wsp_rows', 'vip', ?)").bind(id)] : []),
      );
    }
    for (let i = 0; i < statements.length; i += 500) await env.DB.batch(statements.slice(i, i + 500));

    const page = { afterId: null, limit: 50 };
    const search = async (q: string) => rowsRead(customerListQuery(seeded, { q }, page, await planSearch(seeded, q)));
    const measured = {
      "identifier lookup": await rowsRead(identifierLookupQuery(seeded, [{ kind: "mobile", value: "+989120001234" }, { kind: "username", value: "09120001234" }])),
      "identifier lookup of three forms": await rowsRead(
        identifierLookupQuery(seeded, [
          { kind: "mobile", value: "+989120001234" },
          { kind: "email", value: "nobody@example.com" },
          { kind: "external", value: "woo:con_1:1234" },
        ]),
      ),
      "list page": await rowsRead(customerListQuery(seeded, {}, page)),
      "tag page": await rowsRead(customerListQuery(seeded, { tag: "vip" }, page)),
      "city page": await rowsRead(customerListQuery(seeded, { city: "Tehran" }, page)),
      "rare name search": await search("rare"),
      "mobile search": await search("0912 000 1234"),
      // Every customer has "name": walked newest first, it stops once the page is full.
      "common name search": await search("nam"),
      "common and rare word": await search("nam rarename"),
    };
    // The probe planSearch runs first counts a word's matches only up to COMMON_WORD.
    const probe = await env.DB.prepare(
      "select count(*) as n from (select customer_id from customer_name_words where workspace_id = 'wsp_rows' and word >= ?1 and word < ?1 || char(1114111) limit ?2)",
    )
      .bind("nam", COMMON_WORD)
      .all<{ n: number }>();
    console.log(`probe of a common word: counted ${probe.results[0]!.n}, ${probe.meta.rows_read} rows read`);
    expect(probe.meta.rows_read).toBeLessThanOrEqual(COMMON_WORD + 1);
    console.log(Object.entries(measured).map(([name, m]) => `${name}: ${m.rows} rows returned, ${m.read} rows read`).join("\n"));
    expect(await planSearch(seeded, "nam")).toEqual({ driver: null });
    expect(await planSearch(seeded, "nam rare")).toEqual({ driver: "rare" });
    expect(measured["identifier lookup"]).toEqual({ rows: 1, read: expect.any(Number) });
    // A few rows per candidate form (its entry in the bound list, its probe), at any size.
    expect(measured["identifier lookup"].read).toBeLessThanOrEqual(2 * 3);
    expect(measured["identifier lookup of three forms"]).toEqual({ rows: 1, read: expect.any(Number) });
    expect(measured["identifier lookup of three forms"].read).toBeLessThanOrEqual(3 * 3);
    for (const name of ["list page", "tag page", "city page", "common name search"] as const) {
      expect(measured[name].rows, name).toBe(51);
      // An index entry and a row per customer, plus the tag or word entry: about three reads per row.
      expect(measured[name].read, name).toBeLessThanOrEqual(3 * 51 + 5);
    }
    for (const name of ["rare name search", "mobile search", "common and rare word"] as const) {
      expect(measured[name].rows, name).toBe(1);
      // The match, the word index's few entries (each word, and the words written together), and
      // each identifier form q could be (its list entry, its probe).
      expect(measured[name].read, name).toBeLessThanOrEqual(17);
    }
  });
});
