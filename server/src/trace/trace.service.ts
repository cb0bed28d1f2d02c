import { keyAt, withSeq } from "./cursor.js";
import { assembleTrace, traceVendorFields, traceVendorList, type TracePage } from "./trace.assemble.js";
import type { TraceRepository, TraceRow } from "./trace.repository.js";
import type { TraceFieldsQuery, TraceQuery, TraceVendorsQuery } from "./trace.schema.js";
import type { TraceFilters, TraceResponse, TraceVendor, TransferStatus } from "../contract/api.js";
import { NotFoundError } from "../errors.js";
import type { NodeResolver } from "../nodes/node.resolve.js";
import { encodeCursor } from "../paging.js";

/** Raw reaches kept for the pages after a trace's first (at scale L one can hold tens of MB). */
const KEPT_REACHES = 4;

export class TraceService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly resolver: NodeResolver,
    private readonly loadSeq: () => Promise<number>,
  ) {}

  /** The raw reaches read at the load `reachSeq`, by start, oldest first: the pages of one trace read its reach once. */
  private readonly reaches = new Map<string, Promise<TraceRow | null>>();
  private reachSeq = -1;

  /**
   * The raw reach of a trace from `id` at load `seq`. The first page and the pages after it (vendors, a vendor's
   * fields) are different answers of the same reach: it is read once per load and start, and the few kept are
   * dropped as soon as the load changes (reads of a failed query are not kept).
   */
  private reach(seq: number, id: string): Promise<TraceRow | null> {
    // A database no counted load wrote (sequence 0): nothing says when it changes, so nothing is kept.
    if (seq === 0) return this.repo.downstream(id);
    if (seq !== this.reachSeq) {
      this.reaches.clear();
      this.reachSeq = seq;
    }
    // Another request's read; if it fails (its client went away, its deadline passed), this one reads its own.
    const kept = this.reaches.get(id);
    if (kept) return kept.catch(() => this.repo.downstream(id));
    const read = this.repo.downstream(id);
    this.reaches.set(id, read);
    read.catch(() => this.reaches.delete(id));
    for (const oldest of this.reaches.keys()) {
      if (this.reaches.size <= KEPT_REACHES) break;
      this.reaches.delete(oldest);
    }
    return read;
  }

  /** The trace with the first page of its vendors (and of each one's fields); the counts and the picture cover everything. */
  async trace(query: TraceQuery): Promise<TraceResponse> {
    const seq = await this.loadSeq();
    const row = await this.resolver.load(query.from, (id) => this.reach(seq, id));
    const page: TracePage = { limit: query.limit, fields: query.fields, after: null };
    const t = assembleTrace(row, traceFilters(query), { detail: query.detail, expand: query.expand ?? [], page });
    const vendors = t.vendors.map((v) => withFieldsNext(seq, v));
    const last = vendors[vendors.length - 1];
    return { ...t, vendors, next: last && vendors.length < t.vendorCount ? encodeCursor(withSeq(seq, [last.name, last.id])) : null };
  }

  /** The next page of a trace's vendors, after the `next` cursor of the previous page. */
  async vendors(query: TraceVendorsQuery): Promise<{ vendors: TraceVendor[]; vendorCount: number; next: string | null }> {
    const seq = await this.loadSeq();
    const after = query.cursor ? (keyAt(seq, query.cursor, 2) as [string, string]) : null;
    const row = await this.resolver.load(query.from, (id) => this.reach(seq, id));
    const list = traceVendorList(row, traceFilters(query), { limit: query.limit, fields: query.fields, after });
    const vendors = list.vendors.map((v) => withFieldsNext(seq, v));
    const last = vendors[vendors.length - 1];
    return { vendors, vendorCount: list.vendorCount, next: last && list.more ? encodeCursor(withSeq(seq, [last.name, last.id])) : null };
  }

  /** The next page of one vendor's fields in a trace. */
  async fields(query: TraceFieldsQuery): Promise<{ vendor: string; fields: TraceVendor["fields"]; fieldCount: number; next: string | null }> {
    const seq = await this.loadSeq();
    const after = query.cursor ? (keyAt(seq, query.cursor, 2) as [string, string]) : null;
    const row = await this.resolver.load(query.from, (id) => this.reach(seq, id));
    const page = traceVendorFields(row, traceFilters(query), query.of, after, query.limit);
    if (!page) throw new NotFoundError(`No flow of this trace goes to '${query.of}'.`, { of: query.of });
    const last = page.fields[page.fields.length - 1];
    return { vendor: query.of, fields: page.fields, fieldCount: page.fieldCount, next: last && page.more ? encodeCursor(withSeq(seq, [last.table, last.column])) : null };
  }
}

/** A listed vendor with the cursor of its next fields, when it lists fewer than it receives. */
function withFieldsNext(seq: number, v: TraceVendor): TraceVendor {
  const last = v.fields[v.fields.length - 1];
  return { ...v, fieldsNext: last && v.fields.length < v.fieldCount ? encodeCursor(withSeq(seq, [last.table, last.column])) : null };
}


/** A trace request's filters and data-set scope, as the answer (and every report made from it) applies them. */
export function traceFilters(query: Omit<TraceQuery, "from" | "detail" | "expand" | "limit" | "fields">): TraceFilters {
  return {
    categories: query.category ?? [],
    vendors: query.vendor ?? [],
    countries: query.country ?? [],
    transfers: (query.transfer ?? []) as TransferStatus[],
    systems: query.systems ?? [],
  };
}
