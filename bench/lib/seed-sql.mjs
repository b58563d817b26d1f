// The SQL that fills a benchmark workspace with customers number `from`…`to` and their history,
// generated inside SQLite with recursive CTEs (run by `wrangler d1 execute --file`): far faster
// than the API, and every structure the app derives on its write paths is written as those
// paths would have left it: identifiers (mobile, issued code, e-mail, national code, shop id),
// the name-word and tag indexes, orders with their items and status history, interactions, the
// customers' figures and lifecycle stages, stage changes, the daily rollups, stage counts, buyer
// totals and the customer-code counter. Events are left out: they are the outbox of changes
// that happened before the benchmark, long delivered. RFM scores are left to the daily job.
//
// Everything is a function of the customer's number, so a run is reproducible: customer i is
// created at t0 + i × step (step spreads the 100,000 over three years), buys 0–24 times (one in
// five never buys) and has 0–20 interactions; the 1k and 100k workspaces share their first 1,000.

export const DAY = 86_400_000;
/** Three years, over which the full 100,000 customers were created. */
export const SPAN = 1095 * DAY;
export const FULL_CUSTOMERS = 100_000;
export const STEP = Math.floor(SPAN / FULL_CUSTOMERS);
/** Asia/Tehran has kept +03:30 all year since 2022; the rollups' days are its local days. */
const TEHRAN_OFFSET_MS = 12_600_000;
const AT_RISK_DAYS = 120;
const LAPSED_DAYS = 180;

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** newId's time part (worker/core/data/ids.ts), as SQL over an epoch-ms expression. */
function encodeTimeSql(ms) {
  const parts = [];
  for (let k = 9; k >= 0; k--) parts.push(`substr('${ALPHABET}', ((${ms}) >> ${5 * k} & 31) + 1, 1)`);
  return `(${parts.join(" || ")})`;
}

