/**
 * Pure transform: validated inventories → the rows of nodes and relationships written to Neo4j.
 * The graph model (kinds, relationship types, their direction = the direction data flows) is defined here.
 */
import { locatorOf, splitFieldRef, type Catalogue, type PathKey } from "./inventory.parse.js";
import type { Entity, Inventory, Observation } from "./inventory.schema.js";
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
  "SENDS_TO", // system → another own system ({flow, categories, transfer, system: owner, crossSystem}), made after every load
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
  /**
   * Who states these rows: each system with the origin of its facts (`document`: YAML, spreadsheet, Fides;
   * `openlineage`: run events). A load replaces exactly its own (system, origin) part, so events add observed copies
   * to a system a document describes without touching what the document states.
   */
  loads: { system: string; origin: string }[];
  /** Run events kept on a system's node by an `openlineage` load (also when the node itself belongs to a document). */
  observed: { id: string; events: string[] }[];
}

/** The origin of a load: what the inventory's system says, else a person's document. */
export function loadOrigin(inv: Inventory): string {
  return inv.system.origin ?? "document";
}

/**
 * Relationship types that only describe nodes (a table's columns, a column's category…). A load adding observed facts
 * to nodes another origin states (`borrowed`) leaves these to that origin, so nothing is stated twice.
 */
const DESCRIPTIVE = new Set<RelType>(["CONTAINS", "HAS_SUBJECT", "HAS_PURPOSE", "DESCRIBED_IN", "HAS_COLUMN", "OF_CATEGORY", "FOR_PURPOSE", "REFERENCES"]);

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

/**
 * `at`: where the fact is stated (provenance), `file:line`, then, when the inventory names them, the source document
 * and its section, joined by U+001F (`server/src/elements/provenance.ts` reads it). Stored only when known.
 */
function node(kind: NodeKind, id: string, name: string, props: Props, at?: string[]): NodeRow {
  const key = id.slice(kind.length + 1);
  const words = nameWords(name);
  const search = [typeof props.search === "string" ? props.search : "", words === name ? "" : words].filter(Boolean).join(" ");
  return { id, label: KIND_LABEL[kind], props: { id, kind, key, name, ...props, ...(search ? { search } : {}), ...(at?.length ? { at } : {}) } };
}

/** Text the full-text index searches besides the name: labels, aliases, keys. */
function searchText(...parts: (string | undefined | null)[]): string {
  return parts.filter(Boolean).join(" ");
}

export interface GraphOptions {
  /**
   * Per system: node ids this load names but another origin states (a table a document describes, named by run
   * events). Their nodes are not written, and no descriptive relationship is added to them; flows into them are.
   */
  borrowed?: ReadonlyMap<string, ReadonlySet<string>>;
}

