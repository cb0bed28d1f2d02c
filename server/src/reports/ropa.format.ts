/**
 * Article 30 records as CSV, Markdown and XLSX: the same four tables in each (cover, Art. 30(1) records with the ICO
 * controller template's columns, Art. 30(2) records with the processor template's, one per controller served, and
 * the gaps: each undocumented field of each record), one set of cell texts, so the three formats hold the same rows.
 */
import ExcelJS from "exceljs";

import { CONTROLLER_COLUMNS, PROCESSOR_COLUMNS, type RopaColumn } from "./ropa.columns.js";
import type { RopaResponse, RopaRow } from "../contract/api.js";
import { csvText } from "../contract/csv.js";
import { NOT_DOCUMENTED } from "../contract/words.js";

export interface RopaTable {
  /** The XLSX sheet's name (at most 31 characters), and the title of the CSV/Markdown section. */
  sheet: string;
  title: string;
  header: string[];
  widths: number[];
  rows: string[][];
}

/** Processor records organised per controller served (a record whose controller is not documented last). */
function byController(rows: RopaRow[]): RopaRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(a.controllerServed === null) - Number(b.controllerServed === null) ||
      (a.controllerServed ?? "").localeCompare(b.controllerServed ?? "") ||
      a.systemName.localeCompare(b.systemName) ||
      a.record.localeCompare(b.record),
  );
}

const table = (sheet: string, title: string, columns: RopaColumn[], rows: RopaRow[]): RopaTable => ({
  sheet,
  title,
  header: columns.map((c) => c.header),
  widths: columns.map((c) => c.width),
  rows: rows.map((r) => columns.map((c) => c.cell(r))),
});

export function ropaTables(answer: RopaResponse, title: string): RopaTable[] {
  const controller = answer.rows.filter((r) => r.article === "30(1)");
  const processor = byController(answer.rows.filter((r) => r.article === "30(2)"));
  const gaps = [...controller, ...processor].flatMap((r) => r.gaps.map((g) => [r.article, r.systemName, r.record, r.article === "30(2)" ? (r.controllerServed ?? NOT_DOCUMENTED) : "", g.field, g.missing]));
  const cover: string[][] = [
    ["Title", title],
    ["Date", answer.cover.date],
    ["Records", `${controller.length} Art. 30(1) (controller), ${processor.length} Art. 30(2) (processor, one per controller served)`],
    ["Gaps", `${gaps.length} undocumented fields (sheet "Gaps"); "${NOT_DOCUMENTED}" marks each in the records`],
    ...answer.cover.files.map((f) => [
      `System ${f.systemName}`,
      `organisation: ${f.organisation ?? NOT_DOCUMENTED}; file loaded: ${f.file ?? NOT_DOCUMENTED}; sha256: ${f.sha256 ?? "none (not loaded from one file)"}`,
    ]),
  ];
  return [
    { sheet: "Cover", title: "Cover", header: ["Item", "Value"], widths: [22, 110], rows: cover },
    table("Art. 30(1) controller", "Records of processing activities: controller (GDPR Art. 30(1))", CONTROLLER_COLUMNS, controller),
    table("Art. 30(2) processor", "Records of processing activities: processor (GDPR Art. 30(2)), per controller served", PROCESSOR_COLUMNS, processor),
    {
      sheet: "Gaps",
      title: "Gaps: what the inventories do not document",
      header: ["Art. 30", "System", "Record", "Controller served", "Column", "Not documented"],
      widths: [9, 16, 30, 22, 40, 44],
      rows: gaps,
    },
  ];
}

/** Each table as a titled section: a row with its title, its header, its rows, a blank row. */
export function ropaCsv(answer: RopaResponse, title: string): string {
  return `\uFEFF${ropaTables(answer, title)
    .map((t) => `${csvText([t.title], [])}\r\n${csvText(t.header, t.rows)}\r\n`)
    .join("\r\n")}`;
}

export function ropaMarkdown(answer: RopaResponse, title: string): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  return [
    `# ${title}`,
    "",
    `Records of processing activities (GDPR Art. 30), generated ${answer.cover.date} from the loaded inventories. "${NOT_DOCUMENTED}" marks what the inventory does not state; the Gaps table lists each.`,
    "",
    ...ropaTables(answer, title).flatMap((t) => [
      `## ${t.title}`,
      "",
      `| ${t.header.map(esc).join(" | ")} |`,
      `|${t.header.map(() => "---").join("|")}|`,
      ...t.rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
      "",
    ]),
  ].join("\n");
}

export async function ropaXlsx(answer: RopaResponse, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "pd-lineage";
  book.created = new Date(answer.cover.date);
  book.title = title;
  for (const t of ropaTables(answer, title)) {
    const sheet = book.addWorksheet(t.sheet, {
      views: [{ state: "frozen", ySplit: 1 }],
      pageSetup: {
        orientation: "landscape",
        // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- A4: exceljs declares a const enum, no value at run time
        paperSize: 9 as ExcelJS.PaperSize,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    sheet.columns = t.header.map((header, i) => ({ header, width: t.widths[i] }));
    for (const r of t.rows) sheet.addRow(r);
    sheet.getRow(1).font = { bold: true };
    sheet.eachRow((row) => (row.alignment = { vertical: "top", wrapText: true }));
    if (t.rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.header.length } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
