/**
 * Pure transform: validated inventories → the rows of nodes and relationships written to Neo4j.
 * The graph model (kinds, relationship types, their direction = the direction data flows) is defined here.
 */
import { splitFieldRef, type Catalogue } from "./inventory.parse.js";
import type { Entity, Inventory } from "./inventory.schema.js";
import { ids, KIND_LABEL, type NodeKind } from "../contract/ids.js";
import { countryStatus, transferStatus } from "../transfers/transfer.rule.js";

/** Relationship types, the fixed list. Data-flow types are the ones a trace follows. */
export const REL_TYPES = [
  "CONTAINS", // system → table
  "HAS_SUBJECT", // system → subject
  "HAS_SOURCE", // system → source
  "HAS_PURPOSE", // system → purpose
  "DESCRIBED_IN", // subject → table: where a subject's data lives
  "HAS_COLUMN", // table → column
  "OF_CATEGORY", // column → category
  "FOR_PURPOSE", // column → purpose
  "REFERENCES", // column → table, and table → table (aggregated, with the columns)
  "FEEDS", // source → table
  "FILLS", // source → column
  "READS_FROM", // source → table it copies from
  "COPIED_TO", // table → table (a source copies between them), and column → column ({mapping: stated | category}: what that copy carries)
  "USES_VENDOR", // purpose → vendor, system → vendor (the engagement: one per vendor flow, with its transfer status)
  "SENT_TO", // column → vendor
  "SENDS_BACK", // vendor → column
  "HAS_ACTIVITY", // system → processing activity
  "GROUPS", // activity → purpose
  "CONCERNS", // activity → subject
  "LOCATED_IN", // vendor → location (legal entity)
  "STORES_DATA_IN", // vendor → location (data storage)
] as const;
export type RelType = (typeof REL_TYPES)[number];

export type Props = Record<string, string | number | boolean | string[] | null>;

export interface NodeRow {
  id: string;
  label: string;
  props: Props;
}

export interface RelRow {
  from: string;
  to: string;
  type: RelType;
  props: Props;
}

export interface GraphRows {
  /** Nodes owned by one system: replaced whole on every load of that system. */
  scoped: NodeRow[];
  /** Nodes shared across systems (category, vendor, location): merged. */
  shared: NodeRow[];
  rels: RelRow[];
  systems: string[];
}

/**
 * A name's words as people type them, for the search index: `CustomerEmail` → `Customer Email`, `CMS_User` → `CMS
 * User`, `user.email` → `user email` (the index's analyser keeps `CMS_User` and `user.email` as one word each), so a
 * prefix query finds a word inside a name without Lucene enumerating its whole dictionary for a leading wildcard.
 */
export function nameWords(name: string): string {
  return name
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2")
    .replace(/[_.]+/g, " ")
    .trim();
}

function node(kind: NodeKind, id: string, name: string, props: Props): NodeRow {
  const key = id.slice(kind.length + 1);
  const words = nameWords(name);
  const search = [typeof props.search === "string" ? props.search : "", words === name ? "" : words].filter(Boolean).join(" ");
  return { id, label: KIND_LABEL[kind], props: { id, kind, key, name, ...props, ...(search ? { search } : {}) } };
}

/** Text the full-text index searches besides the name: labels, aliases, keys. */
function searchText(...parts: (string | undefined | null)[]): string {
  return parts.filter(Boolean).join(" ");
}