export function inventoriesToGraph(inventories: Inventory[], catalogue: Catalogue, opts: GraphOptions = {}): GraphRows {
  const scoped: NodeRow[] = [];
  const shared = new Map<string, NodeRow>();
  const rels: RelRow[] = [];
  const rel = (from: string, type: RelType, to: string, props: Props = {}, at?: string[]) => rels.push({ from, to, type, props: at?.length ? { ...props, at } : props });

  const category = (catId: string): string => {
    const id = ids.category(catId);
    if (!shared.has(id)) {
      const cat = catalogue.categories.get(catId) ?? inventories.flatMap((i) => i.categories).find((c) => c.id === catId);
      const aliases = cat?.aliases ?? [];
      // Stated by the catalogue, else by the inventory that declares it.
      const cited = catalogue.cited?.categories.get(catId);
      const declaring = inventories.find((i) => i.categories.some((c) => c.id === catId));
      const declared = declaring ? citer(declaring)(null, ["categories", declaring.categories.findIndex((c) => c.id === catId)]) : undefined;
      shared.set(id, node("category", id, cat?.name ?? catId, { aliases, special: cat?.special ?? false, search: searchText(...aliases) }, cited ? [cited] : declared));
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
        }, catalogue.cited?.countries.get(code) ? [catalogue.cited.countries.get(code)!] : undefined),
      );
    }
    return id;
  };

  const observed: GraphRows["observed"] = [];
  for (const inv of inventories) {
    const sys = inv.system.id;
    const systemId = ids.system(sys);
    const at = citer(inv);
    const firstNode = scoped.length;
    const firstRel = rels.length;
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
      }, at(null, ["system"])),
    );
    addActivities(inv, scoped, rel, at);

    inv.subjects.forEach((s, si) => {
      const id = ids.subject(sys, s.id);
      scoped.push(node("subject", id, s.name, { system: sys, description: s.description ?? null, search: searchText(s.id) }, at(null, ["subjects", si])));
      rel(systemId, "HAS_SUBJECT", id, {}, at(null, ["subjects", si]));
    });
    inv.purposes.forEach((p, pi) => {
      const id = ids.purpose(sys, p.id);
      scoped.push(node("purpose", id, p.name, { system: sys, description: p.description ?? null, search: searchText(p.id) }, at(null, ["purposes", pi])));
      rel(systemId, "HAS_PURPOSE", id, {}, at(null, ["purposes", pi]));
      p.vendors.forEach((v, vi) => rel(id, "USES_VENDOR", ids.vendor(v), { system: sys }, at(null, ["purposes", pi, "vendors", vi])));
    });

    const table = (name: string) => ids.table(sys, name);
    const column = (t: string, c: string) => ids.column(sys, t, c);
    const personalColumns = new Map<string, string[]>();
    const entities = new Map(inv.entities.map((e) => [e.name, e]));
    inv.entities.forEach((e, ei) => {
      const tableId = table(e.name);
      const section = e.section ?? e.label;
      const entity: PathKey[] = ["entities", ei];
      scoped.push(
        node("table", tableId, e.name, {
          system: sys,
          title: e.label ?? null,
          entityKind: e.kind,
          description: e.description ?? null,
          columnCount: e.columns.length,
          ...identityProps(e),
          ...erasureProps(e.erasure),
          ...observationProps(e.observed),
          search: searchText(e.label, e.name.replace(/_/g, " ")),
        }, at(section, entity)),
      );
      rel(systemId, "CONTAINS", tableId, observationProps(e.observed), at(section, entity));
      e.subjects.forEach((s, si) => rel(ids.subject(sys, s), "DESCRIBED_IN", tableId, {}, at(section, [...entity, "subjects", si])));
      personalColumns.set(e.name, e.columns.filter((c) => c.kind === "personal").map((c) => c.name));

      e.columns.forEach((c, position) => {
        const colId = column(e.name, c.name);
        const stated = at(section, [...entity, "columns", position]);
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
            ...(c.suggested ? { suggested: true } : {}),
            ...observationProps(c.observed),
          }, stated),
        );
        const seen = observationProps(c.observed);
        rel(tableId, "HAS_COLUMN", colId, seen, stated);
        if (c.category) rel(colId, "OF_CATEGORY", category(c.category), { label: c.categoryLabel ?? null, ...(c.suggested ? { suggested: true } : {}), ...seen }, stated);
        for (const p of c.purposes) rel(colId, "FOR_PURPOSE", ids.purpose(sys, p), seen, stated);
        if (c.references) rel(colId, "REFERENCES", table(c.references), seen, stated);
      });
    });

    // Table → table references: both of the document's forms folded into one edge per pair, keeping the columns and forms.
    const tableRefs = new Map<string, { from: string; to: string; columns: Set<string>; forms: Set<string>; descriptions: Set<string>; at: Set<string> }>();
    const addTableRef = (from: string, to: string, columns: string[], form: string, description: string | undefined, stated: string[] = []) => {
      const key = `${from}\u0000${to}`;
      const r = tableRefs.get(key) ?? { from, to, columns: new Set(), forms: new Set(), descriptions: new Set(), at: new Set() };
      columns.forEach((c) => r.columns.add(c));
      stated.forEach((l) => r.at.add(l));
      r.forms.add(form);
      if (description) r.descriptions.add(description);
      tableRefs.set(key, r);
    };
    // A mentioned table's reference columns are known only from the referenced table's "References from" list.
    inv.entities.forEach((e, ei) => {
      const form = e.kind === "mentioned" ? "incoming" : "outgoing";
      e.columns.forEach((c, ci) => {
        if (c.references) addTableRef(e.name, c.references, [c.name], form, c.description, at(e.section ?? e.label, ["entities", ei, "columns", ci]));
      });
    });
    inv.references.forEach((r, ri) => addTableRef(r.from, r.to, r.columns, r.form, r.description, at(null, ["references", ri])));
    for (const r of tableRefs.values()) {
      rel(table(r.from), "REFERENCES", table(r.to), {
        system: sys,
        columns: [...r.columns].sort(),
        forms: [...r.forms].sort(),
        description: [...r.descriptions].join("; ") || null,
      }, [...r.at]);
    }

    inv.sources.forEach((s, si) => {
      const id = ids.source(sys, s.id);
      const src: PathKey[] = ["sources", si];
      scoped.push(node("source", id, s.name, { system: sys, description: s.description ?? null, search: searchText(s.id), ...observedProps(s.observed) }, at(s.section, src)));
      // A job's own links cite its latest run; a column copy, the event that last stated that column lineage.
      const seen = observationProps(latestRun(s.observed));
      rel(systemId, "HAS_SOURCE", id, seen, at(s.section, src));
      s.feeds.forEach((t, ti) => rel(id, "FEEDS", table(t), seen, at(s.section, [...src, "feeds", ti])));
      s.fills.forEach((f, fi) => {
        for (const colId of expandField(sys, f, personalColumns)) rel(id, "FILLS", colId, seen, at(s.section, [...src, "fills", fi]));
      });
      s.copiesFrom.forEach((from, fi) => {
        rel(id, "READS_FROM", table(from), seen, at(s.section, [...src, "copiesFrom", fi]));
        s.feeds.forEach((to, ti) => {
          if (to === from) return;
          // The copy is stated by the source naming both tables: the line of each.
          const copyAt = at(s.section, [...src, "copiesFrom", fi], [...src, "feeds", ti]);
          rel(table(from), "COPIED_TO", table(to), { system: sys, via: id, ...seen }, copyAt);
          const copy = copiedColumns(s.copies, entities.get(from)!, entities.get(to)!, s.fills);
          for (const [a, b, ci] of copy.pairs) {
            const observed = ci === undefined ? seen : observationProps(s.copies[ci]!.observed ?? latestRun(s.observed));
            rel(column(from, a), "COPIED_TO", column(to, b), { system: sys, via: id, mapping: copy.mapping, ...observed }, ci === undefined ? copyAt : at(s.section, [...src, "copies", ci]));
          }
        });
      });
    });

    const flowIds = engagementIds(sys, inv.vendors);
    inv.vendors.forEach((v, index) => {
      const vendorId = ids.vendor(v.vendor.id);
      const engagement: PathKey[] = ["vendors", index];
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
      rel(systemId, "USES_VENDOR", vendorId, flow, at(v.section, engagement));
      // Each place carries its own status for this flow (the US is adequate only for a flow under the DPF).
      const place = (code: string) => ({ system: sys, service: v.service ?? null, flow: flowId, transfer: countryStatus(code, v.mechanism ?? null, catalogue) });
      if (v.entityCountry) rel(vendorId, "LOCATED_IN", location(v.entityCountry), place(v.entityCountry), at(v.section, [...engagement, "entityCountry"]));
      v.dataCountries.forEach((c, ci) => rel(vendorId, "STORES_DATA_IN", location(c), place(c), at(v.section, [...engagement, "dataCountries", ci])));
      const edge = { system: sys, service: v.service ?? null, purpose: v.purpose, flow: flowId };
      v.receives.forEach((f, fi) => {
        for (const colId of expandField(sys, f, personalColumns)) rel(colId, "SENT_TO", vendorId, edge, at(v.section, [...engagement, "receives", fi]));
      });
      v.sendsBack.forEach((f, fi) => {
        for (const colId of expandField(sys, f, personalColumns)) rel(vendorId, "SENDS_BACK", colId, edge, at(v.section, [...engagement, "sendsBack", fi]));
      });
    });

    // Flows into our other systems: stated here, kept on a source node of this system; the relationships into the other
    // system are made after every load (inventory.repository.ts `relinkSystemFlows`), so they survive its reloads.
    inv.systemFlows.forEach((f, fi) => {
      const id = ids.source(sys, systemFlowKey(f.to));
      const stated = at(null, ["systemFlows", fi]);
      scoped.push(
        node("source", id, `Flow into ${f.to}`, {
          system: sys,
          description: f.description ?? null,
          crossSystem: true,
          flow: systemFlowId(sys, f.to),
          targetSystem: f.to,
          mechanism: f.mechanism ?? null,
          categories: [...new Set(f.categories)].sort(),
          // Each copy with the lines that state it and its column pairs, for the links made into the other system.
          copies: JSON.stringify(
            f.copies.map((c, ci) => ({
              from: c.from,
              to: c.to,
              columns: c.columns,
              at: at(null, ["systemFlows", fi, "copies", ci]) ?? [],
              columnsAt: c.columns.map((_, mi) => at(null, ["systemFlows", fi, "copies", ci, "columns", mi]) ?? []),
            })),
          ),
          search: searchText(f.to),
        }, stated),
      );
      rel(systemId, "HAS_SOURCE", id, {}, stated);
      for (const from of new Set(f.copies.map((c) => c.from))) rel(id, "READS_FROM", table(from), {}, stated);
    });

    // Ownership: an origin other than a document marks its nodes and relationships; a load adding to another origin's
    // system writes neither the nodes it borrows nor descriptive links between them.
    const origin = loadOrigin(inv);
    const borrowed = opts.borrowed?.get(sys);
    if (origin !== "document") {
      for (const n of scoped.slice(firstNode)) n.props.origin = origin;
      for (const r of rels.slice(firstRel)) r.props = { ...r.props, origin };
      if (inv.system.observedEvents) observed.push({ id: systemId, events: inv.system.observedEvents });
    }
    if (borrowed && borrowed.size > 0) {
      const mine = scoped.splice(firstNode).filter((n) => !borrowed.has(n.id));
      scoped.push(...mine);
      const owned = new Set(mine.map((n) => n.id));
      const kept = rels.splice(firstRel).filter((r) => !(DESCRIPTIVE.has(r.type) && !owned.has(r.from) && !owned.has(r.to)));
      rels.push(...kept);
    }
  }

  // Countries named only through the catalogue (not by any vendor) are not drawn.
  return {
    scoped,
    shared: [...shared.values()],
    rels: dedupeRels(rels),
    systems: inventories.map((i) => i.system.id),
    loads: inventories.map((i) => ({ system: i.system.id, origin: loadOrigin(i) })),
    observed,
  };
}