/** The same in JS, for ids the benchmark computes itself. */
export function encodeTime(ms) {
  let out = "";
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

export const createdAtOf = (t0, i) => t0 + i * STEP;
export const customerIdOf = (t0, i) => `cus_${encodeTime(createdAtOf(t0, i))}${String(i).padStart(16, "0")}`;
export const mobileOf = (i) => `+98912${String(i).padStart(7, "0")}`;
export const emailOf = (i) => (i % 2 === 0 ? `c${i}@example.com` : null);
/** The issued code of customer i: after the first stage, codes continue past what the app issued meanwhile. */
export const codeNumberOf = (i, codeShift = { from: Infinity, by: 0 }) => (i >= codeShift.from ? i + codeShift.by : i);
/** Which customers carry which identifiers and tags (the SQL below says the same). */
export const hasNationalCode = (i) => i % 3 === 1;
export const wooCustomerOf = (i) => (i % 5 === 2 ? i : null);
export const buysOf = (i) => (i % 5 === 0 ? 0 : 1 + ((i * 37) % 24));
export const interactionsOf = (i) => (i * 13) % 21;

/** A valid national code for customer i (its check digit computed as national-code.ts checks it). */
export function nationalCodeOf(i) {
  const base = String((i * 7919 + 12_345_678) % 1_000_000_000).padStart(9, "0");
  const sum = [...base].reduce((total, digit, k) => total + Number(digit) * (10 - k), 0);
  const r = sum % 11;
  return base + String(r < 2 ? r : 11 - r);
}

const q = (text) => `'${String(text).replaceAll("'", "''")}'`;
const jsonList = (values) => q(JSON.stringify(values));

// [shown name, folded name]: Persian names, some typed with Arabic letters (folded to Persian),
// and Latin names (folded to lower case), so searches meet every script.
const FIRST = [
  ["سارا", "سارا"], ["مریم", "مریم"], ["رضا", "رضا"], ["علی", "علی"], ["زهرا", "زهرا"], ["محمد", "محمد"], ["فاطمه", "فاطمه"],
  ["حسین", "حسین"], ["نرگس", "نرگس"], ["امیر", "امیر"], ["کیان", "کیان"], ["نیلوفر", "نیلوفر"], ["مهدی", "مهدی"], ["پریسا", "پریسا"],
  ["علي", "علی"], ["كيوان", "کیوان"], ["Sara", "sara"], ["Reza", "reza"], ["Nima", "nima"], ["Ladan", "ladan"],
];
const LAST = [
  ["احمدی", "احمدی"], ["محمدی", "محمدی"], ["کریمی", "کریمی"], ["حسینی", "حسینی"], ["رضایی", "رضایی"], ["موسوی", "موسوی"], ["جعفری", "جعفری"],
  ["صادقی", "صادقی"], ["نوری", "نوری"], ["یزدانی", "یزدانی"], ["طاهری", "طاهری"], ["کاظمی", "کاظمی"], ["شریفی", "شریفی"], ["رحیمی", "رحیمی"],
  ["توكلي", "توکلی"], ["بهرامي", "بهرامی"], ["Ahmadi", "ahmadi"], ["Karimi", "karimi"], ["Tehrani", "tehrani"], ["Moradi", "moradi"],
  ["فرهادی", "فرهادی"], ["سلطانی", "سلطانی"], ["قاسمی", "قاسمی"],
];
const PLACES = [
  ["تهران", "تهران"], ["اصفهان", "اصفهان"], ["فارس", "شیراز"], ["خراسان رضوی", "مشهد"], ["آذربایجان شرقی", "تبریز"], ["البرز", "کرج"],
  ["گیلان", "رشت"], ["کرمان", "کرمان"], ["یزد", "یزد"], ["خوزستان", "اهواز"], ["مازندران", "ساری"],
];
const INTERACTION_TYPES = ["call", "sms", "note", "visit", "chat", "email", "social", "complaint"];
const SUMMARIES = ["پیگیری سفارش", "سؤال درباره موجودی", "تماس برای ارسال", "درخواست تخفیف", "Asked about the new collection", "ثبت شکایت از تأخیر", "معرفی محصول جدید"];
const CHANNELS = ["instagram", "telegram", "shop", "phone", "whatsapp"];
const PRODUCTS = ["کفش ورزشی", "کتاب", "دفترچه", "کیف چرمی", "Scarf", "شال", "عطر"];

const pick = (list, index) => `json_extract(${jsonList(list)}, '$[' || ((${index}) % ${list.length}) || ']')`;
const pickPart = (list, index, part) => `json_extract(${jsonList(list)}, '$[' || ((${index}) % ${list.length}) || '][${part}]')`;
const localDaySql = (ms) => `date(((${ms}) + ${TEHRAN_OFFSET_MS}) / 1000, 'unixepoch')`;

/**
 * @param {{ workspaceId: string, ownerId: string, wooConnectionId: string, t0: number, now: number, from: number, to: number, codeShift?: number }} p
 * @returns {string} the SQL, statements separated by ";\n"
 */
export function seedSql(p) {
  const W = q(p.workspaceId);
  const OWNER = q(p.ownerId);
  const firstCustomerId = q(customerIdOf(p.t0, p.from));
  // This stage's customers are the ids between its first and last: customers the app created
  // meanwhile (an import, a webhook) have later ids, as they were created now.
  const inStage = (column) => `${column} between ${firstCustomerId} and ${q(customerIdOf(p.t0, p.to))}`;
  // Codes the app issued meanwhile (workspace_counters) are skipped.
  const code = `'C-' || printf('%05d', i + ${p.codeShift ?? 0})`;
  const numbers = `with recursive n(i) as (select ${p.from} union all select i + 1 from n where i < ${p.to})`;
  const created = `(${p.t0} + i * ${STEP})`;
  const customerId = `('cus_' || ${encodeTimeSql(created)} || printf('%016d', i))`;
  const org = `(i % 20 = 0)`;
  const firstShown = pickPart(FIRST, "i * 7", 0);
  const firstKey = pickPart(FIRST, "i * 7", 1);
  const lastShown = pickPart(LAST, "i * 11 + i / 23", 0);
  const lastKey = pickPart(LAST, "i * 11 + i / 23", 1);
  const display = `(case when ${org} then 'شرکت ' || ${lastShown} else ${firstShown} || ' ' || ${lastShown} end)`;
  const nameKey = `(case when ${org} then 'شرکت ' || ${lastKey} else ${firstKey} || ' ' || ${lastKey} end)`;
  const tagRows = `select 'vip' as tag, i from n where i % 10 = 0 union all select 'wholesale', i from n where i % 7 = 0 union all select 'instagram', i from n where i % 5 = 1`;
  const tagsJsonFull = `json((select json_group_array(tag) from (select 'vip' as tag where i % 10 = 0 union all select 'wholesale' where i % 7 = 0 union all select 'instagram' where i % 5 = 1)))`;
  const statements = [];

  // Customers, their figures and stages filled in below once their orders exist.
  statements.push(`insert into customers (id, workspace_id, cid, code, kind, first_name, last_name, organization_name, display_name, name_key,
    gender, birthday, province, city, address, tags, consent_sms, consent_sms_at, consent_email, consent_email_at, attributes, owner_user_id,
    first_order_at, last_order_at, order_count, total_spent, lifecycle_stage, created_at, updated_at)
  ${numbers}
  select ${customerId}, ${W}, '+98912' || printf('%07d', i), ${code},
    case when ${org} then 'organization' else 'person' end,
    case when ${org} then null else ${firstShown} end, case when ${org} then null else ${lastShown} end,
    case when ${org} then 'شرکت ' || ${lastShown} else null end, ${display}, ${nameKey},
    case when ${org} then null when i % 2 = 0 then 'female' else 'male' end,
    case when i % 5 < 2 then printf('%04d-%02d-%02d', 1960 + i % 40, 1 + i % 12, 1 + i % 28) else null end,
    ${pickPart(PLACES, "i * 3", 0)}, ${pickPart(PLACES, "i * 3", 1)}, null, ${tagsJsonFull},
    case when i % 3 = 0 then 'granted' else 'unknown' end, case when i % 3 = 0 then ${created} else null end,
    case when i % 4 = 0 then 'granted' else 'unknown' end, case when i % 4 = 0 then ${created} else null end,
    '{}', case when i % 5 = 0 then ${OWNER} else null end, null, null, 0, 0, 'prospect', ${created}, ${created}
  from n`);

  // Identifiers: the mobile (the CID) and the issued code for everyone; e-mail, national code and
  // the WooCommerce customer id for some.
  const digitSum = [...Array(9)].map((_, k) => `substr(b, ${k + 1}, 1) * ${10 - k}`).join(" + ");
  const check = `(case when (${digitSum}) % 11 < 2 then (${digitSum}) % 11 else 11 - (${digitSum}) % 11 end)`;
  statements.push(`insert into customer_identifiers (id, workspace_id, customer_id, kind, value, created_at)
  ${numbers}, c(i, id, created, b) as (select i, ${customerId}, ${created}, printf('%09d', (i * 7919 + 12345678) % 1000000000) from n)
  select 'cid_' || ${encodeTimeSql("created")} || 'm' || printf('%015d', i), ${W}, id, 'mobile', '+98912' || printf('%07d', i), created from c
  union all select 'cid_' || ${encodeTimeSql("created")} || 'i' || printf('%015d', i), ${W}, id, 'issued', ${code}, created from c
  union all select 'cid_' || ${encodeTimeSql("created")} || 'e' || printf('%015d', i), ${W}, id, 'email', 'c' || i || '@example.com', created from c where i % 2 = 0
  union all select 'cid_' || ${encodeTimeSql("created")} || 'n' || printf('%015d', i), ${W}, id, 'national_code', b || ${check}, created from c where i % 3 = 1
  union all select 'cid_' || ${encodeTimeSql("created")} || 'x' || printf('%015d', i), ${W}, id, 'external', 'woo:' || ${q(p.wooConnectionId)} || ':' || i, created from c where i % 5 = 2`);

  // The name-word index: each distinct word of the folded name.
  statements.push(`insert or ignore into customer_name_words (workspace_id, word, customer_id)
  select ${W}, substr(name_key, 1, instr(name_key, ' ') - 1), id from customers where workspace_id = ${W} and ${inStage("id")}
  union all select ${W}, substr(name_key, instr(name_key, ' ') + 1), id from customers where workspace_id = ${W} and ${inStage("id")}`);

  statements.push(`insert into customer_tags (workspace_id, tag, customer_id)
  ${numbers}, t(tag, i) as (${tagRows})
  select ${W}, tag, ${customerId} from t`);

  // Orders: customer i buys k times, every `gap` days up to its last order `ago` days back (both
  // squeezed into the time since the customer was created).
  const plan = `${numbers},
  c(i, customer_id, created, k, last) as (
    select i, ${customerId}, ${created}, case when i % 5 = 0 then 0 else 1 + (i * 37) % 24 end,
      max(${created} + 3600000, min(${p.now} - 60000, ${p.now} - ((i * 29) % 300) * ${DAY} - (i % 86400) * 1000))
    from n),
  g(i, customer_id, created, k, last, gap) as (
    select i, customer_id, created, k, last,
      case when k <= 1 then 0
           when last - (k - 1) * (3 + (i * 17) % 40) * ${DAY} > created + 60000 then (3 + (i * 17) % 40) * ${DAY}
           else (last - created - 60000) / (k - 1) end
    from c where k > 0),
  j(j) as (select 0 union all select j + 1 from j where j < 23),
  o(i, j, customer_id, placed, status, total) as (
    select i, j, customer_id, last - (k - 1 - j) * gap,
      case when (i * 7 + j) % 33 = 0 then 'cancelled' when (i * 7 + j) % 50 = 1 then 'refunded' else 'paid' end,
      50000 + ((i * 31 + j * 17) % 950) * 1000
    from g join j on j.j < g.k)`;
  statements.push(`insert into orders (id, workspace_id, customer_id, source, connection_id, external_id, number, status, currency, subtotal, discount,
    shipping, tax, total, refunded_total, channel, note, placed_at, paid_at, refunded_at, cancelled_at, external_updated_at, created_by, created_at, updated_at)
  ${plan}
  select 'ord_' || ${encodeTimeSql("placed")} || printf('%016d', i * 100 + j), ${W}, customer_id, 'manual', null, null,
    'S-' || i || '-' || j, status, 'IRT', total, 0, 0, 0, total, case when status = 'refunded' then total else 0 end,
    ${pick(CHANNELS, "i + j")}, null, placed,
    case when status in ('paid', 'refunded') then placed + 60000 else null end,
    case when status = 'refunded' then placed + ${DAY} else null end,
    case when status = 'cancelled' then placed + 3600000 else null end,
    null, ${OWNER}, placed, case when status = 'refunded' then placed + ${DAY} when status = 'cancelled' then placed + 3600000 else placed + 60000 end
  from o`);

  const stageOrders = `from orders where workspace_id = ${W} and ${inStage("customer_id")}`;
  statements.push(`insert into order_items (id, workspace_id, order_id, sku, name, quantity, unit_price, total)
  select 'oit_' || substr(id, 5) || '0000', ${W}, id, 'SKU-' || (total / 1000), ${pick(PRODUCTS, "total / 1000")}, 1, total, total ${stageOrders}`);
  statements.push(`insert into order_status_history (id, workspace_id, order_id, status, at, by)
  select 'osh_' || substr(id, 5), ${W}, id, status, updated_at, ${OWNER} ${stageOrders}`);

  statements.push(`insert into interactions (id, workspace_id, customer_id, type, channel, direction, summary, occurred_at, staff_user_id, created_by, created_at)
  ${numbers},
  c(i, customer_id, created, m) as (select i, ${customerId}, ${created}, (i * 13) % 21 from n),
  j(j) as (select 0 union all select j + 1 from j where j < 19),
  x(i, j, customer_id, at) as (select i, j, customer_id, created + (j + 1) * ((${p.now} - 60000 - created) / (m + 1)) from c join j on j.j < c.m)
  select 'int_' || ${encodeTimeSql("at")} || printf('%016d', i * 100 + j), ${W}, customer_id, ${pick(INTERACTION_TYPES, "i + j")},
    ${pick(CHANNELS, "i * 3 + j")}, case when (i + j) % 3 = 0 then 'inbound' when (i + j) % 3 = 1 then 'outbound' else 'internal' end,
    ${pick(SUMMARIES, "i + j * 5")}, at, ${OWNER}, ${OWNER}, at
  from x`);

  // The figures recordOrder keeps: over paid orders only.
  const paid = `from orders o indexed by orders_customer_time_idx where o.workspace_id = ${W} and o.customer_id = customers.id and o.status = 'paid'`;
  statements.push(`update customers set
    order_count = (select count(*) ${paid}),
    total_spent = (select coalesce(sum(o.total - o.refunded_total), 0) ${paid}),
    first_order_at = (select min(o.placed_at) ${paid}),
    last_order_at = (select max(o.placed_at) ${paid})
  where workspace_id = ${W} and ${inStage("id")}`);
  const atRiskCut = p.now - AT_RISK_DAYS * DAY;
  const lapsedCut = p.now - LAPSED_DAYS * DAY;
  statements.push(`update customers set
    lifecycle_stage = case when order_count = 0 then 'prospect' when last_order_at <= ${lapsedCut} then 'lapsed'
      when last_order_at <= ${atRiskCut} then 'at_risk' when order_count = 1 then 'new' else 'active' end,
    updated_at = max(created_at, coalesce(last_order_at, 0))
  where workspace_id = ${W} and ${inStage("id")}`);

  // The stage changes that history implies: the first and second purchase, then time.
  const stageCustomers = `from customers where workspace_id = ${W} and ${inStage("id")}`;
  const secondPaid = `(select o.placed_at from orders o indexed by orders_customer_time_idx where o.workspace_id = ${W} and o.customer_id = customers.id and o.status = 'paid' order by o.placed_at limit 1 offset 1)`;
  const change = (letter, at, from, to, cause, where) =>
    `select 'csc_' || ${encodeTimeSql(at)} || '${letter}' || substr(id, 15), ${W}, id, ${from}, '${to}', '${cause}', ${at} from s where ${where}`;
  statements.push(`insert into customer_stage_changes (id, workspace_id, customer_id, from_stage, to_stage, cause, at)
  with s(id, order_count, first_order_at, last_order_at, stage, second) as (
    select id, order_count, first_order_at, last_order_at, lifecycle_stage, case when order_count >= 2 then ${secondPaid} end ${stageCustomers})
  ${change("a", "first_order_at", "'prospect'", "new", "order", "order_count >= 1")}
  union all ${change("b", "second", "'new'", "active", "order", "order_count >= 2")}
  union all ${change("c", `last_order_at + ${AT_RISK_DAYS * DAY}`, "case when order_count >= 2 then 'active' else 'new' end", "at_risk", "schedule", "stage in ('at_risk', 'lapsed')")}
  union all ${change("d", `last_order_at + ${LAPSED_DAYS * DAY}`, "'at_risk'", "lapsed", "schedule", "stage = 'lapsed'")}`);

  // The daily rollups, as the write paths add to them: customers created, paid orders and their
  // revenue on the day placed, refunds on the day refunded, and each stage change's net moves.
  const stageNet = (stage) => `(case when to_stage = '${stage}' then 1 else 0 end) - (case when from_stage = '${stage}' then 1 else 0 end)`;
  const counters = ["new_customers", "orders", "revenue", "refunds", "became_lapsed", "won_back", "net_prospect", "net_new", "net_active", "net_at_risk", "net_lapsed", "net_won_back"];
  statements.push(`insert into daily_rollups (workspace_id, day, ${counters.join(", ")})
  select ${W}, day, ${counters.map((c) => `sum(${c})`).join(", ")} from (
    select ${localDaySql("created_at")} as day, 1 as new_customers, 0 as orders, 0 as revenue, 0 as refunds, 0 as became_lapsed, 0 as won_back,
      1 as net_prospect, 0 as net_new, 0 as net_active, 0 as net_at_risk, 0 as net_lapsed, 0 as net_won_back ${stageCustomers}
    union all select ${localDaySql("placed_at")}, 0, 1, total - refunded_total, 0, 0, 0, 0, 0, 0, 0, 0, 0 ${stageOrders} and status = 'paid'
    union all select ${localDaySql("refunded_at")}, 0, 0, 0, refunded_total, 0, 0, 0, 0, 0, 0, 0, 0 ${stageOrders} and status = 'refunded'
    union all select ${localDaySql("at")}, 0, 0, 0, 0, (to_stage = 'lapsed'), 0, ${["prospect", "new", "active", "at_risk", "lapsed", "won_back"].map(stageNet).join(", ")}
      from customer_stage_changes where workspace_id = ${W} and ${inStage("customer_id")}
  ) where true group by day
  on conflict (workspace_id, day) do update set ${counters.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")}`);

  statements.push(`insert into stage_counts (workspace_id, stage, count)
  select ${W}, lifecycle_stage, count(*) ${stageCustomers} group by lifecycle_stage
  on conflict (workspace_id, stage) do update set count = count + excluded.count`);
  statements.push(`insert into buyer_days (workspace_id, customer_id, day, orders)
  select ${W}, customer_id, ${localDaySql("placed_at")}, count(*) ${stageOrders} and status = 'paid' group by 2, 3
  on conflict (workspace_id, customer_id, day) do update set orders = orders + excluded.orders`);
  statements.push(`insert into workspace_counters (workspace_id, name, value) values (${W}, 'customer_code', ${p.to + (p.codeShift ?? 0)})
  on conflict (workspace_id, name) do update set value = max(value, excluded.value)`);

  return statements.map((statement) => statement.replace(/\s+\n/g, "\n")).join(";\n") + ";\n";
}
