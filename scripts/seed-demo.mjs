#!/usr/bin/env node
// Seeds a demo workspace through the public HTTP API of a running server, so every record
// passes the real validation and normalization: an owner, ~50 customers (Persian names, every
// common identifier form), and a few interactions, orders and tasks per customer.
//
//   node scripts/seed-demo.mjs [--url http://localhost:8787] [--strict]
//
// Deterministic: the data comes from a fixed pseudo-random seed (dates are offsets from today).
// A step whose endpoint is missing or failing is reported and skipped; the script exits 0 once
// the owner exists (with --strict, 1 if any step had a failure).
import { DEMO_OWNER } from "./demo-account.mjs";

const SEED = 0x5eed_c0de;
const CUSTOMER_COUNT = 50;
const ORGANIZATION_COUNT = 7;

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}
const baseUrl = option("--url", `http://localhost:${process.env.PORT || 8787}`).replace(/\/$/, "");
const strict = process.argv.includes("--strict");

// ---------------------------------------------------------------- deterministic randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (items) => items[Math.floor(random() * items.length)];
const chance = (p) => random() < p;
const sample = (items, count) => {
  const pool = [...items];
  const out = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
};

// ---------------------------------------------------------------- vocabulary

const FEMALE = [["سارا", "Sara"], ["مریم", "Maryam"], ["زهرا", "Zahra"], ["فاطمه", "Fatemeh"], ["نرگس", "Narges"], ["لیلا", "Leila"], ["الهام", "Elham"], ["شیما", "Shima"], ["مهسا", "Mahsa"], ["نیلوفر", "Niloufar"], ["پریسا", "Parisa"], ["سمیرا", "Samira"], ["آزاده", "Azadeh"], ["ریحانه", "Reyhaneh"], ["یاسمن", "Yasaman"], ["کیمیا", "Kimia"], ["هستی", "Hasti"], ["ترانه", "Taraneh"]];
const MALE = [["علی", "Ali"], ["محمد", "Mohammad"], ["رضا", "Reza"], ["حسین", "Hossein"], ["امیر", "Amir"], ["مهدی", "Mahdi"], ["سعید", "Saeed"], ["حمید", "Hamid"], ["کامران", "Kamran"], ["بهزاد", "Behzad"], ["آرش", "Arash"], ["پویا", "Pouya"], ["سینا", "Sina"], ["مجید", "Majid"], ["فرهاد", "Farhad"], ["بابک", "Babak"], ["کاوه", "Kaveh"], ["نیما", "Nima"]];
const LAST = [["احمدی", "Ahmadi"], ["محمدی", "Mohammadi"], ["حسینی", "Hosseini"], ["رضایی", "Rezaei"], ["کریمی", "Karimi"], ["موسوی", "Mousavi"], ["جعفری", "Jafari"], ["صادقی", "Sadeghi"], ["رحیمی", "Rahimi"], ["هاشمی", "Hashemi"], ["نوری", "Nouri"], ["قاسمی", "Ghasemi"], ["طاهری", "Taheri"], ["کاظمی", "Kazemi"], ["شریفی", "Sharifi"], ["عباسی", "Abbasi"], ["مرادی", "Moradi"], ["اکبری", "Akbari"], ["یزدانی", "Yazdani"], ["فراهانی", "Farahani"], ["نجفی", "Najafi"], ["کرمانی", "Kermani"], ["شیرازی", "Shirazi"], ["تهرانی", "Tehrani"]];
const ORGANIZATIONS = [["شرکت بازرگانی آرین تجارت", "ariantejarat"], ["کافه رستوران سپیدار", "sepidar-cafe"], ["گالری فرش گلستان", "golestan-carpet"], ["آموزشگاه زبان پارسه", "parseh-institute"], ["داروخانه دکتر نیک‌نام", "niknam-pharmacy"], ["هتل آسمان شیراز", "aseman-hotel"], ["فروشگاه لوازم خانگی پارس", "pars-appliances"], ["چاپخانه نقش جهان", "naghshejahan-print"]];
const PLACES = [["تهران", "تهران"], ["تهران", "تهران"], ["تهران", "تهران"], ["تهران", "شهریار"], ["البرز", "کرج"], ["اصفهان", "اصفهان"], ["اصفهان", "کاشان"], ["فارس", "شیراز"], ["خراسان رضوی", "مشهد"], ["آذربایجان شرقی", "تبریز"], ["گیلان", "رشت"], ["خوزستان", "اهواز"], ["کرمان", "کرمان"], ["یزد", "یزد"], ["مازندران", "ساری"], ["قم", "قم"], ["هرمزگان", "بندرعباس"], ["کرمانشاه", "کرمانشاه"]];
const STREETS = ["خیابان ولیعصر", "خیابان انقلاب", "بلوار کشاورز", "خیابان آزادی", "خیابان شریعتی", "بلوار چمران", "خیابان امام", "خیابان فردوسی", "بلوار معلم", "خیابان حافظ"];
const TAGS = ["مشتری وفادار", "عمده‌فروش", "VIP", "اینستاگرام", "نمایشگاه پاییز", "معرفی‌شده", "خرید حضوری", "خرید آنلاین"];
const SOURCES = ["instagram", "website", "store", "referral", "exhibition", "telegram"];
const EMAIL_DOMAINS = ["example.com", "example.org", "example.net"];
const MOBILE_PREFIXES = ["912", "912", "935", "919", "901", "921", "930", "990", "913", "917", "936", "938"];

const FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const AR_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const toPersianDigits = (text) => text.replace(/\d/g, (d) => FA_DIGITS[Number(d)]);
const toArabicDigits = (text) => text.replace(/\d/g, (d) => AR_DIGITS[Number(d)]);

// ---------------------------------------------------------------- identifiers in every form

const usedMobiles = new Set();
/** A unique Iranian mobile, written the way people type them (0912…, +98…, 0098…, Persian digits…). */
function mobile(index) {
  let national;
  do national = pick(MOBILE_PREFIXES) + String(int(0, 9_999_999)).padStart(7, "0");
  while (usedMobiles.has(national));
  usedMobiles.add(national);
  const [a, b, c] = [national.slice(0, 3), national.slice(3, 6), national.slice(6)];
  const forms = [
    `0${national}`,
    `0${a} ${b} ${c}`,
    `+98${national}`,
    `+98 ${a} ${b} ${c}`,
    `0098${national}`,
    `0098-${a}-${b}-${c}`,
    toPersianDigits(`0${national}`),
    toPersianDigits(`0${a} ${b} ${c}`),
    `0${a}-${b}-${c}`,
    `${national}`,
  ];
  // Every form appears at least once, then at random; one Arabic-Indic spelling for good measure.
  if (index === forms.length) return toArabicDigits(`0${national}`);
  return index < forms.length ? forms[index] : pick(forms);
}

// Issuing-office prefixes (the first three digits) that exist: Tehran, Isfahan, Shiraz, Mashhad, Tabriz…
const NATIONAL_CODE_PREFIXES = ["001", "002", "003", "004", "005", "006", "007", "008", "011", "020", "031", "037", "043", "055", "063", "065", "127", "128", "129", "136", "137", "160", "161", "228", "229", "230", "254", "255", "332", "333", "371", "372", "451", "452", "511", "512", "553", "554", "630", "631", "635", "667", "668"];

const usedNationalCodes = new Set();
/** A national code (کد ملی) with a real prefix and a valid check digit, in ASCII, Persian digits or dashed. */
function nationalCode() {
  let code;
  do {
    const middle = Array.from({ length: 6 }, () => int(0, 9));
    if (middle.every((d) => d === 0)) continue;
    const body = [...pick(NATIONAL_CODE_PREFIXES)].map(Number).concat(middle);
    const sum = body.reduce((total, digit, i) => total + digit * (10 - i), 0) % 11;
    code = body.join("") + String(sum < 2 ? sum : 11 - sum);
  } while (!code || usedNationalCodes.has(code));
  usedNationalCodes.add(code);
  return pick([code, code, toPersianDigits(code), `${code.slice(0, 3)}-${code.slice(3, 9)}-${code.slice(9)}`]);
}

