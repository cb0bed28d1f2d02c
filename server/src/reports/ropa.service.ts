/** Records of processing (GDPR Art. 30(1) and 30(2)), with a cover and the gaps, as CSV, XLSX, Markdown or JSON. */
import type { RopaQuery } from "./reports.schema.js";
import { assembleCover, assembleRopa } from "./ropa.assemble.js";
import { ropaCsv, ropaMarkdown, ropaXlsx } from "./ropa.format.js";
import type { RopaRepository } from "./ropa.repository.js";
import type { RopaResponse } from "../contract/api.js";
import { NotFoundError } from "../errors.js";
import type { FileAnswer } from "../file-answer.js";

export class RopaService {
  constructor(private readonly repo: RopaRepository) {}

  async answer(system: string | null, date = new Date().toISOString().slice(0, 10)): Promise<RopaResponse> {
    const systems = await this.repo.systems(system);
    if (system && systems.length === 0) throw new NotFoundError(`No system with id '${system}'.`, { id: `system:${system}` });
    return { cover: assembleCover(systems, date), rows: assembleRopa(systems) };
  }

  async file(query: RopaQuery, date = new Date().toISOString().slice(0, 10)): Promise<FileAnswer> {
    const answer = await this.answer(query.system ?? null, date);
    const name = `records-of-processing-${query.system ?? "all-systems"}`;
    const title = `Records of processing: ${query.system ? (answer.cover.files[0]?.systemName ?? query.system) : "every system loaded"}`;
    switch (query.format) {
      case "csv":
        return { type: "text/csv; charset=utf-8", body: ropaCsv(answer, title), fileName: `${name}.csv` };
      case "md":
        return { type: "text/markdown; charset=utf-8", body: ropaMarkdown(answer, title), fileName: `${name}.md` };
      case "xlsx":
        return { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await ropaXlsx(answer, title), fileName: `${name}.xlsx` };
      case "json":
        return { type: "application/json; charset=utf-8", body: JSON.stringify(answer) };
    }
  }
}
