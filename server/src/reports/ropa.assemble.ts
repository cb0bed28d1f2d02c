/**
 * Pure: a system's activities, purposes and vendor flows → Article 30 records.
 *
 * Which record: a processing activity is one record; a purpose no activity groups is a record of its own (flagged
 * "activity not documented"), and a vendor flow that belongs to no purpose one per purpose text, so every engagement
 * appears in some record. A record whose role (the activity's, else the system's) is `processor` is an Art. 30(2)
 * record, one per controller it serves (the controller "not documented" when the inventory names none); any other
 * (controller, joint controller, role not documented) is Art. 30(1).
 *
 * How purposes map to flows: a vendor flow belongs to a purpose when the purpose names its vendor
 * (`purposes[].vendors`) or when the flow's own `purpose` text is the purpose's name. Categories of data and of
 * subjects come from the columns that serve the purposes and those their flows receive (for an activity that states
 * its subjects, only the columns of those subjects' tables, and its subjects as stated); retention is the activity's own, a vendor's is on its recipient; transfer statuses are the
 * flows' stored ones. Each record's gaps come from the columns of its template (`ropa.columns.ts`).
 */
import { gapsOf } from "./ropa.columns.js";
import type { RopaSystemRow } from "./ropa.repository.js";
import type { RopaCover, RopaRow } from "../contract/api.js";
import { safeguardWords } from "../contract/words.js";

type SystemFlow = RopaSystemRow["flows"][number];
type Purpose = RopaSystemRow["purposes"][number];
type Activity = RopaSystemRow["activities"][number];

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function countriesOf(f: SystemFlow): string[] {
  return [...new Map(f.places.map((p) => [p.code, `${p.name} (${p.code})`])).values()].sort((a, b) => a.localeCompare(b));
}

interface Basis {
  record: string;
  recordFrom: RopaRow["recordFrom"];
  purposes: string[];
  columnIds: string[];
  flows: SystemFlow[];
  activity: Activity | null;
}

function record(sys: RopaSystemRow, b: Basis): Omit<RopaRow, "article" | "controllerServed" | "gaps"> {
  const s = sys.system;
  const byId = new Map(sys.columns.map((c) => [c.id, c]));
  const a = b.activity;
  // A purpose may serve many tables (Kentico's "Shown in the administration interface"): an activity that names its
  // subjects holds the data of those subjects' tables only.
  const concerns = (c: RopaSystemRow["columns"][number]) => !a || a.subjects.length === 0 || c.subjects.some((s) => a.subjects.includes(s));
  const columns = [...new Set([...b.columnIds, ...b.flows.flatMap((f) => f.columns)])].flatMap((id) => byId.get(id) ?? []).filter(concerns);
  const role = a ? a.role : s.role;
  return {
    system: s.system,
    systemName: s.name,
    record: b.record,
    recordFrom: b.recordFrom,
    section: a?.section ?? null,
    purposes: b.purposes,
    role,
    jointControllers: role === "joint-controller" ? (a?.controllers ?? []) : [],
    organisation: { name: s.orgName, contact: s.orgContact, address: s.orgAddress, dpoName: s.dpoName, dpoContact: s.dpoContact, repName: s.repName, repContact: s.repContact },
    lawfulBasis: a?.lawfulBasis ?? null,
    legitimateInterest: a?.legitimateInterest ?? null,
    liaLink: a?.liaLink ?? null,
    specialCategories: sorted(columns.filter((c) => c.special && c.category).map((c) => c.category!)),
    specialCategoryCondition: a?.specialCategoryCondition ?? null,
    subjects: a && a.subjects.length > 0 ? sorted(a.subjects) : sorted(columns.flatMap((c) => c.subjects)),
    categories: sorted(columns.flatMap((c) => (c.category ? [c.category] : []))),
    sources: sorted(columns.flatMap((c) => c.sources)),
    volume: a?.volume ?? null,
    retention: a?.retention ?? null,
    automatedDecisions: a?.automatedDecisions ?? null,
    recipients: b.flows
      .map((f) => ({ vendor: f.vendor.name, legalName: f.flow.legalName, role: f.flow.role, service: f.flow.service, flow: f.flow.flow, fields: f.columns.length > 0 ? ("stated" as const) : ("not-stated" as const), retention: f.flow.retention }))
      .sort((x, y) => x.vendor.localeCompare(y.vendor) || x.flow.localeCompare(y.flow, undefined, { numeric: true })),
    transfers: b.flows
      .filter((f) => f.flow.transfer !== "eea")
      .map((f) => ({ vendor: f.vendor.name, flow: f.flow.flow, countries: countriesOf(f), transfer: f.flow.transfer, safeguard: safeguardWords(f.flow.mechanism) }))
      .sort((x, y) => x.vendor.localeCompare(y.vendor) || x.flow.localeCompare(y.flow, undefined, { numeric: true })),
    security: {
      encryptionAtRest: s.securityEncryptionAtRest,
      encryptionInTransit: s.securityEncryptionInTransit,
      accessControl: s.securityAccessControl,
      pseudonymisation: s.securityPseudonymisation,
      logging: s.securityLogging,
      notes: s.securityNotes,
    },
    location: { hostingCountries: s.hostingCountries, legalName: s.legalName, entityCountry: s.entityCountry },
    sourceDocument: s.documentTitle,
  };
}

