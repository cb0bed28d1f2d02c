import type { OverviewRepository } from "./overview.repository.js";
import type { OverviewResponse, TransferStatus } from "../contract/api.js";
import { ElementsBuilder, idOf } from "../elements/elements.js";
import { worstStatus } from "../transfers/transfer.rule.js";
import { commonMechanism } from "../vendors/vendors.service.js";

export class OverviewService {
  constructor(private readonly repo: OverviewRepository) {}

  /** Systems → vendors (labelled with the services used) → countries (labelled with the systems the location holds for). */
  async overview(systems: string[] | null = null): Promise<OverviewResponse> {
    const rows = await this.repo.systems(systems);
    const vendors = new Map<string, OverviewResponse["vendors"][number] & { flows: { transfer: TransferStatus; mechanism: OverviewResponse["vendors"][number]["mechanism"] }[] }>();
    const places = new Map<string, TransferStatus[]>();
    for (const r of rows) {
      for (const v of r.vendors) {
        const id = idOf(v.vendor);
        const entry = vendors.get(id) ?? { id, name: v.vendor.name, systems: [], countries: [], transfer: "not-stated", mechanism: null, flows: [] };
        entry.systems.push(r.system.system);
        entry.flows.push(...v.flows);
        for (const p of v.places) {
          if (!entry.countries.some((c) => c.code === p.location.code)) entry.countries.push({ code: p.location.code, name: p.location.name, eea: p.location.eea });
          places.set(idOf(p.location), [...(places.get(idOf(p.location)) ?? []), p.transfer]);
        }
        vendors.set(id, entry);
      }
    }
    const summaries = [...vendors.values()].map(({ flows, ...v }) => ({
      ...v,
      systems: [...new Set(v.systems)].sort(),
      countries: v.countries.sort((a, b) => a.code.localeCompare(b.code)),
      transfer: worstStatus(flows.map((f) => f.transfer)),
      mechanism: commonMechanism(flows),
    }));
    const status = new Map(summaries.map((v) => [v.id, v.transfer]));

    const elements = new ElementsBuilder();
    for (const r of rows) elements.node(r.system);
    for (const r of rows) for (const v of r.vendors) elements.node(v.vendor, { transfer: status.get(idOf(v.vendor)) });
    for (const r of rows) for (const v of r.vendors) for (const p of v.places) elements.node(p.location, { transfer: worstStatus(places.get(idOf(p.location))!) });
    for (const r of rows) {
      const system = idOf(r.system);
      for (const v of r.vendors) {
        const vendor = idOf(v.vendor);
        elements.edge(system, "USES_VENDOR", vendor, { label: [...new Set(v.services)].sort().join(", ") || null });
        for (const p of v.places) elements.edge(vendor, p.type, idOf(p.location), { label: r.system.name });
      }
    }
    return {
      systems: rows.map((r) => ({ id: idOf(r.system), name: r.system.name, tables: r.tables, vendors: r.vendors.length })),
      vendors: summaries.sort((a, b) => a.name.localeCompare(b.name)),
      elements: elements.build(),
    };
  }
}
