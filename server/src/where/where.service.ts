import { whereColumns, whereReferencing, whereSources, whereTables, whereVendors } from "./where.assemble.js";
import type { Asked, Page, PagedList, WhereRepository } from "./where.repository.js";
import type { WhereListQuery, WhereQuery } from "./where.schema.js";
import type { WhereColumnsResponse, WhereReferencingResponse, WhereResponse, WhereTablesResponse } from "../contract/api.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { encodeCursor } from "../paging.js";
import { keyAt, withSeq } from "../trace/cursor.js";

/** Where a list's next page starts: the cursor names its list and the load it was made at (409 after a reload). */
const nextCursor = (seq: number, list: PagedList, end: number, total: number) => (end < total ? encodeCursor(withSeq(seq, [list, String(end)])) : null);

export class WhereService {
  constructor(
    private readonly repo: WhereRepository,
    private readonly loadSeq: () => Promise<number>,
  ) {}

  /**
   * The checklist: the first page (`limit`) of its columns, tables and referencing tables with the count of each, and
   * every source and vendor flow. Each list is read by its own query, capped there: nothing is built to be cut.
   */
  async where(query: WhereQuery): Promise<WhereResponse> {
    const seq = await this.loadSeq();
    const params = paramsOf(query);
    const [asked, columns, tables, referencing, writers, sends] = await Promise.all([
      this.asked(query),
      this.repo.columnPage(params, 0, query.limit),
      this.repo.tablePage(params, 0, query.limit),
      this.repo.referencingPage(params, 0, query.limit),
      this.repo.writers(params),
      this.repo.sends(params),
    ]);
    return {
      asked,
      columnCount: columns.total,
      next: nextCursor(seq, "columns", columns.rows.length, columns.total),
      columns: whereColumns(columns.rows),
      tableCount: tables.total,
      tablesNext: nextCursor(seq, "tables", tables.rows.length, tables.total),
      tables: whereTables(tables.rows),
      referencingCount: referencing.total,
      referencingNext: nextCursor(seq, "referencing", referencing.rows.length, referencing.total),
      referencing: whereReferencing(referencing.rows),
      sources: whereSources(writers),
      vendors: whereVendors(sends.sends, sends.flows),
    };
  }

  /** The columns after the `next` of the previous page (checklist order: system, table, position). */
  async columns(query: WhereListQuery): Promise<WhereColumnsResponse> {
    const { rows, count, next } = await this.page(query, "columns", (p, skip) => this.repo.columnPage(p, skip, query.limit));
    return { columns: whereColumns(rows), columnCount: count, next };
  }

  /** The tables after the `tablesNext` of the previous page (checklist order: system, name). */
  async tables(query: WhereListQuery): Promise<WhereTablesResponse> {
    const { rows, count, next } = await this.page(query, "tables", (p, skip) => this.repo.tablePage(p, skip, query.limit));
    return { tables: whereTables(rows), tableCount: count, next };
  }

  /** The referencing tables after the `referencingNext` of the previous page (checklist order: system, name). */
  async referencing(query: WhereListQuery): Promise<WhereReferencingResponse> {
    const { rows, count, next } = await this.page(query, "referencing", (p, skip) => this.repo.referencingPage(p, skip, query.limit));
    return { referencing: whereReferencing(rows), referencingCount: count, next };
  }

  /** A page of one list after its cursor: the page's own query, capped there, which also counts the whole list. */
  private async page<R>(query: WhereListQuery, list: PagedList, read: (params: Asked, skip: number) => Promise<Page<R>>): Promise<{ rows: R[]; count: number; next: string | null }> {
    const seq = await this.loadSeq();
    const offset = query.cursor ? offsetOf(keyAt(seq, query.cursor, 2), list) : 0;
    const [, { rows, total }] = await Promise.all([this.asked(query), read(paramsOf(query), offset)]);
    return { rows, count: total, next: nextCursor(seq, list, offset + rows.length, total) };
  }

  private async asked(query: Omit<WhereQuery, "limit">): Promise<WhereResponse["asked"]> {
    const id = (query.category ?? query.subject)!.id;
    const node = await this.repo.asked(id);
    if (!node) throw new NotFoundError(`No data category or subject with id '${id}'.`, { id });
    return { id, kind: query.category ? "category" : "subject", name: node.name, system: query.system ?? null };
  }
}

const paramsOf = (query: Omit<WhereQuery, "limit">): Asked => ({ category: query.category?.id ?? null, subject: query.subject?.id ?? null, system: query.system ?? null });

/** The offset a cursor of `list` carries; a cursor of another list is refused (it would page the wrong list). */
function offsetOf([of, at]: string[], list: PagedList): number {
  const offset = Number(at);
  if (of !== list || !Number.isInteger(offset) || offset < 0) throw new ValidationError(`cursor: must be the \`next\` value this list's previous page gave (${list})`, { field: "cursor" });
  return offset;
}