export function inventoriesToGraph(inventories: Inventory[], catalogue: Catalogue): GraphRows {
  const scoped: NodeRow[] = [];
  const shared = new Map<string, NodeRow>();
  const rels: RelRow[] = [];
  const rel = (from: string, type: RelType, to: string, props: Props = {}) => rels.push({ from, to, type, props });

  const category = (catId: string): string => {
    const id = ids.category(catId);
    if (!shared.has(id)) {
      const cat = catalogue.categories.get(catId) ?? inventories.flatMap((i) => i.categories).find((c) => c.id === catId);
      const aliases = cat?.aliases ?? [];
      shared.set(id, node("category", id, cat?.name ?? catId, { aliases, special: cat?.special ?? false, search: searchText(...aliases) }));
    }
    return id;
  };
  const location = (code: string): string => {
    const id = ids.location(code);
    const c = catalogue.countries.get(code);
    if (!shared.has(id)) {
      const adequacy = catalogue.adequacy.get(code);
      shared.set(
        id,
        node("location", id, c?.name ?? code, {
          code,
          eea: c?.eea ?? false,
          adequacy: adequacy ? (adequacy.requiresMechanism ? "partial" : "full") : null,
          search: searchText(code, c?.alpha3, ...(c?.aliases ?? [])),
        }),
      );
    }
    return id;
  };

  for (const inv of inventories) {
    const sys = inv.system.id;
    const systemId = ids.system(sys);
    scoped.push(
      node("system", systemId, inv.system.name, {
        system: sys,
        systemKind: inv.system.kind,
        description: inv.system.description ?? null,
        documentTitle: inv.system.document?.title ?? null,
        documentFile: inv.system.document?.file ?? null,
        legalName: inv.system.legalEntity?.name ?? null,
        entityCountry: inv.system.legalEntity?.country ?? null,
        hostingCountries: inv.system.hostingCountries ?? null,
        origin: inv.system.origin ?? null,
        observedEvents: inv.system.observedEvents ?? null,
        ...recordProps(inv),
        search: searchText(sys),
      }),
    );
    addActivities(inv, scoped, rel);

    for (const s of inv.subjects) {
      const id = ids.subject(sys, s.id);
      scoped.push(node("subject", id, s.name, { system: sys, description: s.description ?? null, search: searchText(s.id) }));
      rel(systemId, "HAS_SUBJECT", id);
    }
    for (const p of inv.purposes) {
      const id = ids.purpose(sys, p.id);
      scoped.push(node("purpose", id, p.name, { system: sys, description: p.description ?? null, search: searchText(p.id) }));
      rel(systemId, "HAS_PURPOSE", id);
      for (const v of p.vendors) rel(id, "USES_VENDOR", ids.vendor(v), { system: sys });
    }

    const table = (name: string) => ids.table(sys, name);
    const column = (t: string, c: string) => ids.column(sys, t, c);
    const personalColumns = new Map<string, string[]>();
    const entities = new Map(inv.entities.map((e) => [e.name, e]));
    for (const e of inv.entities) {
      const tableId = table(e.name);
      scoped.push(
        node("table", tableId, e.name, {
          system: sys,
          title: e.label ?? null,
          entityKind: e.kind,
          description: e.description ?? null,
          columnCount: e.columns.length,
          ...identityProps(e),
          ...erasureProps(e.erasure),
          search: searchText(e.label, e.name.replace(/_/g, " ")),
        }),
      );
      rel(systemId, "CONTAINS", tableId);
      for (const s of e.subjects) rel(ids.subject(sys, s), "DESCRIBED_IN", tableId);
      personalColumns.set(e.name, e.columns.filter((c) => c.kind === "personal").map((c) => c.name));

      e.columns.forEach((c, position) => {
        const colId = column(e.name, c.name);
        scoped.push(
          node("column", colId, c.name, {
            system: sys,
            table: e.name,
            columnKind: c.kind,
            category: c.category ?? null,
            categoryLabel: c.categoryLabel ?? null,
            description: c.description ?? null,
            references: c.references ?? null,
            pseudonymised: c.pseudonymised ?? null,
            ...erasureProps(c.erasure),
            position,
            search: searchText(c.categoryLabel),
          }),
        );
        rel(tableId, "HAS_COLUMN", colId);
        if (c.category) rel(colId, "OF_CATEGORY", category(c.category), { label: c.categoryLabel ?? null });
        for (const p of c.purposes) rel(colId, "FOR_PURPOSE", ids.purpose(sys, p));
        if (c.references) rel(colId, "REFERENCES", table(c.references));
      });
    }

    // Table → table references: both of the document's forms folded into one edge per pair, keeping the columns and forms.
    const tableRefs = new Map<string, { from: string; to: string; columns: Set<string>; forms: Set<string>; descriptions: Set<string> }>();
    const addTableRef = (from: string, to: string, columns: string[], form: string, description?: string) => {
      const key = `${from}\u0000${to}`;
      const r = tableRefs.get(key) ?? { from, to, columns: new Set(), forms: new Set(), descriptions: new Set() };
      columns.forEach((c) => r.columns.add(c));
      r.forms.add(form);
      if (description) r.descriptions.add(description);
      tableRefs.set(key, r);
    };
    // A mentioned table's reference columns are known only from the referenced table's "References from" list.
    for (const e of inv.entities) {
      const form = e.kind === "mentioned" ? "incoming" : "outgoing";
      for (const c of e.columns) if (c.references) addTableRef(e.name, c.references, [c.name], form, c.description);
    }
    for (const r of inv.references) addTableRef(r.from, r.to, r.columns, r.form, r.description);
    for (const r of tableRefs.values()) {
      rel(table(r.from), "REFERENCES", table(r.to), {
        system: sys,
        columns: [...r.columns].sort(),
        forms: [...r.forms].sort(),
        description: [...r.descriptions].join("; ") || null,
      });
    }

    for (const s of inv.sources) {
      const id = ids.source(sys, s.id);
      scoped.push(node("source", id, s.name, { system: sys, description: s.description ?? null, search: searchText(s.id), ...observedProps(s.observed) }));
      rel(systemId, "HAS_SOURCE", id);
      for (const t of s.feeds) rel(id, "FEEDS", table(t));
      for (const f of s.fills) for (const colId of expandField(sys, f, personalColumns)) rel(id, "FILLS", colId);
      for (const from of s.copiesFrom) {
        rel(id, "READS_FROM", table(from));
        for (const to of s.feeds) {
          if (to === from) continue;
          rel(table(from), "COPIED_TO", table(to), { system: sys, via: id });
          const copy = copiedColumns(s.copies, entities.get(from)!, entities.get(to)!, s.fills);
          for (const [a, b] of copy.pairs) rel(column(from, a), "COPIED_TO", column(to, b), { system: sys, via: id, mapping: copy.mapping });
        }
      }
    }

    const flowIds = engagementIds(sys, inv.vendors);
    inv.vendors.forEach((v, index) => {
      const vendorId = ids.vendor(v.vendor.id);
      // The shared vendor node holds only what every system agrees on (its id); names, legal entities and services are
      // facts of each engagement, and the vendor's lists of them are derived from all engagements after every load.
      if (!shared.has(vendorId)) shared.set(vendorId, node("vendor", vendorId, v.vendor.name, {}));
      const flowId = flowIds[index]!;
      const countries = [...new Set([...(v.entityCountry ? [v.entityCountry] : []), ...v.dataCountries])];
      const flow: Props = {
        flow: flowId,
        system: sys,
        vendorName: v.vendor.name,
        service: v.service ?? null,
        role: v.role,
        purpose: v.purpose,
        retention: v.retention ?? null,
        // Each system's document names the contracting entity; the same company can differ by system.
        legalName: v.vendor.legalName ?? null,
        address: v.vendor.address ?? null,
        privacyContact: v.vendor.privacyContact ?? null,
        entityCountry: v.entityCountry ?? null,
        dataCountries: v.dataCountries,
        countries,
        mechanism: v.mechanism ?? null,
        transfer: transferStatus({ entityCountry: v.entityCountry ?? null, dataCountries: v.dataCountries }, v.mechanism ?? null, catalogue),
        description: v.description ?? null,
      };
      rel(systemId, "USES_VENDOR", vendorId, flow);
      // Each place carries its own status for this flow (the US is adequate only for a flow under the DPF).
      const place = (code: string) => ({ system: sys, service: v.service ?? null, flow: flowId, transfer: countryStatus(code, v.mechanism ?? null, catalogue) });
      if (v.entityCountry) rel(vendorId, "LOCATED_IN", location(v.entityCountry), place(v.entityCountry));
      for (const c of v.dataCountries) rel(vendorId, "STORES_DATA_IN", location(c), place(c));
      const edge = { system: sys, service: v.service ?? null, purpose: v.purpose, flow: flowId };
      for (const f of v.receives) for (const colId of expandField(sys, f, personalColumns)) rel(colId, "SENT_TO", vendorId, edge);
      for (const f of v.sendsBack) for (const colId of expandField(sys, f, personalColumns)) rel(vendorId, "SENDS_BACK", colId, edge);
    });
  }

  // Countries named only through the catalogue (not by any vendor) are not drawn.
  return {
    scoped,
    shared: [...shared.values()],
    rels: dedupeRels(rels),
    systems: inventories.map((i) => i.system.id),
  };
}

