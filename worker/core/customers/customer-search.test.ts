import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient } from "../../../test/support/client";
import { foldName, nameWords } from "../cid/fold-name";
import { openWorkspace } from "../data/database";
import { customerListQuery } from "./customer-search.repository";

let owner: ApiClient;
let agent: ApiClient;
let workspaceId: string;
const ids: Record<string, string> = {};

async function add(key: string, body: Record<string, unknown>) {
  const response = await owner.post("/api/customers", body);
  expect(response.status, response.text).toBe(201);
  ids[key] = response.body.id;
}

/** The keys (see beforeAll) of the customers a list request returns, in order. */
async function found(query: string, client = owner): Promise<string[]> {
  const response = await client.get(`/api/customers?${query}`);
  expect(response.status, response.text).toBe(200);
  const byId = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
  return response.body.items.map((c: { id: string }) => byId[c.id] ?? c.id);
}

const q = (text: string) => `q=${encodeURIComponent(text)}`;

beforeAll(async () => {
  const signedUp = await signUp();
  owner = signedUp.owner;
  workspaceId = signedUp.workspaceId;
  agent = await addMember(signedUp.workspaceId, "agent");
  await add("aliRezaei", { firstName: "علی", lastName: "رضایی", mobile: "09121234567", email: "ali@example.com", city: "تهران", province: "تهران", tags: ["vip"] });
  await add("rezaKarimi", { firstName: "رضا", lastName: "کریمی", mobile: "09121111111", city: "کرج", province: "البرز", tags: ["vip", "b2b"] });
  await add("aliKarimi", { firstName: "علي", lastName: "كريمي", mobile: "09122222222", city: "تهران", province: "تهران", address: "خیابان ولیعصر، پلاک ۱۲" });
  await add("sara", { firstName: "Sara", lastName: "Ahmadi", mobile: "09123333333", username: "sara.shop", ownerUserId: agent.identity.userId });
  await env.DB.prepare("update customers set lifecycle_stage = 'lapsed' where id = ?").bind(ids.rezaKarimi).run();
});

describe("searching customers by name", () => {
  it("finds a prefix of any word of the name, in Persian", async () => {
    expect(await found(q("رضا"))).toEqual(["rezaKarimi", "aliRezaei"]);
    expect(await found(q("رضایی"))).toEqual(["aliRezaei"]);
  });

  it("matches Arabic ي and ك typed for Persian ی and ک, either way round", async () => {
    expect(await found(q("كريمي"))).toEqual(["aliKarimi", "rezaKarimi"]);
    expect(await found(q("علی"))).toEqual(["aliKarimi", "aliRezaei"]);
    expect(await found(q("رضايي"))).toEqual(["aliRezaei"]);
  });

  it("needs every word typed to start a word of the name", async () => {
    expect(await found(q("علی کری"))).toEqual(["aliKarimi"]);
    expect(await found(q("کریمی رض"))).toEqual(["rezaKarimi"]);
  });

  it("does not match inside a word, and ignores case in Latin names", async () => {
    expect(await found(q("ضای"))).toEqual([]);
    expect(await found(q("AHM"))).toEqual(["sara"]);
  });
});

describe("the two ways a name search runs", () => {
  it("find the same customers whether a rare word drives or every customer is walked", async () => {
    const scope = openWorkspace(env, workspaceId);
    const page = { afterId: null, limit: 50 };
    let found = 0;
    for (const text of ["رضا", "علی کری", "كريمي رض", "ahm", "09121234567", "c2", "ضای", "نیست"]) {
      const walked = (await customerListQuery(scope, { q: text }, page, { driver: null })).map((c) => c.id);
      found += walked.length;
      for (const driver of nameWords(foldName(text))) {
        const driven = (await customerListQuery(scope, { q: text }, page, { driver })).map((c) => c.id);
        expect(driven, `${text} driven by ${driver}`).toEqual(walked);
      }
    }
    expect(found).toBe(7);
  });
});

