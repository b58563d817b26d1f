// The fields a CSV column can feed, per kind (the Worker's lists: worker/core/import/import-mapping.ts),
// with their names in both languages, the header words that usually mean them (to propose a
// mapping), which are required, and a small sample file per kind.
import type { Language } from "../../i18n/i18n";
import type { Localized } from "../../session/session";

export type ImportKind = "customers" | "orders";

export interface ImportField {
  key: string;
  label: Localized;
  /** Header words (normalized by headerWord) that propose this field. */
  words: string[];
}

const field = (key: string, en: string, fa: string, words: string[]): ImportField => ({ key, label: { en, fa }, words: [key.toLowerCase(), ...words] });

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  customers: [
    field("mobile", "Mobile", "موبایل", ["mobile", "mobilenumber", "phone", "phonenumber", "cell", "cellphone", "tel", "موبایل", "شمارهموبایل", "تلفنهمراه", "همراه", "تلفن", "شمارهتماس", "شمارهتلفن"]),
    field("email", "E-mail", "ایمیل", ["email", "mail", "emailaddress", "ایمیل", "رایانامه", "پستالکترونیک", "پستالکترونیکی"]),
    field("nationalCode", "National code", "کد ملی", ["nationalcode", "nationalid", "codemelli", "کدملی", "شمارهملی", "کدملّی"]),
    field("username", "Username", "نام کاربری", ["username", "user", "login", "نامکاربری"]),
    field("firstName", "First name", "نام", ["firstname", "first", "givenname", "name", "نام", "اسم"]),
    field("lastName", "Last name", "نام خانوادگی", ["lastname", "last", "surname", "familyname", "family", "نامخانوادگی", "فامیلی", "فامیل"]),
    field("organizationName", "Organization", "نام سازمان", ["organization", "organisation", "organizationname", "company", "companyname", "business", "نامسازمان", "سازمان", "شرکت", "نامشرکت"]),
    field("kind", "Person or organization", "حقیقی یا حقوقی", ["kind", "type", "customertype", "نوع", "نوعمشتری", "حقیقییاحقوقی"]),
    field("gender", "Gender", "جنسیت", ["gender", "sex", "جنسیت"]),
    field("birthday", "Birthday", "تاریخ تولد", ["birthday", "birthdate", "dateofbirth", "dob", "تاریختولد", "تولد", "زادروز"]),
    field("province", "Province", "استان", ["province", "state", "region", "استان"]),
    field("city", "City", "شهر", ["city", "town", "شهر"]),
    field("postalCode", "Postal code", "کد پستی", ["postalcode", "postcode", "zip", "zipcode", "کدپستی"]),
    field("address", "Address", "نشانی", ["address", "streetaddress", "نشانی", "آدرس"]),
    field("tags", "Tags", "برچسب‌ها", ["tags", "tag", "labels", "برچسب", "برچسبها", "تگ", "تگها"]),
    field("consentSms", "SMS consent", "رضایت پیامک", ["consentsms", "smsconsent", "sms", "رضایتپیامک", "پیامک"]),
    field("consentEmail", "E-mail consent", "رضایت ایمیل", ["consentemail", "emailconsent", "newsletter", "رضایتایمیل"]),
  ],
  orders: [
    field("customer", "Customer (mobile, e-mail, national code or code)", "مشتری (موبایل، ایمیل، کد ملی یا کد مشتری)", [
      "customer",
      "mobile",
      "phone",
      "email",
      "customermobile",
      "customerphone",
      "customeremail",
      "مشتری",
      "موبایل",
      "تلفن",
      "شمارهموبایل",
      "موبایلمشتری",
      "ایمیل",
    ]),
    field("externalId", "Order ID", "شناسهٔ سفارش", ["externalid", "orderid", "id", "invoiceid", "invoice", "order", "شناسهسفارش", "شناسه", "کدسفارش", "سفارش", "فاکتور", "شمارهفاکتور"]),
    field("number", "Order number", "شمارهٔ سفارش", ["number", "ordernumber", "ordernr", "شمارهسفارش", "شماره"]),
    field("total", "Amount", "مبلغ", ["total", "amount", "sum", "price", "totalamount", "ordertotal", "مبلغ", "مبلغکل", "جمع", "جمعکل", "مبلغسفارش", "قیمت"]),
    field("placedAt", "Order date", "تاریخ سفارش", ["placedat", "date", "orderdate", "createdat", "created", "تاریخ", "تاریخسفارش", "تاریخثبت"]),
    field("status", "Status", "وضعیت", ["status", "orderstatus", "state", "وضعیت", "وضعیتسفارش"]),
    field("paidAt", "Payment date", "تاریخ پرداخت", ["paidat", "paymentdate", "datepaid", "paid", "تاریخپرداخت"]),
    field("currency", "Currency", "واحد پول", ["currency", "واحدپول", "ارز"]),
    field("channel", "Sales channel", "کانال فروش", ["channel", "saleschannel", "کانال", "کانالفروش"]),
    field("note", "Note", "یادداشت", ["note", "notes", "comment", "description", "یادداشت", "توضیحات", "توضیح"]),
  ],
};

const CID_FIELDS: Record<string, string> = { mobile: "mobile", email: "email", national_code: "nationalCode", username: "username" };

/** Fields a mapping must include: the CID's field for customers (none when codes are issued), the order's key and figures. */
export function requiredFields(kind: ImportKind, cidKind: string): string[] {
  if (kind === "orders") return ["customer", "externalId", "total", "placedAt"];
  const cidField = CID_FIELDS[cidKind];
  return cidField ? [cidField] : [];
}

/** A header cell reduced to what tells fields apart: case, spaces, dashes, half-spaces and Arabic letter forms aside. */
export function headerWord(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ي/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/[ۀة]/g, "ه")
    .replace(/[\s_\-.:/()\u200c\u200f\u200e]+/g, "");
}

/** A proposed mapping (column → field): each field to the first column whose header means it, one field per column. */
export function proposeMapping(kind: ImportKind, header: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const candidate of IMPORT_FIELDS[kind]) {
    const column = header.find((name) => name.trim() !== "" && !(name in mapping) && candidate.words.includes(headerWord(name)));
    if (column !== undefined && !used.has(candidate.key)) {
      mapping[column] = candidate.key;
      used.add(candidate.key);
    }
  }
  return mapping;
}

/** A sample file per kind and language: the header the proposal reads, and one row. */
export const SAMPLE_CSV: Record<ImportKind, Record<Language, string>> = {
  customers: {
    en: "mobile,first name,last name,email,city,tags,sms consent\n09121234567,Sara,Ahmadi,sara@example.com,Tehran,vip;newsletter,yes\n",
    fa: "موبایل,نام,نام خانوادگی,ایمیل,شهر,برچسب‌ها,رضایت پیامک\n۰۹۱۲۱۲۳۴۵۶۷,سارا,احمدی,sara@example.com,تهران,vip;خبرنامه,بله\n",
  },
  orders: {
    en: "order id,customer,amount,date,status\n1001,09121234567,1250000,2025-03-21,paid\n",
    fa: "شناسه سفارش,مشتری,مبلغ,تاریخ,وضعیت\n۱۰۰۱,۰۹۱۲۱۲۳۴۵۶۷,۱٬۲۵۰٬۰۰۰,۱۴۰۴/۰۱/۰۱,پرداخت شده\n",
  },
};