/** The columns that find a table's data subject, as stated (absent: not stated), for the access/erasure checklist. */
function identityProps(e: Entity): Props {
  return { identity: e.identity ?? null };
}

/** What an erasure request does with a table's or a column's data, as stated (all null: not stated). */
function erasureProps(e: Entity["erasure"]): Props {
  return { erasureAction: e?.action ?? null, erasureReason: e?.reason ?? null, erasureRetention: e?.retention ?? null };
}

/** Art. 30 facts kept on the System node: the organisation, the system's default role and its security measures. */
function recordProps(inv: Inventory): Props {
  const o = inv.organisation;
  const sec = inv.system.security;
  const measure = (m: string | boolean | undefined) => (m === undefined ? null : m);
  return {
    orgName: o?.name ?? null,
    orgContact: o?.contact ?? null,
    orgAddress: o?.address ?? null,
    dpoName: o?.dpo?.name ?? null,
    dpoContact: o?.dpo?.contact ?? null,
    repName: o?.representative?.name ?? null,
    repContact: o?.representative?.contact ?? null,
    role: inv.system.role ?? null,
    securityEncryptionAtRest: measure(sec?.encryptionAtRest),
    securityEncryptionInTransit: measure(sec?.encryptionInTransit),
    securityAccessControl: measure(sec?.accessControl),
    securityPseudonymisation: measure(sec?.pseudonymisation),
    securityLogging: measure(sec?.logging),
    securityNotes: sec?.notes ?? null,
  };
}