/** A processor's record is repeated per controller it serves (Art. 30(2)(a)); every other record is Art. 30(1). */
function filed(base: Omit<RopaRow, "article" | "controllerServed" | "gaps">, controllers: readonly string[] | null): RopaRow[] {
  const rows: Omit<RopaRow, "gaps">[] =
    base.role === "processor"
      ? (controllers && controllers.length > 0 ? controllers : [null]).map((c) => ({ ...base, article: "30(2)" as const, controllerServed: c }))
      : [{ ...base, article: "30(1)" as const, controllerServed: null }];
  return rows.map((r) => ({ ...r, gaps: gapsOf(r) }));
}

export function assembleRopa(systems: RopaSystemRow[]): RopaRow[] {
  const rows: RopaRow[] = [];
  for (const sys of systems) {
    const purposeById = new Map(sys.purposes.map((p) => [p.id, p]));
    const flowsOf = (p: Purpose) => sys.flows.filter((f) => p.vendors.includes(f.vendor.id) || same(f.flow.purpose, p.name));
    const placed = new Set<string>();
    const grouped = new Set<string>();
    for (const a of [...sys.activities].sort((x, y) => x.name.localeCompare(y.name))) {
      const purposes = a.purposes.flatMap((id) => purposeById.get(id) ?? []).sort((x, y) => x.name.localeCompare(y.name));
      const flows = [...new Map(purposes.flatMap(flowsOf).map((f) => [f.flow.flow, f])).values()];
      purposes.forEach((p) => grouped.add(p.id));
      flows.forEach((f) => placed.add(f.flow.flow));
      rows.push(...filed(record(sys, { record: a.name, recordFrom: "activity", purposes: purposes.map((p) => p.name), columnIds: purposes.flatMap((p) => p.columns), flows, activity: a }), a.controllers));
    }
    for (const p of [...sys.purposes].sort((x, y) => x.name.localeCompare(y.name))) {
      const flows = flowsOf(p);
      flows.forEach((f) => placed.add(f.flow.flow));
      if (grouped.has(p.id)) continue;
      rows.push(...filed(record(sys, { record: p.name, recordFrom: "purpose", purposes: [p.name], columnIds: p.columns, flows, activity: null }), null));
    }
    const rest = new Map<string, SystemFlow[]>();
    for (const f of sys.flows) if (!placed.has(f.flow.flow)) rest.set(f.flow.purpose, [...(rest.get(f.flow.purpose) ?? []), f]);
    for (const [purpose, flows] of [...rest].sort(([a], [b]) => a.localeCompare(b)))
      rows.push(...filed(record(sys, { record: purpose, recordFrom: "vendor-flow", purposes: [purpose], columnIds: [], flows, activity: null }), null));
  }
  return rows;
}

/** The cover: the date, and per system the file it was loaded from with its sha256 and the organisation it names. */
export function assembleCover(systems: RopaSystemRow[], date: string): RopaCover {
  return {
    date,
    files: systems.map((s) => ({ system: s.system.system, systemName: s.system.name, file: s.system.loadedFile, sha256: s.system.loadedSha256, organisation: s.system.orgName })),
  };
}
