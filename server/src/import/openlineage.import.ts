/**
 * OpenLineage run events → inventories, one per system, loaded like any other format (validated first, one transaction).
 *
 * - A dataset's namespace is a system (`--namespace ns=system-id`, else a system of its own named after it); the dataset
 *   is a table of it (its last name segment), whose columns come from the `schema` facet and the column lineage.
 * - A job is a source: for each output dataset it feeds, its inputs → that output is a copy. With `columnLineage`, each
 *   DIRECT input field is a stated column copy and INDIRECT ones (join, filter, sort…) are not copies (the source's
 *   description names them); without it the copy is table-level, so category-scoped.
 * - Masking comes from `transformations[].masking` (facet 1-1-0 and later), else from the older
 *   `transformationDescription`: a masked copy holds the category pseudonymised.
 * - A column's category is the one its DIRECT inputs carry (followed through jobs), else one suggested from its name
 *   and type as `discover` does (`suggested: true`, never presented as stated).
 * - A system built from events keeps them (`observedEvents`): events imported later are merged with those, so a
 *   dataset already loaded in that system is the same table. A system loaded from a document is never replaced: events
 *   naming it add their observed copies beside what the document states (its tables are the same tables, their columns
 *   keep the document's categories), loaded as that system's `openlineage` part, which the next events replace.
 * - Events of one run (START, RUNNING, COMPLETE/FAIL) merge; the same event twice (run id, event type, event time) counts once.
 * - A source keeps what OpenLineage observed (job, runs, producer) in `observed`.
 */
import type { CatalogueLookup } from "./catalogue.lookup.js";
import { suggestCategory } from "./discover.postgres.js";
import { BuiltSource, slugify, type ImportedInventory } from "./import.source.js";
import { RunEventSchema, type Dataset, type RunEvent } from "./openlineage.schema.js";
import { ids } from "../contract/ids.js";
import { fieldPath, InventoryValidationError, SourceFile, validateInventory, type InventoryIssue, type PathKey } from "../inventory/inventory.parse.js";
import type { InventoryInput, Observation } from "../inventory/inventory.schema.js";

/** One event and where it was in its file, for messages. */
export interface LocatedEvent {
  event: RunEvent;
  file: string;
  /** `events[3]` in a JSON array, `line 4` in NDJSON. */
  at: string;
}

/** A system already in the graph: where its facts come from, and the run events it was built from (JSON texts). */
export interface LoadedSystem {
  origin: string | null;
  events: string[];
  /** A system a document states: its tables as loaded, which events naming them add to (never replace). */
  tables?: LoadedTable[];
}

export interface LoadedTable {
  name: string;
  columns: { name: string; kind: "personal" | "system" | "reference"; category: string | null; pseudonymised: boolean | null }[];
}

export interface OpenLineageOptions {
  /** OpenLineage namespace → system id. */
  namespaces?: Readonly<Record<string, string>>;
  /** Systems already loaded, by id (only those the events name are needed). */
  loaded?: ReadonlyMap<string, LoadedSystem>;
  /** Only these systems' inventories are built (events stored earlier may name others). */
  only?: ReadonlySet<string>;
}

/** What of an event is kept with its system: what this import reads, so the stored events rebuild the same inventory. */
function storedEvent(e: RunEvent): string {
  const dataset = (d: Dataset) => ({
    namespace: d.namespace,
    name: d.name,
    ...(d.facets?.schema || d.facets?.columnLineage
      ? { facets: { ...(d.facets.schema ? { schema: d.facets.schema } : {}), ...(d.facets.columnLineage ? { columnLineage: d.facets.columnLineage } : {}) } }
      : {}),
  });
  return JSON.stringify({
    eventType: e.eventType,
    eventTime: e.eventTime,
    run: { runId: e.run.runId },
    job: { namespace: e.job.namespace, name: e.job.name },
    inputs: (e.inputs ?? []).map(dataset),
    outputs: (e.outputs ?? []).map(dataset),
    producer: e.producer,
  });
}