/** A flow between own systems: its stable id (`crm/to/warehouse`), and its source node's key in the owner (`to/warehouse`). */
export const systemFlowId = (owner: string, target: string) => `${owner}/to/${target}`;
export const systemFlowKey = (target: string) => `to/${target}`;
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
function addActivities(
  inv: Inventory,
  scoped: NodeRow[],
  rel: (from: string, type: RelType, to: string, props?: Props, at?: string[]) => void,
  cite: ReturnType<typeof citer>,
): void {
  const sys = inv.system.id;
  inv.activities.forEach((a, ai) => {
    const id = ids.activity(sys, a.id);
    const stated = cite(a.section, ["activities", ai]);
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
      }, stated),
    );
    rel(ids.system(sys), "HAS_ACTIVITY", id, {}, stated);
    a.purposes.forEach((p, pi) => rel(id, "GROUPS", ids.purpose(sys, p), {}, cite(a.section, ["activities", ai, "purposes", pi])));
    a.subjects.forEach((s, si) => rel(id, "CONCERNS", ids.subject(sys, s), {}, cite(a.section, ["activities", ai, "subjects", si])));
  });
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

/** A job's latest run as an observation (the run `observedProps` keeps on its source), absent for a stated source. */
function latestRun(o: Inventory["sources"][number]["observed"]): Observation | undefined {
  if (!o) return undefined;
  const latest = [...o.runs].sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime)).at(-1)!;
  return { jobNamespace: o.jobNamespace, job: o.job, runId: latest.runId, eventTime: latest.eventTime };
}