/**
 * Processing activities (`activities[i]`): one node each, grouping purposes and concerning subjects. `role` is the
 * activity's own, else the system's; absent both, null ("not documented").
 */
function addActivities(inv: Inventory, scoped: NodeRow[], rel: (from: string, type: RelType, to: string, props?: Props) => void): void {
  const sys = inv.system.id;
  for (const a of inv.activities) {
    const id = ids.activity(sys, a.id);
    scoped.push(
      node("activity", id, a.name, {
        system: sys,
        role: a.role ?? inv.system.role ?? null,
        controllers: a.controllers ?? null,
        lawfulBasis: a.lawfulBasis ?? null,
        legitimateInterest: a.legitimateInterest ?? null,
        liaLink: a.liaLink ?? null,
        specialCategoryCondition: a.specialCategoryCondition ?? null,
        volume: a.volume ?? null,
        retention: a.retention ?? null,
        automatedDecisions: a.automatedDecisions ?? null,
        section: a.section ?? null,
        search: searchText(a.id, a.section),
      }),
    );
    rel(ids.system(sys), "HAS_ACTIVITY", id);
    for (const p of a.purposes) rel(id, "GROUPS", ids.purpose(sys, p));
    for (const s of a.subjects) rel(id, "CONCERNS", ids.subject(sys, s));
  }
}