/** The events stored with loaded systems, read back (they were valid when stored). */
export function storedEvents(systems: Iterable<LoadedSystem>): LocatedEvent[] {
  const out: LocatedEvent[] = [];
  for (const s of systems) for (const text of s.events) out.push({ event: RunEventSchema.parse(JSON.parse(text)), file: "", at: "a stored event" });
  return out;
}

/** The document title every inventory built from OpenLineage events carries. */
export const OPENLINEAGE_DOCUMENT = "OpenLineage run events";

/** Older facets describe masking only in words. */
const MASKING_WORDS = /\b(mask(ed|ing)?|hash(ed|ing)?|pseudonymi[sz](ed|ation)|tokeni[sz](ed|ation)|anonymi[sz](ed|ation)|encrypt(ed|ion)?|redact(ed|ion)?)\b/i;

/**
 * Reads run events from a file: a JSON array of events, or one event per line (NDJSON, as OpenLineage's file transport
 * writes them), or a single event. Every malformed event is reported, with its index or line and the field.
 */
export function readRunEvents(file: string, text: string): LocatedEvent[] {
  const trimmed = text.trim();
  const issues: InventoryIssue[] = [];
  const out: LocatedEvent[] = [];
  const check = (value: unknown, at: string, issue: (p: PathKey[], message: string) => InventoryIssue) => {
    const r = RunEventSchema.safeParse(value);
    if (r.success) out.push({ event: r.data, file, at });
    else for (const i of r.error.issues) issues.push(issue(i.path as PathKey[], `${at}: ${i.message}`));
  };
  if (trimmed.startsWith("[")) {
    const src = SourceFile.fromText(file, text);
    const value = src.value;
    if (!Array.isArray(value)) throw new InventoryValidationError([{ file, line: 1, field: "", message: "expected a JSON array of OpenLineage run events" }]);
    value.forEach((v, i) => check(v, `events[${i}]`, (p, message) => src.issue([i, ...p], message)));
  } else {
    const lines = text.split(/\r?\n/);
    let single: unknown;
    try {
      single = lines.filter((l) => l.trim()).length > 1 ? undefined : JSON.parse(trimmed);
    } catch {
      single = undefined;
    }
    if (single === undefined && trimmed.startsWith("{") && !isJson(lines.find((l) => l.trim()) ?? "")) {
      // One event written over several lines.
      try {
        single = JSON.parse(trimmed);
      } catch (err) {
        throw new InventoryValidationError([{ file, line: null, field: "", message: `not valid JSON: ${(err as Error).message}` }]);
      }
    }
    if (single !== undefined) {
      check(single, "the event", (p, message) => ({ file, line: null, field: fieldPath(p), message }));
    } else {
      lines.forEach((line, i) => {
        if (!line.trim()) return;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          issues.push({ file, line: i + 1, field: "", message: `line ${i + 1}: not valid JSON (${(err as Error).message})` });
          return;
        }
        check(value, `line ${i + 1}`, (p, message) => ({ file, line: i + 1, field: fieldPath(p), message }));
      });
    }
  }
  if (issues.length > 0) throw new InventoryValidationError(issues);
  if (out.length === 0) throw new InventoryValidationError([{ file, line: null, field: "", message: "holds no OpenLineage run event" }]);
  return out;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The key of an event: the same event imported twice counts once. */
export const eventKey = (e: RunEvent) => `${e.run.runId}\u0000${e.eventType}\u0000${e.eventTime}`;

const datasetKey = (namespace: string, name: string) => `${namespace}\u0000${name}`;

/** A field name the inventory accepts: nested fields (`address.city`) are written `address_city`. */
const fieldName = (raw: string) => raw.replace(/\./g, "_").trim() || "_";

/** Names outside `[A-Za-z][A-Za-z0-9_]*` become table names the inventory accepts. */
function tableName(raw: string): string {
  const s = raw.replace(/[^A-Za-z0-9_]/g, "_").replace(/^_+/, "");
  return /^[A-Za-z]/.test(s) ? s : `T_${s}`;
}