/** Where OpenLineage events saw a node or relationship, as the properties `elements/provenance.ts` cites (`observed`). */
function observationProps(o: Observation | undefined): Props {
  return o ? { observedJobNamespace: o.jobNamespace, observedJob: o.job, observedRunId: o.runId, observedEventTime: o.eventTime } : {};
}

/**
 * How one inventory's facts cite where they are stated: `file:line` of each path given, with the source document and
 * the section when the inventory names them. Nothing for an inventory built in memory.
 */
function citer(inv: Inventory): (section: string | null | undefined, ...paths: PathKey[][]) => string[] | undefined {
  const locate = locatorOf(inv);
  const document = inv.system.document?.title ?? "";
  return (section, ...paths) => {
    if (!locate) return undefined;
    const lines = paths.map(locate).filter((l): l is string => l !== null);
    return lines.map((l) => (document || section ? `${l}\u001f${document}\u001f${section ?? ""}` : l));
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
): { mapping: "stated" | "category"; pairs: [string, string, number?][] } {
  // Each stated pair keeps its index in `copies`, the line that states it.
  const stated = copies
    .map((c, i) => [splitFieldRef(c.from), splitFieldRef(c.to), i] as const)
    .filter(([[ft], [tt]]) => ft === from.name && tt === to.name)
    .map(([[, fc], [, tc], i]): [string, string, number] => [fc, tc, i]);
  if (stated.length > 0) return { mapping: "stated", pairs: stated };
  const filled = fills.map(splitFieldRef).filter(([t]) => t === to.name).map(([, c]) => c);
  const lands = (column: string) => filled.length === 0 || filled.includes("*") || filled.includes(column);
  const pairs: [string, string, number?][] = [];
  for (const a of from.columns) {
    if (a.kind !== "personal" || !a.category) continue;
    for (const b of to.columns) if (b.kind === "personal" && b.category === a.category && lands(b.name)) pairs.push([a.name, b.name]);
  }
  return { mapping: "category", pairs };
}

/**
 * The same flow stated twice (e.g. a field listed under two purposes of one vendor flow) is one edge, citing every
 * line that states it: where a fact is stated is not part of what it is.
 */
function dedupeRels(rels: RelRow[]): RelRow[] {
  const seen = new Map<string, RelRow>();
  for (const r of rels) {
    const { at, ...fact } = r.props;
    const key = `${r.from}|${r.type}|${r.to}|${JSON.stringify(fact)}`;
    const first = seen.get(key);
    if (!first) seen.set(key, r);
    else if (Array.isArray(at)) first.props = { ...first.props, at: [...new Set([...((first.props.at as string[] | undefined) ?? []), ...at])] };
  }
  return [...seen.values()];
}
