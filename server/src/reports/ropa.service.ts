/** Records of processing (GDPR Art. 30(1)), one row per purpose, as CSV, XLSX, Markdown or JSON. */
import type { RopaQuery } from "./reports.schema.js";
import { assembleRopa } from "./ropa.assemble.js";
import { ropaCsv, ropaMarkdown, ropaXlsx } from "./ropa.format.js";
import type { RopaRepository } from "./ropa.repository.js";
import type { RopaRow } from "../contract/api.js";
import { NotFoundError } from "../errors.js";
import type { FileAnswer } from "../http/api-router.js";

export class RopaService {
  constructor(private readonly repo: RopaRepository) {}

  async rows(system: string | null): Promise<RopaRow[]> {
    const systems = await this.repo.systems(system);
    if (system && systems.length === 0) throw new NotFoundError(`No system with id '${system}'.`, { id: `system:${system}` });
    return assembleRopa(systems);
  }

  async file(query: RopaQuery, date = new Date().toISOString().slice(0, 10)): Promise<FileAnswer> {
    const rows = await this.rows(query.system ?? null);
    const name = `records-of-processing-${query.system ?? "all-systems"}`;
    const title = `Records of processing: ${query.system ? (rows[0]?.controller ?? query.system) : "every system loaded"}`;
    switch (query.format) {
      case "csv":
        return { type: "text/csv; charset=utf-8", body: ropaCsv(rows), fileName: `${name}.csv` };
      case "md":
        return { type: "text/markdown; charset=utf-8", body: ropaMarkdown(rows, title, date), fileName: `${name}.md` };
      case "xlsx":
        return { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await ropaXlsx(rows, title, date), fileName: `${name}.xlsx` };
      case "json":
        return { type: "application/json; charset=utf-8", body: JSON.stringify({ rows }) };
    }
  }
}
