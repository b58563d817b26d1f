// Reading an uploaded CSV with papaparse (no dependencies, runs in workerd): UTF-8 with or
// without a byte-order mark, commas, semicolons or tabs (guessed when not given), quoted fields
// with commas, quotes and line breaks inside. The first row is the header.
// The file's shape is capped while it is read, row by row, before anything is kept: a hostile
// file (100,000 columns, a megabyte in one cell) is refused at its first offending row instead
// of being expanded in memory, and rows are kept as parsed (never padded to the header's width).
import Papa from "papaparse";
import { invalidField } from "../http/problem";

/** Columns a file may have: far more than any customer or order sheet, far fewer than an attack. */
export const MAX_IMPORT_COLUMNS = 200;
/** Characters in one cell: an address or a note fits; a pasted document does not. */
export const MAX_CELL_CHARS = 2_000;
/** Data rows in one file (the upload itself is capped by the app's 20 MB body limit). */
export const MAX_IMPORT_ROWS = 100_000;

export interface ParsedCsv {
  header: string[];
  /** Data rows as parsed: a short row stays short (a missing cell reads as empty), extra cells are dropped. */
  rows: string[][];
}

const BOM = /^\uFEFF/;

export function parseCsv(text: string, delimiter?: string): ParsedCsv {
  let header: string[] | null = null;
  const rows: string[][] = [];
  let refusal: Error | null = null;
  let index = 0;
  Papa.parse<string[]>(text.replace(BOM, ""), {
    delimiter: delimiter ?? "",
    delimitersToGuess: [",", ";", "\t", "|"],
    skipEmptyLines: "greedy",
    step: (result, parser) => {
      const row = index++;
      const cells = result.data;
      refusal = shapeProblem(result.errors, cells, row);
      if (!refusal && row > MAX_IMPORT_ROWS) refusal = invalidField("body.csv", "import_too_many_rows", { max: MAX_IMPORT_ROWS });
      if (refusal) return parser.abort();
      if (header === null) header = cells.map((name) => name.replace(BOM, "").trim());
      else rows.push(cells.length > header.length ? cells.slice(0, header.length) : cells);
    },
  });
  if (refusal) throw refusal;
  const names = header as string[] | null;
  if (!names || names.length === 0 || names.every((name) => name === "")) throw invalidField("body.csv", "import_empty_file");
  return { header: names, rows };
}

/** Why a row (0 is the header) cannot be read, checked before the row is kept; null when it can. */
function shapeProblem(errors: Papa.ParseError[], cells: string[], row: number): Error | null {
  // A quote left open swallows the rest of the file: refuse it rather than import a half.
  if (errors.some((error) => error.type === "Quotes")) return invalidField("body.csv", "import_malformed_csv", { row: row + 1 });
  if (cells.length > MAX_IMPORT_COLUMNS) return invalidField("body.csv", "import_too_many_columns", { max: MAX_IMPORT_COLUMNS, row });
  const long = cells.findIndex((cell) => cell.length > MAX_CELL_CHARS);
  if (long >= 0) return invalidField("body.csv", "import_cell_too_long", { max: MAX_CELL_CHARS, row, column: long + 1 });
  return null;
}
