import type { TransfersRepository } from "./transfers.repository.js";
import type { CountriesResponse, TransfersResponse } from "../contract/api.js";
import { safeguardWords } from "../contract/words.js";
import { idOf } from "../elements/elements.js";
import type { Catalogue } from "../inventory/inventory.parse.js";
import { pageOf } from "../paging.js";

export class TransfersService {
  constructor(
    private readonly repo: TransfersRepository,
    private readonly catalogue: () => Promise<Catalogue>,
  ) {}

  async transfers(limit = 1000, after: string[] | null = null): Promise<TransfersResponse> {
    const rows = await this.repo.needingSafeguards(limit, after);
    const catalogue = rows.some((r) => r.to === "system") ? await this.catalogue() : null;
    // A flow into another of our systems names its places by code (no vendor's location nodes): named here from the catalogue.
    const place = (r: (typeof rows)[number], p: (typeof rows)[number]["places"][number]) => {
      const c = r.to === "system" ? catalogue?.countries.get(p.location.code) : undefined;
      return { ...p.location, ...(c ? { name: c.name, eea: c.eea } : {}), role: p.type === "LOCATED_IN" ? ("entity" as const) : ("data" as const) };
    };
    const { items, page } = pageOf(rows, limit, rows[0]?.total ?? 0, (r) => [r.system.name, r.vendor.name, r.flow.flow]);
    return {
      page,
      transfers: items.map((r) => ({
        flow: r.flow.flow,
        to: r.to,
        system: r.system.system,
        systemName: r.system.name,
        vendor: { id: idOf(r.vendor), name: r.vendor.name },
        service: r.flow.service,
        purpose: r.flow.purpose,
        categories: [...new Map(r.categories.map((c) => [idOf(c), c.name]))].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
        countries: r.places.map((p) => place(r, p)),
        transfer: r.flow.transfer,
        mechanism: r.flow.mechanism,
        safeguard: safeguardWords(r.flow.mechanism),
      })),
    };
  }

  async countries(): Promise<CountriesResponse> {
    const c = await this.catalogue();
    return {
      countries: [...c.countries.values()]
        .map((x) => {
          const decision = c.adequacy.get(x.code);
          return { code: x.code, alpha3: x.alpha3 ?? null, name: x.name, eea: x.eea, adequacy: decision ? { decided: decision.decided, scope: decision.scope } : null };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
      asOf: c.adequacyAsOf,
    };
  }
}
