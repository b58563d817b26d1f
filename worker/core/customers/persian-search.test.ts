// Persian-aware search: one folding for the search, the name index and the duplicate finder, so
// the spellings people type interchangeably find each other; the migration that refolds the
// index of existing rows; and staff who may see personal data finding a mobile by its last digits.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient } from "../../../test/support/client";
import { foldName, nameIndexWords } from "../cid/fold-name";

describe("folding a name", () => {
  // Pairs of real spellings of one name that must fold alike.
  it.each([
    ["رضائی", "رضایی"], // yeh with hamza before yeh
    ["علي رضائي", "علی رضایی"], // Arabic yeh throughout
    ["كاظمي", "کاظمی"], // Arabic kaf and yeh
    ["مؤمنی", "مومنی"], // waw with hamza
    ["أحمد", "احمد"], // alef with hamza above
    ["إسماعیل", "اسماعیل"], // alef with hamza below
    ["آرش", "ارش"], // alef with madda
    ["فاطمة", "فاطمه"], // teh marbuta
    ["زهرۀ", "زهره"], // heh with yeh above
    ["علاء", "علا"], // a lone hamza
    ["مُحَمَّد", "محمد"], // diacritics
    ["محـــمد", "محمد"], // tatweel
    ["علی‌رضا", "علی رضا"], // ZWNJ is a space
    ["  Sara   AHMADI ", "sara ahmadi"], // spacing and case
    ["ﻣﺤﻤﺪ", "محمد"], // Arabic presentation forms
  ])("%s folds like %s", (typed, stored) => {
    expect(foldName(typed)).toBe(foldName(stored));
  });

  it("keeps names that only look alike apart", () => {
    expect(foldName("رضا")).not.toBe(foldName("رضی"));
    expect(foldName("کریم")).not.toBe(foldName("گریم"));
  });

  it("indexes each word and each pair of adjacent words written together", () => {
    expect(nameIndexWords(foldName("محمد علی‌رضا کریمی"))).toEqual(["محمد", "علی", "رضا", "کریمی", "محمدعلی", "علیرضا", "رضاکریمی"]);
  });
});

describe("finding a customer however the name is spelled", () => {
  let owner: ApiClient;
  const ids: Record<string, string> = {};
  const found = async (text: string, client = owner) => {
    const response = await client.get(`/api/customers?q=${encodeURIComponent(text)}`);
    expect(response.status, response.text).toBe(200);
    const keyOf = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
    return response.body.items.map((c: { id: string }) => keyOf[c.id] ?? c.id).sort();
  };

  beforeAll(async () => {
    ({ owner } = await signUp());
    for (const [key, body] of Object.entries({
      rezaiWithHamza: { firstName: "مریم", lastName: "رضائی", mobile: "09121110001", city: "شیراز" },
      rezaiWithYeh: { firstName: "مريم", lastName: "رضایی", mobile: "09121110002", city: "شيراز" },
      alirezaJoined: { firstName: "علیرضا", lastName: "مؤمنی", mobile: "09121110003" },
      alirezaZwnj: { firstName: "علی‌رضا", lastName: "کاظمی", mobile: "09121110004" },
    })) {
      const response = await owner.post("/api/customers", body);
      expect(response.status, response.text).toBe(201);
      ids[key] = response.body.id;
    }
  });

  it("finds رضایی when رضائی is typed, and the other way round", async () => {
    expect(await found("رضائی")).toEqual(["rezaiWithHamza", "rezaiWithYeh"]);
    expect(await found("رضایی")).toEqual(["rezaiWithHamza", "rezaiWithYeh"]);
    expect(await found("مريم رضائي")).toEqual(["rezaiWithHamza", "rezaiWithYeh"]);
  });

  it("finds a name written with ZWNJ, a space or nothing between its parts", async () => {
    expect(await found("علیرضا")).toEqual(["alirezaJoined", "alirezaZwnj"]);
    expect(await found("علی رضا")).toEqual(["alirezaJoined", "alirezaZwnj"]);
    expect(await found("علی‌رضا")).toEqual(["alirezaJoined", "alirezaZwnj"]);
    expect(await found("مومنی")).toEqual(["alirezaJoined"]);
  });

  it("offers رضائی and رضایی of the same city as duplicates", async () => {
    const response = await owner.get("/api/customers/duplicates?limit=20");
    expect(response.status, response.text).toBe(200);
    const pairs = response.body.items.map((c: { customers: Array<{ id: string }> }) => c.customers.map((x) => x.id).sort());
    expect(pairs).toContainEqual([ids.rezaiWithHamza, ids.rezaiWithYeh].sort());
  });
});

