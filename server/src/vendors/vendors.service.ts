import type { CountryProps, FieldRow, FlowStatus, VendorNode, VendorsRepository } from "./vendors.repository.js";
import type { Country, VendorFlow, VendorResponse, VendorSummary, VendorsResponse } from "../contract/api.js";
import type { ParsedNodeId } from "../contract/ids.js";
import { ElementsBuilder, idOf } from "../elements/elements.js";
import { FIELDS_NOT_STATED, provenanceOf } from "../elements/provenance.js";
import { NotFoundError } from "../errors.js";
import { pageOf } from "../paging.js";
import { worstStatus } from "../transfers/transfer.rule.js";

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

function countries(list: CountryProps[]): Country[] {
  const byCode = new Map(list.map((c) => [c.code, { code: c.code, name: c.name, eea: c.eea }]));
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The mechanism several flows share, or null when they differ or none is documented. */
export function commonMechanism(flows: Pick<FlowStatus, "mechanism">[]): FlowStatus["mechanism"] {
  const all = new Set(flows.map((f) => f.mechanism));
  return all.size === 1 ? [...all][0]! : null;
}

/** Each system's own engagement: its flows' status and safeguard, services, countries and fields, never another system's. */
function engagements(flows: FlowStatus[], places: (CountryProps & { system: string })[], fieldCounts: ReadonlyMap<string, number>): VendorSummary["engagements"] {
  return sorted(flows.map((f) => f.system)).map((system) => {
    const own = flows.filter((f) => f.system === system);
    return {
      system,
      transfer: worstStatus(own.map((f) => f.transfer)),
      mechanism: commonMechanism(own),
      services: sorted(own.flatMap((f) => (f.service ? [f.service] : []))),
      countries: countries(places.filter((p) => p.system === system)),
      fieldCount: fieldCounts.get(system) ?? 0,
    };
  });
}

function summary(v: VendorNode, flows: FlowStatus[], places: (CountryProps & { system: string })[], fieldCount: number, fieldCounts: ReadonlyMap<string, number>): VendorSummary {
  return {
    id: idOf(v),
    name: v.name,
    legalNames: sorted(v.legalNames ?? []),
    services: sorted(v.services ?? []),
    systems: sorted(flows.map((f) => f.system)),
    countries: countries(places),
    transfer: worstStatus(flows.map((f) => f.transfer)),
    mechanism: commonMechanism(flows),
    fieldCount,
    engagements: engagements(flows, places, fieldCounts),
  };
}

function field(f: FieldRow) {
  return { id: idOf(f.column), table: f.table.name, column: f.column.name, category: f.category ?? null };
}

export class VendorsService {
  constructor(private readonly repo: VendorsRepository) {}

  async list(systems: string[] | null = null, limit = 100, after: string[] | null = null): Promise<VendorsResponse> {
    const rows = await this.repo.list(systems, limit, after);
    const { items, page } = pageOf(rows, limit, rows[0]?.total ?? 0, (r) => [r.vendor.name, r.vendor.key]);
    return { page, vendors: items.map((r) => summary(r.vendor, r.flows, r.countries, r.fieldCount, new Map(r.fieldCounts.map((c) => [c.system, c.fields])))) };
  }

  async vendor(id: ParsedNodeId): Promise<VendorResponse> {
    const row = await this.repo.vendor(id.id);
    if (!row) throw new NotFoundError(`No vendor with id '${id.id}'.`, { id: id.id });
    const byCode = new Map(row.places.map((p) => [p.location.code, { code: p.location.code, name: p.location.name, eea: p.location.eea }]));
    const country = (code: string): Country => byCode.get(code) ?? { code, name: code, eea: false };
    const fieldIds = new Set(row.flows.flatMap((f) => f.receives.map((r) => idOf(r.column))));

    const flows: VendorFlow[] = row.flows.map((f) => ({
      system: f.system.system,
      systemName: f.system.name,
      service: f.service ?? null,
      role: f.role,
      purpose: f.purpose,
      legalName: f.legalName ?? null,
      address: f.address ?? null,
      retention: f.retention ?? null,
      mechanism: f.mechanism,
      transfer: f.transfer,
      entityCountry: f.entityCountry ? country(f.entityCountry) : null,
      dataCountries: (f.dataCountries ?? []).map(country),
      receives: f.receives.map(field).sort((a, b) => a.id.localeCompare(b.id)),
      sendsBack: f.sendsBack.map(field).sort((a, b) => a.id.localeCompare(b.id)),
      fields: f.receives.length > 0 ? "stated" : "not-stated",
      provenance: f.receives.length > 0 ? provenanceOf(f) : [...provenanceOf(f), FIELDS_NOT_STATED],
    }));

    // System → table → column → vendor → countries, the way the data travels.
    const elements = new ElementsBuilder();
    const vendor = elements.node(row.vendor, { focus: true, transfer: worstStatus(row.flows.map((f) => f.transfer)) })!;
    for (const f of row.flows) {
      const system = elements.node(f.system);
      for (const r of [...f.receives, ...f.sendsBack]) {
        const table = elements.node(r.table);
        const column = elements.node(r.column);
        // The table is stated in its system, the column in its table: at the lines that state them.
        if (system && table) elements.edge(system, "CONTAINS", table, { provenance: provenanceOf(r.table) });
        if (table && column) elements.edge(table, "HAS_COLUMN", column, { provenance: provenanceOf(r.column) });
      }
      for (const r of f.receives) elements.edge(idOf(r.column), "SENT_TO", vendor, { label: f.service ?? f.purpose, provenance: provenanceOf(r) });
      for (const r of f.sendsBack) elements.edge(vendor, "SENDS_BACK", idOf(r.column), { label: f.service ?? f.purpose, provenance: provenanceOf(r) });
    }
    for (const p of row.places) {
      const location = elements.node(p.location);
      if (location) elements.edge(vendor, p.type, location, { label: p.system, provenance: provenanceOf(p) });
    }

    return {
      vendor: {
        ...summary(
          row.vendor,
          row.flows.map((f) => ({ system: f.system.system, transfer: f.transfer, mechanism: f.mechanism, service: f.service })),
          row.places.map((p) => ({ ...p.location, system: p.system })),
          fieldIds.size,
          new Map(sorted(row.flows.map((f) => f.system.system)).map((s) => [s, new Set(row.flows.filter((f) => f.system.system === s).flatMap((f) => f.receives.map((r) => idOf(r.column)))).size])),
        ),
        address: onlyAddress(flows),
      },
      flows,
      elements: elements.build(),
    };
  }
}

/** The vendor's address when every flow that states one agrees; otherwise each flow shows its own. */
function onlyAddress(flows: VendorFlow[]): string | null {
  const addresses = new Set(flows.map((f) => f.address).filter((a): a is string => !!a));
  return addresses.size === 1 ? [...addresses][0]! : null;
}