describe("searching customers by identifier", () => {
  it("finds a mobile typed in any form", async () => {
    for (const form of ["۰۹۱۲ ۱۲۳ ۴۵۶۷", "+989121234567", "9121234567", "0912-123-4567"]) expect(await found(q(form)), form).toEqual(["aliRezaei"]);
  });

  it("finds an e-mail, a username and the customer code", async () => {
    expect(await found(q("ALI@example.com"))).toEqual(["aliRezaei"]);
    expect(await found(q("@Sara.Shop"))).toEqual(["sara"]);
    expect(await found(q("c2"))).toEqual(["rezaKarimi"]);
  });
});

describe("filtering the customer list", () => {
  it("filters by tag, city, province, owner and stage", async () => {
    expect(await found("tag=vip")).toEqual(["rezaKarimi", "aliRezaei"]);
    expect(await found("tag=b2b")).toEqual(["rezaKarimi"]);
    expect(await found(`city=${encodeURIComponent("تهران")}`)).toEqual(["aliKarimi", "aliRezaei"]);
    expect(await found(`province=${encodeURIComponent("البرز")}`)).toEqual(["rezaKarimi"]);
    expect(await found(`ownerUserId=${agent.identity.userId}`)).toEqual(["sara"]);
    expect(await found("stage=lapsed")).toEqual(["rezaKarimi"]);
    expect(await found("stage=prospect")).toEqual(["sara", "aliKarimi", "aliRezaei"]);
  });

  it("combines filters with each other and with the search", async () => {
    expect(await found(`tag=vip&city=${encodeURIComponent("تهران")}`)).toEqual(["aliRezaei"]);
    expect(await found(`${q("علی")}&city=${encodeURIComponent("تهران")}&tag=vip`)).toEqual(["aliRezaei"]);
    expect(await found(`${q("رضا")}&stage=lapsed`)).toEqual(["rezaKarimi"]);
    expect(await found(`${q("09121234567")}&tag=b2b`)).toEqual([]);
  });

  it("pages a filtered search with the cursor, newest first", async () => {
    const first = await owner.get(`/api/customers?${q("کریمی")}&limit=1`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].id).toBe(ids.aliKarimi);
    const second = await owner.get(`/api/customers?${q("کریمی")}&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual([ids.rezaKarimi]);
    expect(second.body.nextCursor).toBeNull();

    const tagged = await owner.get("/api/customers?tag=vip&limit=1");
    const taggedNext = await owner.get(`/api/customers?tag=vip&limit=1&cursor=${tagged.body.nextCursor}`);
    expect([...tagged.body.items, ...taggedNext.body.items].map((c: { id: string }) => c.id)).toEqual([ids.rezaKarimi, ids.aliRezaei]);
    expect(taggedNext.body.nextCursor).toBeNull();
  });

  it("refuses an unknown stage and an empty search with a field error", async () => {
    const stage = await owner.get("/api/customers?stage=sleeping");
    expect(stage.status).toBe(400);
    expect(stage.body.errors[0].path).toBe("query.stage");
    const empty = await owner.get("/api/customers?q=%20%20");
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe("query.q");
  });
});

describe("lists for staff without PII permission", () => {
  it("mask mobiles, e-mails and addresses, also when found by mobile", async () => {
    const listed = await agent.get(`/api/customers?${q("علی")}`);
    expect(listed.status).toBe(200);
    for (const customer of listed.body.items) {
      expect(customer.piiMasked).toBe(true);
      expect(customer.mobile).toMatch(/^0912\*{5}\d{2}$/);
      expect(customer.cid).toBe(customer.mobile);
    }
    const byMobile = await agent.get(`/api/customers?${q("09121234567")}`);
    expect(byMobile.body.items).toEqual([expect.objectContaining({ id: ids.aliRezaei, mobile: "0912*****67", email: "a***i@example.com" })]);
    const withAddress = listed.body.items.find((c: { id: string }) => c.id === ids.aliKarimi);
    expect(withAddress.address).not.toContain("ولیعصر");
    expect((await agent.get("/api/customers?reveal=pii")).status).toBe(403);
  });
});