describe("finding a mobile by its last digits", () => {
  let owner: ApiClient;
  let agent: ApiClient;
  let customerId: string;
  const ids = async (text: string, client: ApiClient) => {
    const response = await client.get(`/api/customers?q=${encodeURIComponent(text)}`);
    expect(response.status, response.text).toBe(200);
    return response.body.items.map((c: { id: string }) => c.id);
  };

  beforeAll(async () => {
    const signedUp = await signUp();
    owner = signedUp.owner;
    agent = await addMember(signedUp.workspaceId, "agent");
    customerId = (await owner.post("/api/customers", { firstName: "Nima", mobile: "09127654321" })).body.id;
    await owner.post("/api/customers", { firstName: "Other", mobile: "09124321999" });
  });

  it("finds the customer from 4 or more last digits, typed in Persian digits too, for staff who may see PII", async () => {
    expect(await ids("4321", owner)).toEqual([customerId]);
    expect(await ids("۶۵۴۳۲۱", owner)).toEqual([customerId]);
    expect(await ids("7654321", owner)).toEqual([customerId]);
    expect(await ids("321", owner)).toEqual([]);
  });

  it("does not find it for staff who see mobiles masked", async () => {
    expect(await ids("4321", agent)).toEqual([]);
  });
});

describe("the migration that refolds existing names", () => {
  // The hand-written statements of the migrations, replayed on rows written by the old folding.
  const refoldStatements = () =>
    env.TEST_MIGRATIONS.flatMap((migration) => {
      const start = migration.queries.findIndex((query) => query.includes("-- hand-written: refold the name index"));
      return start < 0 ? [] : migration.queries.slice(start, start + 4);
    });

  it("makes an old row written رضائی findable as رضایی and as ZWNJ-less", async () => {
    const { owner, workspaceId } = await signUp();
    const customerId = (await owner.post("/api/customers", { firstName: "علی‌رضا", lastName: "رضائی", mobile: "09121112222" })).body.id;
    // As the old folding stored it: hamza kept, no joined words.
    await env.DB.batch([
      env.DB.prepare("update customers set name_key = 'علی رضا رضائی' where id = ?").bind(customerId),
      env.DB.prepare("delete from customer_name_words where customer_id = ?").bind(customerId),
      ...["علی", "رضا", "رضائی"].map((word) =>
        env.DB.prepare("insert into customer_name_words (workspace_id, word, customer_id) values (?, ?, ?)").bind(workspaceId, word, customerId),
      ),
    ]);
    expect((await owner.get(`/api/customers?q=${encodeURIComponent("رضایی")}`)).body.items).toEqual([]);

    const statements = refoldStatements();
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) await env.DB.prepare(statement).run();

    for (const text of ["رضایی", "علیرضا", "رضائی"]) {
      const response = await owner.get(`/api/customers?q=${encodeURIComponent(text)}`);
      expect(response.body.items.map((c: { id: string }) => c.id), text).toEqual([customerId]);
    }
    const row = await env.DB.prepare("select name_key from customers where id = ?").bind(customerId).first<{ name_key: string }>();
    expect(row?.name_key).toBe(foldName("علی‌رضا رضائی"));
  });
});
