// Reading an uploaded CSV with papaparse (no dependencies, runs in workerd): UTF-8 with or
// without a byte-order mark, commas, semicolons or tabs (guessed when not given), quoted fields
// with commas, quotes and line breaks inside. The first row is the header.
import Papa from "papaparse";
import { invalidField } from "../http/problem";

export interface ParsedCsv {
  header: string[];
  /** Data rows, each as many cells as the header (missing cells are empty, extra ones dropped). */
  rows: string[][];
}

const BOM = /^\uFEFF/;

export function parseCsv(text: string, delimiter?: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(BOM, ""), {
    delimiter: delimiter ?? "",
    delimitersToGuess: [",", ";", "\t", "|"],
    skipEmptyLines: "greedy",
  });
  // A quote left open swallows the rest of the file: refuse it rather than import a half.
  const broken = result.errors.find((error) => error.type === "Quotes");
  if (broken) throw invalidField("body.csv", "import_malformed_csv", { row: (broken.row ?? 0) + 1 });
  const [first, ...data] = result.data;
  const header = (first ?? []).map((name) => name.replace(BOM, "").trim());
  if (header.length === 0 || header.every((name) => name === "")) throw invalidField("body.csv", "import_empty_file");
  const rows = data.map((cells) => header.map((_, index) => cells[index] ?? ""));
  return { header, rows };
}