interface TableDraft {
  system: string;
  name: string;
  dataset: string;
  /** The dataset's key (`namespace\0name`), for where events saw it. */
  key: string;
  columns: Map<string, { type: string | null }>;
}

interface ColumnCopy {
  from: { table: TableDraft; column: string };
  masked: boolean;
}

interface JobDraft {
  namespace: string;
  name: string;
  runs: Map<string, { runId: string; eventType: string; eventTime: string }>;
  producer: { eventTime: string; eventType: string; producer: string };
  inputs: Map<string, Dataset>;
  outputs: Map<string, OutputDraft>;
}

interface DirectInput {
  namespace: string;
  name: string;
  field: string;
  masked: boolean;
  /** The latest event stating this copy. */
  observed: Observation;
}

/** An output dataset of a job: whether any event gave it column lineage, its DIRECT inputs per field, its INDIRECT inputs. */
interface OutputDraft {
  dataset: Dataset;
  lineage: boolean;
  direct: Map<string, Map<string, DirectInput>>;
  indirect: Map<string, string>;
}

/** Where an event type stands in a run: at the same time, a COMPLETE or FAIL comes after a START. */
const STAGE: Record<string, number> = { START: 0, RUNNING: 1, OTHER: 2, COMPLETE: 3, ABORT: 3, FAIL: 3 };

/**
 * Events in the order they happened (time, then stage, then key): every event is read in this order, so what is built
 * does not depend on the order of the files, or on whether an event came now or was stored with its system.
 */
function byTime(a: RunEvent, b: RunEvent): number {
  return Date.parse(a.eventTime) - Date.parse(b.eventTime) || (STAGE[a.eventType] ?? 2) - (STAGE[b.eventType] ?? 2) || (eventKey(a) < eventKey(b) ? -1 : eventKey(a) > eventKey(b) ? 1 : 0);
}

/** Whether `b` comes at or after `a`. */
function later(a: { eventTime: string; eventType: string }, b: { eventTime: string; eventType: string }): boolean {
  const t = Date.parse(b.eventTime) - Date.parse(a.eventTime);
  return t > 0 || (t === 0 && (STAGE[b.eventType] ?? 2) >= (STAGE[a.eventType] ?? 2));
}

