import type { ColumnRow, TablesRepository } from "./tables.repository.js";
import type { ReferencedByResponse, TableColumn, TableResponse, TablesResponse } from "../contract/api.js";
import { parseTableKey } from "../contract/ids.js";
import { ElementsBuilder, idOf } from "../elements/elements.js";
import { provenanceOf } from "../elements/provenance.js";
import { ConflictError, NotFoundError } from "../errors.js";
import type { NodeProps } from "../node.row.js";
import { pageOf } from "../paging.js";

type Ref = Pick<NodeProps, "kind" | "key" | "name">;

/** Distinct by id, sorted by name: pattern comprehensions return one entry per relationship, in no order. */
function refs(list: Ref[]): { id: string; name: string }[] {
  const byId = new Map(list.map((r) => [idOf(r), r.name]));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

function toColumn(c: ColumnRow): TableColumn {
  const purposes = refs(c.purposes);
  const vendors = refs(c.vendors);
  const sources = refs(c.sources);
  return {
    id: idOf(c),
    name: c.name,
    kind: c.columnKind,
    category: c.category?.name ?? null,
    categoryId: c.category ? idOf(c.category) : null,
    categoryLabel: c.categoryLabel ?? null,
    purposes: purposes.map((p) => p.name),
    references: [...new Set(c.references)].sort(),
    vendors: vendors.map((v) => v.name),
    sources: sources.map((s) => s.name),
    description: c.description ?? null,
    purposeIds: purposes.map((p) => p.id),
    vendorIds: vendors.map((v) => v.id),
    sourceIds: sources.map((s) => s.id),
  };
}


export class TablesService {
  constructor(private readonly repo: TablesRepository) {}

  async list(system: string | null, systems: string[] | null = null, limit = 1000, after: string[] | null = null): Promise<TablesResponse> {
    const rows = await this.repo.list(system, systems, limit, after);
    const { items, page } = pageOf(rows, limit, rows[0]?.total ?? 0, (r) => [r.table.system, r.table.name]);
    return {
      page,
      tables: items.map((r) => ({
        id: idOf(r.table),
        name: r.table.name,
        title: r.table.title ?? null,
        system: r.table.system,
        systemName: r.systemName,
        entityKind: r.table.entityKind,
        columns: r.columns,
        personalColumns: r.personalColumns,
        referencedBy: r.referencedBy,
      })),
    };
  }

  /**
   * `CMS_User` or `kentico/CMS_User` → the table's id. A bare name works while one system has a table of that name;
   * when several do, the answer is a 409 naming them, never a guess.
   */
  async resolve(name: string): Promise<string> {
    const { system, table } = parseTableKey(name);
    const found = await this.repo.resolve(table, system);
    if (found.length === 0) throw new NotFoundError(`No table named '${name}'.`, { name });
    if (found.length > 1) {
      throw new ConflictError(`'${name}' names a table in ${found.length} systems; say which one, e.g. '${found[0]!.system}/${table}'.`, {
        name,
        candidates: found.map((f) => f.id),
      });
    }
    return found[0]!.id;
  }

  async table(name: string): Promise<TableResponse> {
    const row = await this.repo.table(await this.resolve(name));
    if (!row) throw new NotFoundError(`No table named '${name}'.`, { name });
    const t = row.table;
    return {
      table: {
        id: idOf(t),
        name: t.name,
        title: t.title ?? null,
        system: t.system,
        systemName: row.systemName,
        entityKind: t.entityKind,
        description: t.description ?? null,
      },
      columns: row.columns.map(toColumn),
      sources: row.sources.map((s) => ({ id: idOf(s), name: s.name, description: s.description ?? null, copiesFrom: [...new Set(s.copiesFrom)].sort() })),
      subjects: refs(row.subjects),
    };
  }

  /** "Which entities reference this table": every referencing table with its columns, and the star around the table. */
  async referencedBy(name: string): Promise<ReferencedByResponse> {
    const row = await this.repo.referencedBy(await this.resolve(name));
    if (!row) throw new NotFoundError(`No table named '${name}'.`, { name });
    const elements = new ElementsBuilder();
    const target = elements.node(row.table, { focus: true })!;
    const referencedBy = row.referencedBy.map((r) => {
      const source = elements.node(r.table);
      if (source) elements.edge(source, "REFERENCES", target, { label: r.columns.join(", "), forms: r.forms, provenance: provenanceOf(r) });
      return {
        id: idOf(r.table),
        table: r.table.name,
        title: r.table.title ?? null,
        system: r.table.system,
        columns: r.columns,
        forms: r.forms,
        description: r.description ?? null,
      };
    });
    return { id: target, table: row.table.name, referencedBy, elements: elements.build() };
  }
}
