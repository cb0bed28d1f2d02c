/** Article 30 records as CSV, Markdown and XLSX: one set of columns and cell texts, so the three formats hold the same rows. */
import ExcelJS from "exceljs";

import type { RopaRow } from "../contract/api.js";
import { csvText } from "../contract/csv.js";
import { FIELDS_NOT_STATED, NOT_DOCUMENTED, TRANSFER_WORDS } from "../contract/words.js";

interface RopaColumn {
  header: string;
  width: number;
  cell: (r: RopaRow) => string;
}

const orNot = (list: string[]) => (list.length > 0 ? list.join("; ") : NOT_DOCUMENTED);

export const ROPA_COLUMNS: RopaColumn[] = [
  { header: "Controller / system", width: 18, cell: (r) => r.controller },
  { header: "Purpose of processing", width: 28, cell: (r) => r.purpose },
  { header: "Categories of data subjects", width: 24, cell: (r) => orNot(r.subjects) },
  { header: "Categories of personal data", width: 36, cell: (r) => orNot(r.categories) },
  {
    header: "Recipients (vendors, with role)",
    width: 44,
    cell: (r) =>
      r.recipients.length === 0
        ? "none stated in the inventory"
        : r.recipients
            .map((x) => `${x.vendor}${x.service && x.service !== x.vendor ? ` (${x.service})` : ""}, ${x.role}, legal entity: ${x.legalName ?? NOT_DOCUMENTED}${x.fields === "not-stated" ? `, ${FIELDS_NOT_STATED}` : ""}`)
            .join("; "),
  },
  {
    header: "Transfers to third countries (safeguard)",
    width: 52,
    cell: (r) =>
      r.transfers.length === 0
        ? r.recipients.length === 0
          ? "none stated in the inventory"
          : "none: every recipient's countries are in the EEA"
        : r.transfers
            .map((t) => `${t.vendor} → ${t.countries.length > 0 ? t.countries.join(", ") : TRANSFER_WORDS["not-stated"]}: ${TRANSFER_WORDS[t.transfer]}; safeguard: ${t.safeguard}`)
            .join(" | "),
  },
  { header: "Retention", width: 30, cell: (r) => (r.retention.length > 0 ? r.retention.join("; ") : NOT_DOCUMENTED) },
  { header: "Source document", width: 24, cell: (r) => r.sourceDocument ?? NOT_DOCUMENTED },
];

/** The one CSV writer (spreadsheet-safe), with a byte-order mark so spreadsheet programs read it as UTF-8. */
export function ropaCsv(rows: RopaRow[]): string {
  return `\uFEFF${csvText(
    ROPA_COLUMNS.map((c) => c.header),
    rows.map((r) => ROPA_COLUMNS.map((c) => c.cell(r))),
  )}\r\n`;
}

export function ropaMarkdown(rows: RopaRow[], title: string, date: string): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  return [
    `# ${title}`,
    "",
    `Records of processing activities (GDPR Art. 30(1)), generated ${date} from the loaded inventories. "${NOT_DOCUMENTED}" marks what the inventory does not state.`,
    "",
    `| ${ROPA_COLUMNS.map((c) => esc(c.header)).join(" | ")} |`,
    `|${ROPA_COLUMNS.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${ROPA_COLUMNS.map((c) => esc(c.cell(r))).join(" | ")} |`),
    "",
  ].join("\n");
}

export async function ropaXlsx(rows: RopaRow[], title: string, date: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "pd-lineage";
  book.created = new Date(date);
  const sheet = book.addWorksheet("Records of processing", { views: [{ state: "frozen", ySplit: 1 }], pageSetup: { orientation: "landscape", // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- A4: exceljs declares a const enum, no value at run time
    paperSize: 9 as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = ROPA_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for (const r of rows) sheet.addRow(ROPA_COLUMNS.map((c) => c.cell(r)));
  sheet.getRow(1).font = { bold: true };
  sheet.eachRow((row) => (row.alignment = { vertical: "top", wrapText: true }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ROPA_COLUMNS.length } };
  book.title = title;
  return Buffer.from(await book.xlsx.writeBuffer());
}