export function openLineageInventories(events: readonly LocatedEvent[], lookup: CatalogueLookup, opts: OpenLineageOptions = {}): ImportedInventory[] {
  const files = [...new Set(events.map((e) => e.file).filter(Boolean))];
  const file = files.length === 1 ? files[0]! : files.join(", ");
  const systemOf = (namespace: string) => opts.namespaces?.[namespace] ?? (slugify(namespace) || "openlineage");
  const warnings = new Map<string, InventoryIssue[]>();

  // The same event twice (a file imported again, a client retrying) counts once.
  const seen = new Map<string, LocatedEvent>();
  for (const e of events) if (!seen.has(eventKey(e.event))) seen.set(eventKey(e.event), e);
  const unique = new Map([...seen].sort(([, a], [, b]) => byTime(a.event, b.event)));

  const jobs = new Map<string, JobDraft>();
  const datasets = new Map<string, Dataset[]>();
  // Where events saw each dataset and each field (`dataset\0field`): the latest event naming it (events come in time order).
  const seenDataset = new Map<string, Observation>();
  const seenField = new Map<string, Observation>();
  const note = (d: Dataset, seen: Observation) => {
    const key = datasetKey(d.namespace, d.name);
    datasets.set(key, [...(datasets.get(key) ?? []), d]);
    seenDataset.set(key, seen);
    for (const f of d.facets?.schema?.fields ?? []) seenField.set(`${key}\u0000${fieldName(f.name)}`, seen);
    for (const [field, f] of Object.entries(d.facets?.columnLineage?.fields ?? {})) {
      seenField.set(`${key}\u0000${fieldName(field)}`, seen);
      for (const i of f.inputFields) seenField.set(`${datasetKey(i.namespace, i.name)}\u0000${fieldName(i.field)}`, seen);
    }
  };
  for (const { event } of unique.values()) {
    const seen: Observation = { jobNamespace: event.job.namespace, job: event.job.name, runId: event.run.runId, eventTime: event.eventTime };
    const key = `${event.job.namespace}\u0000${event.job.name}`;
    const job: JobDraft = jobs.get(key) ?? {
      namespace: event.job.namespace,
      name: event.job.name,
      runs: new Map(),
      producer: { eventTime: event.eventTime, eventType: event.eventType, producer: event.producer },
      inputs: new Map(),
      outputs: new Map(),
    };
    jobs.set(key, job);
    const run = job.runs.get(event.run.runId);
    if (!run || later(run, event)) job.runs.set(event.run.runId, { runId: event.run.runId, eventType: event.eventType, eventTime: event.eventTime });
    if (later(job.producer, event)) job.producer = { eventTime: event.eventTime, eventType: event.eventType, producer: event.producer };
    for (const d of event.inputs ?? []) {
      note(d, seen);
      job.inputs.set(datasetKey(d.namespace, d.name), d);
    }
    for (const d of event.outputs ?? []) {
      note(d, seen);
      const out: OutputDraft = job.outputs.get(datasetKey(d.namespace, d.name)) ?? { dataset: d, lineage: false, direct: new Map(), indirect: new Map() };
      job.outputs.set(datasetKey(d.namespace, d.name), out);
      const lineage = d.facets?.columnLineage;
      if (!lineage) continue;
      out.lineage = true;
      for (const [rawField, f] of Object.entries(lineage.fields)) {
        const field = fieldName(rawField);
        const direct = out.direct.get(field) ?? new Map<string, DirectInput>();
        out.direct.set(field, direct);
        for (const input of f.inputFields) {
          const inKey = `${datasetKey(input.namespace, input.name)}\u0000${fieldName(input.field)}`;
          const ts = input.transformations ?? [];
          const isDirect = ts.length > 0 ? ts.some((t) => t.type === "DIRECT") : true;
          if (!isDirect) {
            const why = [...new Set(ts.map((t) => t.subtype ?? t.type))].join("/");
            out.indirect.set(inKey, `${input.name}.${input.field} (${why})`);
            continue;
          }
          const masked =
            ts.length > 0
              ? ts.filter((t) => t.type === "DIRECT").some((t) => t.masking === true || (t.masking == null && MASKING_WORDS.test(t.description ?? "")))
              : MASKING_WORDS.test(`${f.transformationDescription ?? ""} ${f.transformationType ?? ""}`);
          const prev = direct.get(inKey);
          direct.set(inKey, { namespace: input.namespace, name: input.name, field: fieldName(input.field), masked: (prev?.masked ?? false) || masked, observed: seen });
        }
      }
      for (const input of lineage.dataset ?? []) {
        const why = [...new Set((input.transformations ?? []).map((t) => t.subtype ?? t.type))].join("/") || "INDIRECT";
        out.indirect.set(`${datasetKey(input.namespace, input.name)}\u0000${fieldName(input.field)}`, `${input.name}.${input.field} (${why})`);
      }
    }
  }

  // Datasets → tables of their namespace's system; a short name (the last segment) unless two datasets would share it.
  const tables = new Map<string, TableDraft>();
  const bySystem = new Map<string, TableDraft[]>();
  const keys = [...datasets.keys()].sort();
  const shortNames = new Map<string, number>();
  for (const k of keys) {
    const [ns, name] = k.split("\u0000") as [string, string];
    const short = `${systemOf(ns)}\u0000${tableName(name.split(/[./]/).filter(Boolean).at(-1) ?? name)}`;
    shortNames.set(short, (shortNames.get(short) ?? 0) + 1);
  }
  for (const k of keys) {
    const [ns, name] = k.split("\u0000") as [string, string];
    const system = systemOf(ns);
    const short = tableName(name.split(/[./]/).filter(Boolean).at(-1) ?? name);
    const t: TableDraft = { system, name: shortNames.get(`${system}\u0000${short}`)! > 1 ? tableName(name) : short, dataset: `${ns} ${name}`, key: k, columns: new Map() };
    for (const d of datasets.get(k)!) for (const f of d.facets?.schema?.fields ?? []) if (!t.columns.has(fieldName(f.name))) t.columns.set(fieldName(f.name), { type: f.type ?? null });
    tables.set(k, t);
    bySystem.set(system, [...(bySystem.get(system) ?? []), t]);
  }
  const tableOf = (namespace: string, name: string) => tables.get(datasetKey(namespace, name))!;
  // Systems a document states (events add to them): their tables by name.
  const documentTables = new Map<string, Map<string, LoadedTable>>();
  for (const [system, l] of opts.loaded ?? []) if (l.origin !== "openlineage" && l.tables) documentTables.set(system, new Map(l.tables.map((t) => [t.name, t])));
  const documentTable = (t: TableDraft) => documentTables.get(t.system)?.get(t.name);
  const addColumn = (t: TableDraft, column: string) => {
    if (!t.columns.has(column)) t.columns.set(column, { type: null });
  };

  // Column copies, per output column (`system\0table\0column`), for categories and masking.
  const copiesInto = new Map<string, ColumnCopy[]>();
  const colKey = (t: TableDraft, c: string) => `${t.system}\u0000${t.name}\u0000${c}`;
  for (const job of jobs.values()) {
    for (const out of job.outputs.values()) {
      const to = tableOf(out.dataset.namespace, out.dataset.name);
      for (const [field, inputs] of out.direct) {
        addColumn(to, field);
        for (const i of inputs.values()) {
          const from = tableOf(i.namespace, i.name);
          addColumn(from, i.field);
          copiesInto.set(colKey(to, field), [...(copiesInto.get(colKey(to, field)) ?? []), { from: { table: from, column: i.field }, masked: i.masked }]);
        }
      }
      for (const k of out.indirect.keys()) {
        const [ns, name, field] = k.split("\u0000") as [string, string, string];
        if (tables.has(datasetKey(ns, name))) addColumn(tableOf(ns, name), field);
      }
    }
  }

  // Categories: the loaded table's, else what DIRECT inputs carry (followed through jobs), else suggested from the name.
  interface Cat {
    category: string;
    suggested: boolean;
    pseudonymised: boolean;
    why: string;
  }
  const cats = new Map<string, Cat | null>();
  const categoryOf = (t: TableDraft, c: string, seen: Set<string>): Cat | null => {
    const key = colKey(t, c);
    if (cats.has(key)) return cats.get(key)!;
    if (seen.has(key)) return null;
    seen.add(key);
    let cat: Cat | null = null;
    const stated = documentTable(t)?.columns.find((col) => col.name === c);
    if (stated) {
      // A table a document states: its columns keep the document's categories.
      cat = stated.kind === "personal" && stated.category ? { category: stated.category, suggested: false, pseudonymised: stated.pseudonymised ?? false, why: "as the document states" } : null;
    } else {
      const inputs = (copiesInto.get(key) ?? []).flatMap((copy) => {
        const from = categoryOf(copy.from.table, copy.from.column, seen);
        return from ? [{ from, copy }] : [];
      });
      if (inputs.length > 0) {
        const first = inputs[0]!;
        const pseudonymised = inputs.every((i) => i.copy.masked || i.from.pseudonymised);
        cat = {
          category: first.from.category,
          suggested: inputs.every((i) => i.from.suggested),
          pseudonymised,
          why: `${pseudonymised ? "pseudonymised copy" : "copy"} of ${inputs.map((i) => `${i.copy.from.table.name}.${i.copy.from.column}`).join(", ")}`,
        };
      } else {
        const category = suggestCategory(t.name, c, t.columns.get(c)?.type?.toLowerCase() ?? "");
        cat = category ? { category, suggested: true, pseudonymised: false, why: "suggested from its name" } : null;
      }
    }
    cats.set(key, cat);
    return cat;
  };

  // Jobs → sources in their outputs' systems.
  const sources = new Map<string, NonNullable<InventoryInput["sources"]>>();
  const usedIds = new Map<string, Set<string>>();
  for (const job of [...jobs.values()].sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`))) {
    const runs = [...job.runs.values()].sort((a, b) => a.runId.localeCompare(b.runId));
    const latest = runs.reduce((a, b) => (later(a, b) ? b : a));
    const outputs = [...job.outputs.values()].sort((a, b) => datasetKey(a.dataset.namespace, a.dataset.name).localeCompare(datasetKey(b.dataset.namespace, b.dataset.name)));
    for (const out of outputs) {
      const to = tableOf(out.dataset.namespace, out.dataset.name);
      const used = usedIds.get(to.system) ?? new Set<string>();
      usedIds.set(to.system, used);
      let id = `ol-${slugify(outputs.length > 1 ? `${job.name} ${to.name}` : job.name) || "job"}`;
      for (let n = 2; used.has(id); n++) id = `${id.replace(/-\d+$/, "")}-${n}`;
      used.add(id);

      const foreign = new Set<string>();
      const copies: { from: string; to: string; observed: Observation }[] = [];
      const copiesFrom = new Set<string>();
      if (out.lineage) {
        for (const [field, inputs] of out.direct) {
          for (const i of inputs.values()) {
            const from = tableOf(i.namespace, i.name);
            if (from.system !== to.system) {
              foreign.add(`${i.namespace} ${i.name}`);
              continue;
            }
            if (from.name === to.name) continue;
            copiesFrom.add(from.name);
            copies.push({ from: `${from.name}.${i.field}`, to: `${to.name}.${field}`, observed: i.observed });
          }
        }
      } else {
        for (const d of job.inputs.values()) {
          const from = tableOf(d.namespace, d.name);
          if (from.system !== to.system) foreign.add(`${d.namespace} ${d.name}`);
          else if (from.name !== to.name) copiesFrom.add(from.name);
        }
      }
      if (foreign.size > 0) {
        warnings.set(to.system, [...(warnings.get(to.system) ?? [])]);
        warnings.get(to.system)!.push({
          file,
          line: null,
          field: `job ${job.namespace}/${job.name}`,
          message: `reads ${[...foreign].join(", ")} from another system than ${to.system}: map both namespaces to one system (--namespace ns=${to.system}) to follow that copy`,
        });
      }
      const indirect = [...out.indirect.values()];
      const description = [
        `OpenLineage job ${job.namespace}/${job.name}: ${runs.length} run(s), the latest ${latest.eventType} at ${latest.eventTime}.`,
        out.lineage ? "Column lineage: DIRECT inputs are the copies." : "No column lineage: a table-level copy, so each category its inputs hold reaches the columns of that category.",
        indirect.length > 0 ? `Influenced by, not copied (INDIRECT): ${indirect.join(", ")}.` : "",
      ]
        .filter(Boolean)
        .join(" ");
      const list = sources.get(to.system) ?? [];
      list.push({
        id,
        name: outputs.length > 1 ? `${job.name} → ${to.name}` : job.name,
        description: description.slice(0, 2000),
        feeds: [to.name],
        copiesFrom: [...copiesFrom].sort(),
        copies,
        observed: { jobNamespace: job.namespace, job: job.name, runs, producer: job.producer.producer },
      });
      sources.set(to.system, list);
    }
  }

  const namespacesOf = new Map<string, Set<string>>();
  for (const k of keys) {
    const ns = k.split("\u0000")[0]!;
    namespacesOf.set(systemOf(ns), (namespacesOf.get(systemOf(ns)) ?? new Set()).add(ns));
  }
  // Each system keeps the events of every run that names one of its datasets.
  const runSystems = new Map<string, Set<string>>();
  for (const { event } of unique.values()) {
    const set = runSystems.get(event.run.runId) ?? new Set<string>();
    for (const d of [...(event.inputs ?? []), ...(event.outputs ?? [])]) set.add(systemOf(d.namespace));
    runSystems.set(event.run.runId, set);
  }
  const eventsOf = (system: string) =>
    [...unique.values()]
      .filter(({ event }) => runSystems.get(event.run.runId)!.has(system))
      .sort((a, b) => (eventKey(a.event) < eventKey(b.event) ? -1 : eventKey(a.event) > eventKey(b.event) ? 1 : 0))
      .map(({ event }) => storedEvent(event));

  const refused: InventoryIssue[] = [];
  const result: ImportedInventory[] = [];
  for (const system of [...bySystem.keys()].sort()) {
    if (opts.only && !opts.only.has(system)) continue;
    const loaded = opts.loaded?.get(system);
    const layered = loaded !== undefined && loaded.origin !== "openlineage";
    if (layered && !loaded.tables) {
      refused.push({
        file,
        line: null,
        field: `namespace ${[...namespacesOf.get(system)!].join(", ")}`,
        message: `system '${system}' is loaded from a document (YAML, spreadsheet or Fides) whose tables were not read; events never replace it`,
      });
      continue;
    }
    const namespaces = [...namespacesOf.get(system)!].sort();
    const inventory: InventoryInput = {
      system: {
        id: system,
        name: namespaces.join(", "),
        kind: "self-hosted",
        description: `Datasets and jobs reported by OpenLineage run events (namespace ${namespaces.join(", ")}).`,
        document: { title: OPENLINEAGE_DOCUMENT },
        origin: "openlineage",
        observedEvents: eventsOf(system),
      },
      entities: bySystem.get(system)!.sort((a, b) => a.name.localeCompare(b.name)).map((t) => ({
        name: t.name,
        label: t.dataset,
        kind: "table" as const,
        observed: seenDataset.get(t.key),
        // A document's table: its columns first, as it states them (not written by this load), then any the events add.
        columns: [...(documentTable(t)?.columns.map((col) => [col.name, { type: null }] as const) ?? []), ...[...t.columns].filter(([name]) => !documentTable(t)?.columns.some((col) => col.name === name))].map(([name, { type }]) => {
          const cat = categoryOf(t, name, new Set());
          const typeText = type ? `${type}; ` : "";
          // A column no event names by itself (only its dataset) is seen where its dataset is.
          const observed = seenField.get(`${t.key}\u0000${name}`) ?? seenDataset.get(t.key);
          if (!cat) return { name, kind: "system" as const, ...(type ? { description: type } : {}), observed };
          return {
            name,
            kind: "personal" as const,
            observed,
            category: cat.category,
            ...(cat.suggested ? { suggested: true } : {}),
            ...(cat.pseudonymised ? { pseudonymised: true, categoryLabel: `${lookup.catalogue.categories.get(cat.category)?.name ?? cat.category} (pseudonymised)` } : {}),
            description: `${typeText}${cat.why}`,
          };
        }),
      })),
      sources: sources.get(system) ?? [],
    };
    const built = new BuiltSource(file, inventory);
    // Added to a document's system: its node, and the tables and columns the document states, are the document's.
    const borrowed = layered
      ? new Set([
          ids.system(system),
          ...bySystem.get(system)!.flatMap((t) => {
            const d = documentTable(t);
            return d ? [ids.table(system, t.name), ...d.columns.map((col) => ids.column(system, t.name, col.name))] : [];
          }),
        ])
      : undefined;
    result.push({ file, format: "openlineage", inventory: validateInventory(built, lookup.catalogue), warnings: warnings.get(system) ?? [], ...(borrowed ? { borrowed } : {}) });
  }
  if (refused.length > 0) throw new InventoryValidationError(refused);
  return result;
}
