import { assembleWhere } from "./where.assemble.js";
import type { WhereRepository } from "./where.repository.js";
import type { WhereColumnsQuery, WhereQuery } from "./where.schema.js";
import type { WhereColumnsResponse, WhereResponse } from "../contract/api.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { encodeCursor } from "../paging.js";
import { keyAt, withSeq } from "../trace/cursor.js";

export class WhereService {
  constructor(
    private readonly repo: WhereRepository,
    private readonly loadSeq: () => Promise<number>,
  ) {}

  /** The checklist with the first page of its columns; `columnCount` and every other list cover all of them. */
  async where(query: WhereQuery): Promise<WhereResponse> {
    const seq = await this.loadSeq();
    const w = await this.all(query);
    return { ...w, columns: w.columns.slice(0, query.limit), next: w.columns.length > query.limit ? encodeCursor(withSeq(seq, [String(query.limit)])) : null };
  }

  /** The columns after the `next` of the previous page (checklist order: system, table, position); the query reads only them. */
  async columns(query: WhereColumnsQuery): Promise<WhereColumnsResponse> {
    const seq = await this.loadSeq();
    const offset = query.cursor ? Number(keyAt(seq, query.cursor, 1)[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw new ValidationError("cursor: must be the `next` value of the previous page, as given", { field: "cursor" });
    const params = { category: query.category?.id ?? null, subject: query.subject?.id ?? null, system: query.system ?? null };
    const [asked, rows, columnCount] = await Promise.all([this.asked(query), this.repo.columnPage(params, offset, query.limit), this.repo.columnCount(params)]);
    const end = offset + rows.length;
    return { columns: assembleWhere(asked, rows).columns, columnCount, next: end < columnCount ? encodeCursor(withSeq(seq, [String(end)])) : null };
  }

  private async asked(query: Omit<WhereQuery, "limit">): Promise<WhereResponse["asked"]> {
    const id = (query.category ?? query.subject)!.id;
    const node = await this.repo.asked(id);
    if (!node) throw new NotFoundError(`No data category or subject with id '${id}'.`, { id });
    return { id, kind: query.category ? "category" : "subject", name: node.name, system: query.system ?? null };
  }

  /** The whole checklist, every column listed: what a page is cut from and what an export reads. */
  async all(query: Omit<WhereQuery, "limit">): Promise<WhereResponse> {
    const [asked, rows] = await Promise.all([this.asked(query), this.repo.columns({ category: query.category?.id ?? null, subject: query.subject?.id ?? null, system: query.system ?? null })]);
    const w = assembleWhere(asked, rows);
    return { ...w, columnCount: w.columns.length, next: null };
  }
}
