import { describe, expect, it } from "vitest";
import { csvField, csvRow, spreadsheetSafe } from "./csv";

describe("the CSV writer", () => {
  it("quotes only fields with commas, quotes or line breaks, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Ahmadi, Jr.")).toBe('"Ahmadi, Jr."');
    expect(csvField('The "Best" Shop')).toBe('"The ""Best"" Shop"');
    expect(csvField("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField(null)).toBe("");
    expect(csvField(0)).toBe("0");
  });

  it("ends every row with CRLF", () => {
    expect(csvRow(["a", null, 3, "x,y"])).toBe('a,,3,"x,y"\r\n');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(spreadsheetSafe("=HYPERLINK(\"http://evil\")")).toBe("'=HYPERLINK(\"http://evil\")");
    for (const lead of ["+", "-", "@", "\t", "\r"]) expect(spreadsheetSafe(`${lead}1`)).toBe(`'${lead}1`);
    expect(spreadsheetSafe("علی")).toBe("علی");
    expect(spreadsheetSafe("09121234567")).toBe("09121234567");
    expect(spreadsheetSafe(null)).toBeNull();
  });
});