const usedEmails = new Set();
/** A unique address on a reserved domain, sometimes in mixed case or with stray spaces. */
function email(localPart) {
  let candidate = localPart;
  for (let n = 2; usedEmails.has(`${candidate}@`.toLowerCase()); n++) candidate = `${localPart}${n}`;
  usedEmails.add(`${candidate}@`.toLowerCase());
  const domain = pick(EMAIL_DOMAINS);
  return pick([`${candidate.toLowerCase()}@${domain}`, `${candidate}@${domain}`, `${candidate}@${domain[0].toUpperCase()}${domain.slice(1)}`, ` ${candidate.toLowerCase()}@${domain.toUpperCase()} `]);
}

const usedUsernames = new Set();
/** A unique handle in mixed case (usernames are compared NFKC + lower-case). */
function username(base) {
  let candidate;
  do candidate = `${base}${int(60, 99)}`;
  while (usedUsernames.has(candidate.toLowerCase()));
  usedUsernames.add(candidate.toLowerCase());
  return candidate;
}

function birthday() {
  const year = int(1962, 2004);
  const month = int(1, 12);
  const day = int(1, 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function consent(hasEmail) {
  const sms = random() < 0.7 ? "granted" : pick(["withdrawn", "unknown", "unknown"]);
  const result = { sms };
  if (hasEmail) result.email = pick(["granted", "granted", "unknown", "withdrawn"]);
  return result;
}

// ---------------------------------------------------------------- customers

function person(index) {
  const female = chance(0.55);
  const [firstName, firstLatin] = pick(female ? FEMALE : MALE);
  const [lastName, lastLatin] = pick(LAST);
  const [province, city] = pick(PLACES);
  const customer = { kind: "person", firstName, lastName, mobile: mobile(index), gender: female ? "female" : "male", province, city };
  if (chance(0.55)) customer.email = email(`${firstLatin}.${lastLatin}`);
  if (chance(0.4)) customer.nationalCode = nationalCode();
  if (chance(0.15)) customer.username = username(`${firstLatin}_${lastLatin}`);
  if (chance(0.6)) customer.birthday = birthday();
  if (chance(0.5)) customer.address = `${city}، ${pick(STREETS)}، کوچه ${toPersianDigits(String(int(1, 40)))}، پلاک ${toPersianDigits(String(int(1, 120)))}`;
  customer.tags = sample(TAGS, int(0, 3));
  customer.consent = consent(Boolean(customer.email));
  customer.attributes = { source: pick(SOURCES), newsletter: chance(0.4) };
  if (chance(0.3)) customer.attributes.shoeSize = int(36, 45);
  return customer;
}

function organization(index, [organizationName, slug]) {
  const [province, city] = pick(PLACES);
  const customer = {
    kind: "organization",
    organizationName,
    mobile: mobile(index),
    email: email(`info.${slug}`),
    province,
    city,
    address: `${city}، ${pick(STREETS)}، پلاک ${toPersianDigits(String(int(1, 300)))}`,
    tags: ["سازمانی", ...sample(TAGS, int(0, 2))],
    consent: { sms: "granted", email: "granted" },
    attributes: { source: pick(SOURCES), employees: int(3, 80), invoiceRequired: true },
  };
  return customer;
}

// ---------------------------------------------------------------- interactions and tasks

const DAY = 24 * 60 * 60 * 1000;
// The latest 10:00 in Tehran that has passed: seeded at 02:00 UTC, today's 10:00 is still ahead,
// and an order "placed" then is refused as not yet come.
const today = new Date();
today.setUTCHours(6, 30, 0, 0);
if (today.getTime() > Date.now()) today.setTime(today.getTime() - DAY);
const daysAgo = (days, hours = 0) => new Date(today.getTime() - days * DAY - hours * 60 * 60 * 1000).toISOString();
const daysFromNow = (days) => new Date(today.getTime() + days * DAY).toISOString();

const INTERACTIONS = [
  { type: "call", channel: "phone", direction: "inbound", summaries: ["تماس برای پیگیری وضعیت سفارش", "پرسش دربارهٔ زمان ارسال", "درخواست راهنمایی برای انتخاب سایز"] },
  { type: "call", channel: "phone", direction: "outbound", summaries: ["تماس برای هماهنگی زمان تحویل", "پیگیری رضایت از خرید قبلی"] },
  { type: "sms", channel: "sms", direction: "outbound", summaries: ["ارسال کد تخفیف تولد", "یادآوری پرداخت پیش‌فاکتور", "اطلاع‌رسانی جشنوارهٔ فروش"] },
  { type: "email", channel: "email", direction: "outbound", summaries: ["ارسال کاتالوگ محصولات جدید", "ارسال فاکتور رسمی"] },
  { type: "chat", channel: "whatsapp", direction: "inbound", summaries: ["پرسش دربارهٔ موجودی رنگ مشکی", "درخواست عکس بیشتر از محصول"] },
  { type: "chat", channel: "telegram", direction: "inbound", summaries: ["پرسش دربارهٔ هزینهٔ ارسال به شهرستان"] },
  { type: "social", channel: "instagram", direction: "inbound", summaries: ["کامنت زیر پست محصول جدید", "پیام دایرکت برای قیمت عمده"] },
  { type: "visit", channel: "store", direction: "inbound", summaries: ["بازدید از فروشگاه و خرید حضوری", "مراجعه برای تعویض کالا"] },
  { type: "note", direction: "internal", summaries: ["ترجیح می‌دهد عصرها با او تماس بگیریم", "مشتری قدیمی؛ به تخفیف ویژه حساس است"] },
  { type: "complaint", channel: "phone", direction: "inbound", summaries: ["شکایت از تأخیر در ارسال سفارش", "کالای آسیب‌دیده دریافت کرده است"] },
  { type: "pre_invoice", channel: "email", direction: "outbound", summaries: ["صدور پیش‌فاکتور برای سفارش عمده", "پیش‌فاکتور ۲۰ عدد با تخفیف ۱۰٪"] },
  { type: "invoice", channel: "store", direction: "outbound", summaries: ["فاکتور خرید حضوری", "فاکتور سفارش اینترنتی"] },
];

function interactionsFor() {
  return Array.from({ length: int(1, 3) }, () => {
    const template = pick(INTERACTIONS);
    const interaction = { type: template.type, direction: template.direction, summary: pick(template.summaries), occurredAt: daysAgo(int(0, 240), int(0, 9)) };
    if (template.channel) interaction.channel = template.channel;
    return interaction;
  }).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

const TASK_TITLES = ["تماس پیگیری با {name}", "ارسال پیش‌فاکتور برای {name}", "دعوت {name} به جشنوارهٔ فروش", "بررسی شکایت {name}", "ارسال هدیهٔ تولد برای {name}"];

function tasksFor(name) {
  if (!chance(0.45)) return [];
  return Array.from({ length: int(1, 2) }, () => {
    const task = { title: pick(TASK_TITLES).replace("{name}", name), dueAt: daysFromNow(int(-5, 14)) };
    if (chance(0.4)) task.notes = pick(["قبل از تماس سوابق خرید را ببینید.", "مبلغ پیش‌فاکتور با مدیر هماهنگ شود.", "ترجیحاً بعد از ساعت ۱۶ تماس بگیرید."]);
    return task;
  });
}

const ORDER_CHANNELS = ["instagram", "telegram", "whatsapp", "store", "phone", "website"];

/** Purchases over the past ~14 months, so stages, figures and the dashboard have something to show. */
function ordersFor() {
  if (!chance(0.75)) return [];
  const count = pick([1, 1, 1, 2, 2, 3, 4, 6]);
  const newest = int(0, 300);
  return Array.from({ length: count }, (_, i) => ({
    total: int(15, 900) * 10_000, // toman, in round amounts as shops price them
    channel: pick(ORDER_CHANNELS),
    placedAt: daysAgo(newest + i * int(12, 60), int(0, 9)),
  })).sort((a, b) => a.placedAt.localeCompare(b.placedAt));
}

const GENERAL_TASKS = [
  { title: "بررسی موجودی انبار پیش از جشنواره", dueAt: daysFromNow(3), notes: "فهرست کالاهای پرفروش را هم ببینید." },
  { title: "برنامه‌ریزی کمپین پیامکی نوروز", dueAt: daysFromNow(10) },
];

/** Builds the whole data set up front, so it does not depend on which requests succeed. */
function buildDataSet() {
  const organizationAt = new Set(sample([...Array(CUSTOMER_COUNT).keys()].slice(5), ORGANIZATION_COUNT));
  const organizations = sample(ORGANIZATIONS, ORGANIZATION_COUNT);
  const customers = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const input = organizationAt.has(i) ? organization(i, organizations.pop()) : person(i);
    const name = input.organizationName ?? `${input.firstName} ${input.lastName}`;
    customers.push({ input, name, interactions: interactionsFor(), tasks: tasksFor(name), orders: ordersFor() });
  }
  return customers;
}

// ---------------------------------------------------------------- HTTP

let cookie = "";

async function api(method, path, body) {
  const headers = { accept: "application/json", "accept-language": "en" };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  try {
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: response.status, json, text, headers: response.headers };
  } catch (error) {
    return { status: 0, json: null, text: String(error?.cause?.message ?? error?.message ?? error), headers: new Headers() };
  }
}

/** One line describing why a request failed: the problem's detail and its field errors. */
function describe(response) {
  if (response.status === 0) return `no answer (${response.text})`;
  const problem = response.json;
  if (!problem || typeof problem !== "object") return `${response.status} ${response.text.slice(0, 160)}`;
  const fields = Array.isArray(problem.errors) ? problem.errors.map((e) => `${e.path}: ${e.message ?? e.code}`).join("; ") : "";
  return `${response.status} ${problem.detail ?? problem.title ?? ""}${fields ? ` (${fields})` : ""}`.trim();
}

/** Counts the outcome of one kind of request; stops calling an endpoint that is not there. */
class Step {
  constructor(label, endpoint) {
    this.label = label;
    this.endpoint = endpoint;
    this.created = 0;
    this.failed = 0;
    this.skipped = 0;
    this.stoppedBecause = null;
    this.errors = [];
    this.consecutiveFailures = 0;
  }

  get available() {
    return this.stoppedBecause === null;
  }

  /** Sends one request unless the step has stopped; returns the created body or null. */
  async send(method, path, body, what) {
    if (!this.available) {
      this.skipped += 1;
      return null;
    }
    const response = await api(method, path, body);
    if (response.status === 200 || response.status === 201) {
      this.created += 1;
      this.consecutiveFailures = 0;
      return response.json ?? {};
    }
    this.failed += 1;
    this.consecutiveFailures += 1;
    if (this.errors.length < 5) this.errors.push(`${what}: ${describe(response)}`);
    if (response.status === 0) this.stop(`the server did not answer (${response.text})`);
    else if ([404, 405, 501].includes(response.status) && this.created === 0) this.stop(`${this.endpoint} answered ${response.status}: the endpoint is not available yet`);
    else if ([401, 403].includes(response.status)) this.stop(`${this.endpoint} answered ${response.status}: ${describe(response)}`);
    else if (this.consecutiveFailures >= 8) this.stop(`${this.consecutiveFailures} failures in a row`);
    return null;
  }

  stop(reason) {
    this.stoppedBecause = reason;
  }

  report() {
    const ok = this.failed === 0 && this.available;
    const mark = ok ? "✔" : this.created > 0 ? "⚠" : "✘";
    const counts = [`${this.created} created`];
    if (this.failed) counts.push(`${this.failed} failed`);
    if (this.skipped) counts.push(`${this.skipped} skipped`);
    const lines = [`  ${mark} ${this.label.padEnd(13)} ${counts.join(", ")}`];
    if (this.stoppedBecause) lines.push(`      stopped: ${this.stoppedBecause}`);
    for (const error of this.errors) lines.push(`      ${error}`);
    return { ok, text: lines.join("\n") };
  }
}

// ---------------------------------------------------------------- main

const log = (text) => console.log(`seed ${text}`);

async function signUpOwner() {
  const response = await api("POST", "/api/auth/signup", {
    workspaceName: DEMO_OWNER.workspaceName,
    name: DEMO_OWNER.name,
    email: DEMO_OWNER.email,
    password: DEMO_OWNER.password,
    locale: DEMO_OWNER.locale,
  });
  if (response.status === 409) {
    log(`${DEMO_OWNER.email} already exists: this server was seeded before, nothing to do.`);
    return "exists";
  }
  if (response.status !== 201) {
    log(`✘ sign-up failed: POST /api/auth/signup → ${describe(response)}`);
    return "failed";
  }
  const setCookies = typeof response.headers.getSetCookie === "function" ? response.headers.getSetCookie() : [response.headers.get("set-cookie") ?? ""];
  const session = setCookies.map((c) => c.split(";")[0].trim()).find((c) => c.startsWith("crm_session="));
  if (!session) {
    log("✘ sign-up answered 201 but set no crm_session cookie");
    return "failed";
  }
  cookie = session;
  log(`✔ owner signed up: ${DEMO_OWNER.email} (workspace ${response.json?.workspace?.name ?? DEMO_OWNER.workspaceName})`);
  return "created";
}

async function main() {
  const health = await api("GET", "/healthz");
  if (health.status !== 200) {
    log(`✘ ${baseUrl}/healthz → ${describe(health)}; is the server running?`);
    process.exit(1);
  }

  const owner = await signUpOwner();
  if (owner === "failed") process.exit(1);
  if (owner === "exists") {
    printLogin();
    return;
  }

  const data = buildDataSet();
  const customers = new Step("customers", "POST /api/customers");
  const interactions = new Step("interactions", "POST /api/customers/{id}/interactions");
  const tasks = new Step("tasks", "POST /api/tasks");
  const orders = new Step("orders", "POST /api/orders");

  log(`creating ${data.length} customers with interactions, orders and tasks …`);
  for (const [index, entry] of data.entries()) {
    const created = await customers.send("POST", "/api/customers", entry.input, `customer #${index + 1} ${entry.name}`);
    const id = created?.id;
    for (const interaction of entry.interactions) {
      if (!id) break;
      await interactions.send("POST", `/api/customers/${encodeURIComponent(id)}/interactions`, interaction, `interaction for ${entry.name}`);
    }
    for (const order of entry.orders) {
      if (!id) break;
      await orders.send("POST", "/api/orders", { ...order, customerId: id }, `order for ${entry.name}`);
    }
    for (const task of entry.tasks) {
      if (!id) break;
      await tasks.send("POST", "/api/tasks", { ...task, customerId: id }, `task "${task.title}"`);
    }
    if (!id && !customers.available) {
      // Without customers there is nothing to hang interactions and customer tasks on.
      break;
    }
  }
  for (const task of GENERAL_TASKS) await tasks.send("POST", "/api/tasks", task, `task "${task.title}"`);
  if (customers.created === 0 && interactions.created === 0 && interactions.failed === 0) interactions.stop("no customer was created to attach them to");

  log("summary:");
  const reports = [customers, interactions, orders, tasks].map((step) => step.report());
  for (const report of reports) console.log(report.text);
  const allOk = reports.every((report) => report.ok);
  if (!allOk) log("some steps did not complete (see above); the workspace and owner are usable all the same.");
  printLogin();
  if (strict && !allOk) process.exit(1);
}

function printLogin() {
  log(`demo login: ${DEMO_OWNER.email} / ${DEMO_OWNER.password}  (${baseUrl})`);
}

main().catch((error) => {
  log(`✘ seed crashed: ${error?.stack ?? error}`);
  process.exit(1);
});