/**
 * What OpenLineage reported about a source, as plain properties of its node: the job, its latest run (id, event type,
 * time), every run id, and the producer. Absent for a source a document states.
 */
function observedProps(o: Inventory["sources"][number]["observed"]): Props {
  if (!o) return {};
  // Times may carry different offsets: compared as instants (ties keep the listed order).
  const latest = [...o.runs].sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime)).at(-1)!;
  return {
    observedJobNamespace: o.jobNamespace,
    observedJob: o.job,
    observedRunId: latest.runId,
    observedEventType: latest.eventType,
    observedEventTime: latest.eventTime,
    observedRunIds: [...new Set(o.runs.map((r) => r.runId))].sort(),
    observedProducer: o.producer,
  };
}

const slug = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "flow";

/**
 * Stable engagement ids, so links and filed reports keep naming the same flow when an inventory's vendors are
 * reordered or one is added: `system/vendor` when the system engages the vendor once, else
 * `system/vendor/service-or-purpose` (a number added only if two engagements still share it).
 */
export function engagementIds(system: string, vendors: readonly { vendor: { id: string }; service?: string | null | undefined; purpose: string }[]): string[] {
  const engaged = new Map<string, number>();
  for (const v of vendors) engaged.set(v.vendor.id, (engaged.get(v.vendor.id) ?? 0) + 1);
  const taken = new Map<string, number>();
  return vendors.map((v) => {
    const base = engaged.get(v.vendor.id) === 1 ? `${system}/${v.vendor.id}` : `${system}/${v.vendor.id}/${slug(v.service ?? v.purpose)}`;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** `Table.*` stands for every personal column of the table. */
function expandField(system: string, ref: string, personalColumns: Map<string, string[]>): string[] {
  const [table, column] = splitFieldRef(ref);
  return column === "*" ? (personalColumns.get(table) ?? []).map((c) => ids.column(system, table, c)) : [ids.column(system, table, column)];
}

/**
 * What one copy from table `from` into table `to` carries, column to column. Stated mappings (`copies`) are taken as
 * they are (`mapping: "stated"`); without any for this pair of tables the copy is category-scoped (`mapping:
 * "category"`): each personal column of `from` may land in the personal columns of `to` that hold the same category,
 * and nothing else (customer data never becomes a sign-in id). When the source names the fields it `fills` in `to`,
 * the copy lands only in those. Category-scoped pairs are what the trace follows, never a mapping the inventory
 * states: the trace draws them as one table → table edge per category ("columns not stated").
 */
export function copiedColumns(
  copies: readonly { from: string; to: string }[],
  from: Entity,
  to: Entity,
  fills: readonly string[] = [],
): { mapping: "stated" | "category"; pairs: [string, string][] } {
  const stated = copies
    .map((c) => [splitFieldRef(c.from), splitFieldRef(c.to)] as const)
    .filter(([[ft], [tt]]) => ft === from.name && tt === to.name)
    .map(([[, fc], [, tc]]): [string, string] => [fc, tc]);
  if (stated.length > 0) return { mapping: "stated", pairs: stated };
  const filled = fills.map(splitFieldRef).filter(([t]) => t === to.name).map(([, c]) => c);
  const lands = (column: string) => filled.length === 0 || filled.includes("*") || filled.includes(column);
  const pairs: [string, string][] = [];
  for (const a of from.columns) {
    if (a.kind !== "personal" || !a.category) continue;
    for (const b of to.columns) if (b.kind === "personal" && b.category === a.category && lands(b.name)) pairs.push([a.name, b.name]);
  }
  return { mapping: "category", pairs };
}

/** The same flow stated twice (e.g. a field listed under two purposes of one vendor flow) is one edge. */
function dedupeRels(rels: RelRow[]): RelRow[] {
  const seen = new Set<string>();
  return rels.filter((r) => {
    const key = `${r.from}|${r.type}|${r.to}|${JSON.stringify(r.props)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
