// A one-sheet Excel workbook (.xlsx: SpreadsheetML parts in a zip) written as a stream: the sheet's
// XML is deflated and handed to the client one page of rows at a time, so a workbook of any size
// holds one page in memory, like the CSV. Text goes in inline strings (no shared-strings table to
// build before the first byte), numbers as numbers; a Persian sheet reads right to left. fflate's
// browser build is pure JavaScript (no Node modules), which workerd runs as it is.
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from "fflate/browser";

/** Rows an Excel sheet holds, the header included. */
export const XLSX_MAX_ROWS = 1_048_576;

export type SheetCell = string | number | null;
export type SheetPart = { header: string[] } | { rows: SheetCell[][] };

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  "</Types>";

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  "</Relationships>";

const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  "</Relationships>";

// The least a styles part may hold; style 1 is bold, for the header row.
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  "</styleSheet>";

const workbook = (sheetName: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  `<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

const sheetStart = (rightToLeft: boolean) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  // The header row stays in view while scrolling.
  `<sheetViews><sheetView workbookViewId="0"${rightToLeft ? ' rightToLeft="1"' : ""}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
  "<sheetData>";

const SHEET_END = "</sheetData></worksheet>";

/** Text as XML character data; characters XML 1.0 cannot hold at all (most control characters) are dropped. */
function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** A, B, … Z, AA, AB, …: the column's letters in a cell reference. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function rowXml(number: number, cells: ReadonlyArray<SheetCell>, style = 0): string {
  const s = style ? ` s="${style}"` : "";
  const xml = cells.map((cell, index) => {
    const ref = `${columnLetters(index)}${number}`;
    if (cell === null || cell === "") return "";
    if (typeof cell === "number" && Number.isFinite(cell)) return `<c r="${ref}"${s}><v>${cell}</v></c>`;
    // xml:space keeps leading and trailing spaces and line breaks (an address on two lines).
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(cell))}</t></is></c>`;
  });
  return `<row r="${number}">${xml.join("")}</row>`;
}

/**
 * The workbook as a response body: the fixed parts first, then the sheet, deflated as its pages
 * arrive. The first part of `sheet` is its header row.
 */
export function xlsxStream(sheet: AsyncIterable<SheetPart>, options: { sheetName: string; rightToLeft: boolean }): ReadableStream<Uint8Array> {
  const iterator = sheet[Symbol.asyncIterator]();
  let rowNumber = 0;
  let worksheet: ZipDeflate | undefined;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, data, final) => {
        if (error) return controller.error(error);
        if (data.length) controller.enqueue(data);
        if (final) controller.close();
      });
      const fixed: Array<[string, string]> = [
        ["[Content_Types].xml", CONTENT_TYPES],
        ["_rels/.rels", ROOT_RELS],
        ["xl/workbook.xml", workbook(options.sheetName)],
        ["xl/_rels/workbook.xml.rels", WORKBOOK_RELS],
        ["xl/styles.xml", STYLES],
      ];
      for (const [name, xml] of fixed) {
        const file = new ZipPassThrough(name);
        zip.add(file);
        file.push(strToU8(xml), true);
      }
      // Level 1: most of deflate's saving on repetitive XML for a fraction of its CPU time.
      worksheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 1 });
      zip.add(worksheet);
      worksheet.push(strToU8(sheetStart(options.rightToLeft)));
    },
    async pull() {
      const { value, done } = await iterator.next();
      if (done) {
        worksheet!.push(strToU8(SHEET_END), true);
        zip.end();
        return;
      }
      const xml = "header" in value ? rowXml(++rowNumber, value.header, 1) : value.rows.map((row) => rowXml(++rowNumber, row)).join("");
      worksheet!.push(strToU8(xml));
    },
    async cancel() {
      zip.terminate();
      await iterator.return?.();
    },
  });
}
