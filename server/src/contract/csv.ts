/**
 * The one CSV writer, for the server's exports and the client's CSV buttons alike: RFC 4180 with CRLF line ends
 * (papaparse), and spreadsheet-safe. A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is a
 * formula to Excel, LibreOffice and Google Sheets (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-2+3`), so, as OWASP's
 * CSV-injection rule says, it is written with a leading `'` and quoted: the spreadsheet shows the text, never runs it.
 * Papaparse's own `escapeFormulae: true` tests `^[=+\-@\t\r].*$`, which misses a cell that holds a line break.
 */
import Papa from "papaparse";

export const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { newline: "\r\n", escapeFormulae: FORMULA_START });
}
