/**
 * The one rule for a flow's transfer status (GDPR Chapter V), computed on the server when a flow is loaded and
 * carried in every answer; nothing else derives it.
 *
 * The data reaches two kinds of place: the vendor's legal entity (`entityCountry`, which processes it) and where the
 * vendor stores it (`dataCountries`). The status is the one needing most attention over every such country, and a place
 * the inventory leaves out counts as `not-stated`: a vendor in Ireland whose storage is not stated is not "EEA".
 *
 * - `not-stated`: the inventory leaves out where the entity or the data is, and nothing named is worse. Unknown is
 *   never taken as safe.
 * - `eea`: the entity and every storage country are in the EEA.
 * - `adequate`: every country outside the EEA has an adequacy decision that covers this flow (a decision limited to
 *   a mechanism, as the US one is to organisations certified under the Data Privacy Framework, covers only flows
 *   documented with that mechanism).
 * - `third-country`: at least one country outside the EEA without such a decision: the transfer needs a safeguard.
 */
import type { Mechanism, TransferStatus } from "../contract/api.js";
import { TRANSFER_ORDER } from "../contract/words.js";
import type { Catalogue } from "../inventory/inventory.parse.js";

/** How much attention a status needs: the contract's order, worst first. */
const SEVERITY = Object.fromEntries(TRANSFER_ORDER.map((s, i) => [s, TRANSFER_ORDER.length - i])) as Record<TransferStatus, number>;

export function countryStatus(code: string, mechanism: Mechanism | null, catalogue: Pick<Catalogue, "countries" | "adequacy">): Exclude<TransferStatus, "not-stated"> {
  if (catalogue.countries.get(code)?.eea) return "eea";
  const decision = catalogue.adequacy.get(code);
  if (decision && (decision.requiresMechanism === null || decision.requiresMechanism === mechanism)) return "adequate";
  return "third-country";
}

/** Where a flow's data goes, as its inventory states it. */
export interface FlowPlaces {
  entityCountry: string | null;
  dataCountries: readonly string[];
}

export function transferStatus(places: FlowPlaces, mechanism: Mechanism | null, catalogue: Pick<Catalogue, "countries" | "adequacy">): TransferStatus {
  const statuses: TransferStatus[] = [...(places.entityCountry ? [places.entityCountry] : []), ...places.dataCountries].map((c) => countryStatus(c, mechanism, catalogue));
  return worstStatus([...statuses, ...unstatedPlaces(places).map(() => "not-stated" as const)]);
}

/** The places of a flow its inventory leaves out (drawn and listed as "not stated", never as safe). */
export function unstatedPlaces(places: FlowPlaces): ("entity" | "data")[] {
  return [...(places.entityCountry ? [] : ["entity" as const]), ...(places.dataCountries.length > 0 ? [] : ["data" as const])];
}

/** The status of several flows together (e.g. a vendor reached through two systems): the one needing most attention. */
export function worstStatus(statuses: Iterable<TransferStatus>): TransferStatus {
  let worst: TransferStatus = "eea";
  let any = false;
  for (const s of statuses) {
    any = true;
    if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  }
  return any ? worst : "not-stated";
}

export function bySeverity(a: TransferStatus, b: TransferStatus): number {
  return SEVERITY[b] - SEVERITY[a];
}

/** Whether a flow with this status needs a documented safeguard (Art. 46/49) or, when unknown, an answer first. */
export function needsAttention(status: TransferStatus): boolean {
  return status === "third-country" || status === "not-stated";
}
