// Reading the chosen file in the browser, before anything is sent: its text (UTF-8, or the
// Windows Arabic code page older Persian Excel saves in), its header, rows and delimiter, read by
// papaparse with the Worker's own options (worker/core/import/parse-csv.ts), so row numbers in the
// API's report are the rows seen here.
import Papa from "papaparse";

export interface CsvFile {
  name: string;
  /** The text as it is sent to the API. */
  text: string;
  delimiter: string;
  header: string[];
  rows: string[][];
}

export type CsvProblem = { code: "empty" } | { code: "malformed"; row: number } | { code: "unreadable" };

const BOM = /^\uFEFF/;

async function decode(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Excel on a Persian Windows writes "CSV" in windows-1256.
    return new TextDecoder("windows-1256").decode(bytes);
  }
}

export async function readCsvFile(file: File): Promise<CsvFile | CsvProblem> {
  let text: string;
  try {
    text = (await decode(file)).replace(BOM, "");
  } catch {
    return { code: "unreadable" };
  }
  const result = Papa.parse<string[]>(text, { delimiter: "", delimitersToGuess: [",", ";", "\t", "|"], skipEmptyLines: "greedy" });
  const broken = result.errors.find((error) => error.type === "Quotes");
  if (broken) return { code: "malformed", row: (broken.row ?? 0) + 1 };
  const [first, ...data] = result.data;
  const header = (first ?? []).map((name) => name.replace(BOM, "").trim());
  if (header.length === 0 || header.every((name) => name === "")) return { code: "empty" };
  const rows = data.map((cells) => header.map((_, index) => cells[index] ?? ""));
  return { name: file.name, text, delimiter: result.meta.delimiter, header, rows };
}

/** A CSV (with a byte-order mark, so Excel shows Persian) offered as a download. */
export function downloadCsv(name: string, rows: string[][]) {
  downloadText(name, `${Papa.unparse(rows)}\r\n`);
}

export function downloadText(name: string, csv: string) {
  const text = `\uFEFF${csv}`;
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.dataset.native = "";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
