// Plain-text tables for the terminal (and the README).

/** rows: array of arrays of cells; the first row is the header. Numbers align right. */
export function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? "").length)));
  const line = (row) =>
    row
      .map((cell, column) => {
        const text = String(cell ?? "");
        return typeof cell === "number" || /^[\d.,×%-]+( ms| KiB| s)?$/.test(text) ? text.padStart(widths[column]) : text.padEnd(widths[column]);
      })
      .join("  ")
      .trimEnd();
  return [line(rows[0]), widths.map((width) => "-".repeat(width)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

export const ms = (value) => (value === null || value === undefined ? "–" : `${Math.round(value * 10) / 10}`);
export const num = (value) => (value === null || value === undefined ? "–" : value.toLocaleString("en-US"));
export const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : "–");
