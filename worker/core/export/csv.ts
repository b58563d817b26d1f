// A tiny RFC 4180 writer (quoted when needed, quotes doubled, CRLF rows) and the guard that
// keeps a spreadsheet from running a cell as a formula.

/** One field: quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: ReadonlyArray<string | number | null | undefined>): string => `${values.map(csvField).join(",")}\r\n`;

/**
 * Text that Excel or LibreOffice would read as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe: a customer's name typed into a shop as `=HYPERLINK(...)` must not run on
 * a staff member's machine (OWASP "CSV injection").
 */
export const spreadsheetSafe = (text: string | null | undefined): string | null =>
  text === null || text === undefined ? null : /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;

/** The byte-order mark that makes Excel read the file as UTF-8 (and so show Persian). */
export const UTF8_BOM = "\uFEFF";
