// What the fuzz tests throw at the app: strings in mixed scripts, with control characters and
// direction marks, huge ones, numbers at the edges, wrong JSON types, broken JSON, odd headers.
// Runs are bounded and seeded: a failure prints fast-check's seed and path, and the same seed
// replays it (put it in FUZZ_SEED below, or pass { seed, path } to fc.assert).
import fc from "fast-check";

/** The seed every fuzz run starts from, so CI is reproducible; change it to explore further. */
export const FUZZ_SEED = 20_261_126;

const SCRIPTS = [
  "سارا محمدی", "علي‌رضا", "۰۹۱۲ ۱۲۳ ۴۵۶۷", "٠٩١٢١٢٣٤٥٦٧", "+98 912 123 4567", "0098-912-123-4567", "Ünïcödé", "日本語", "😀👨‍👩‍👧",
  "C-۰۰۰۴۲", "ZAHRA@EXAMPLE.COM", "0012345679", "woo:con_x:1", "IRHT", "1,245,000", "12.5", "-0", "1e400", "NaN", "Infinity",
];
const CONTROL = ["\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u00a0", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202e", "\u2028", "\ufeff", "\ufffd", "\ud800"];
const SQLISH = ["' or 1=1 --", '"); drop table customers; --', "%", "_", "\\", "${x}", "{{7*7}}", "<script>alert(1)</script>", "../../etc/passwd", "null", "undefined", "[]", "{}"];

/** Any string a person, a broken client or an attacker might send, up to 200k characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...SCRIPTS, ...CONTROL, ...SQLISH), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.constantFrom(...SCRIPTS, ...SQLISH, "") },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("۹", "a", "\u0000", "ی", "😀", " "), fc.constantFrom(300, 5_000, 70_000, 200_000)).map(([unit, times]) => unit.repeat(times)) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, -0.0001, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, nested a little, made of hostile parts. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(hostileString.filter((key) => key.length < 200), tie("value"), { maxKeys: 3 }),
  ),
})).value;

export type JsonType = "string" | "number" | "boolean" | "array" | "object" | "null";

/** A value of one JSON type (strings and numbers hostile). */
export function valueOfType(type: JsonType): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      return hostileString;
    case "number":
      return hostileNumber;
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(hostileValue, { maxLength: 3 });
    case "object":
      return fc.dictionary(hostileString.filter((key) => key.length < 200), hostileValue, { maxKeys: 3 });
  }
}

/** Request bodies that are not a JSON object at all: other JSON values, and text that is not JSON. */
export const notAnObjectBody: fc.Arbitrary<string> = fc.oneof(
  fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null), fc.array(hostileValue, { maxLength: 3 })).map((value) => JSON.stringify(value)),
  fc.constantFrom("", "{", '{"a":', "[1,", "\ufeff{}x", "{'single': 'quotes'}", '{"a": 1,}', "NaN", "undefined", '{"__proto__": {"admin": true}', '\u0000{"a":1}'),
  hostileString.filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
);

/** Header values a fetch may carry (ASCII, no line breaks) that no client should send. */
export const oddHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary-ascii", maxLength: 60 }).map((text) => text.replace(/[\r\n\0]/g, " ")),
  fc.constantFrom("", "*", "fa;q=abc, en;q=2, xx-YY", "q=0.5", "%C3%BC".repeat(300), "x".repeat(8_000), "application/json;;;", "text/html"),
);

/** The content types a JSON write might arrive with; only the first two are right. */
export const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "");

/** Ids in a path: plausible ones, and hostile ones (encoded, as a client would put them in a URL). */
export const pathId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("cus_00000000000000000000000000", "missing_0000000000", "0", "-1", "null", "%00", "..", "."),
  hostileString.filter((text) => text.length > 0 && text.length < 300),
);
