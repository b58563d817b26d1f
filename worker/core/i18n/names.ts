// The names of fields, identifier kinds, order statuses and value types as people read them, for
// the messages that name one ("the customer identifier (mobile) is required"). One table, so a
// Persian message never shows an API identifier such as `nationalCode` or `paid`.
import type { Locale } from "./locale";

const NAMES: Record<string, Record<Locale, string>> = {
  // Identifier kinds (CID kinds) and the fields that carry them
  mobile: { en: "mobile", fa: "موبایل" },
  email: { en: "e-mail", fa: "ایمیل" },
  national_code: { en: "national code", fa: "کد ملی" },
  nationalCode: { en: "national code", fa: "کد ملی" },
  username: { en: "username", fa: "نام کاربری" },
  issued: { en: "customer code", fa: "کد مشتری" },
  external: { en: "shop customer id", fa: "شناسهٔ مشتری در فروشگاه" },
  identifier: { en: "identifier", fa: "شناسه" },
  // Customer fields
  kind: { en: "kind", fa: "نوع" },
  firstName: { en: "first name", fa: "نام" },
  lastName: { en: "last name", fa: "نام خانوادگی" },
  organizationName: { en: "organization name", fa: "نام سازمان" },
  gender: { en: "gender", fa: "جنسیت" },
  birthday: { en: "birthday", fa: "تاریخ تولد" },
  province: { en: "province", fa: "استان" },
  city: { en: "city", fa: "شهر" },
  postalCode: { en: "postal code", fa: "کد پستی" },
  address: { en: "address", fa: "نشانی" },
  tags: { en: "tags", fa: "برچسب‌ها" },
  consentSms: { en: "SMS consent", fa: "رضایت پیامک" },
  consentEmail: { en: "e-mail consent", fa: "رضایت ایمیل" },
  // Order fields
  customer: { en: "customer", fa: "مشتری" },
  externalId: { en: "order id", fa: "شناسهٔ سفارش" },
  number: { en: "order number", fa: "شمارهٔ سفارش" },
  status: { en: "status", fa: "وضعیت" },
  total: { en: "total", fa: "مبلغ کل" },
  currency: { en: "currency", fa: "واحد پول" },
  placedAt: { en: "order date", fa: "تاریخ سفارش" },
  paidAt: { en: "payment date", fa: "تاریخ پرداخت" },
  channel: { en: "channel", fa: "کانال" },
  note: { en: "note", fa: "یادداشت" },
  // Order statuses
  pending: { en: "pending", fa: "در انتظار" },
  paid: { en: "paid", fa: "پرداخت‌شده" },
  refunded: { en: "refunded", fa: "مرجوعی" },
  cancelled: { en: "cancelled", fa: "لغوشده" },
};

// What a value should have been, for "expected a number" in the reader's words.
const VALUE_TYPES: Record<string, Record<Locale, string>> = {
  string: { en: "text", fa: "متن" },
  number: { en: "a number", fa: "عدد" },
  int: { en: "a whole number", fa: "عدد صحیح" },
  boolean: { en: "true or false", fa: "درست یا نادرست (true/false)" },
  array: { en: "a list", fa: "فهرست" },
  object: { en: "an object", fa: "شیء" },
  null: { en: "empty (null)", fa: "خالی (null)" },
  undefined: { en: "nothing", fa: "هیچ" },
};

/** Message parameters that hold a name from a table; a field or kind parameter may join several with " | ". */
const NAMED_PARAMS: Record<string, Record<string, Record<Locale, string>>> = {
  kind: NAMES,
  field: NAMES,
  from: NAMES,
  to: NAMES,
  type: VALUE_TYPES,
};

const SEPARATOR: Record<Locale, string> = { en: " or ", fa: " یا " };

/** A parameter's value as the reader calls it; anything not in the table (a client's own word) as given. */
export function nameOf(param: string, value: string, locale: Locale): string {
  const table = Object.hasOwn(NAMED_PARAMS, param) ? NAMED_PARAMS[param]! : undefined;
  if (!table) return value;
  return value
    .split(" | ")
    .map((name) => (Object.hasOwn(table, name) ? table[name]![locale] : name))
    .join(SEPARATOR[locale]);
}
