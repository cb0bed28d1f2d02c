import type { OverviewRepository } from "./overview.repository.js";
import type { OverviewResponse } from "../contract/api.js";
import { ElementsBuilder, idOf } from "../elements/elements.js";

export class OverviewService {
  constructor(private readonly repo: OverviewRepository) {}

  /** Systems → vendors (labelled with the services used) → countries (labelled with the systems the location holds for). */
  async overview(): Promise<OverviewResponse> {
    const rows = await this.repo.systems();
    const elements = new ElementsBuilder();
    for (const r of rows) elements.node(r.system);
    for (const r of rows) for (const v of r.vendors) elements.node(v.vendor);
    for (const r of rows) for (const v of r.vendors) for (const p of v.places) elements.node(p.location);
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
      elements: elements.build(),
    };
  }
}
