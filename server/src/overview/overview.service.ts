import type { OverviewRows, OverviewRow } from "./overview.repository.js";
import { GROUP_VENDORS_OVER, type OverviewQuery } from "./overview.schema.js";
import type { OverviewResponse, TransferStatus } from "../contract/api.js";
import { groupId, ids, type Grouping } from "../contract/ids.js";
import { TRANSFER_WORDS } from "../contract/words.js";
import { ElementsBuilder, idOf } from "../elements/elements.js";
import { DERIVED, mergeProvenance, provenanceOf } from "../elements/provenance.js";
import { unstatedPlaces, worstStatus } from "../transfers/transfer.rule.js";
import { commonMechanism } from "../vendors/vendors.service.js";

type VendorSummary = OverviewResponse["vendors"][number];

/** A group of vendors drawn as one node: its id, what it shows, the vendors it stands for and which engagements put them there. */
interface VendorGroup {
  id: string;
  by: Grouping;
  value: string;
  label: string;
  transfer: TransferStatus;
  members: Set<string>;
  /** `system|vendor`: a vendor is in a group through a system's own engagement of it, not through another system's. */
  engagements: Set<string>;
}

const NOT_STATED = "not-stated";
const engagementKey = (system: string, vendor: string) => `${system}|${vendor}`;

/** One system's engagement of one vendor (all its flows with it), with the status and places of those flows alone. */
interface Engagement {
  system: string;
  vendor: string;
  transfer: TransferStatus;
  countries: { code: string; name: string }[];
  /** Whether one of its flows leaves out its entity's or its data's country. */
  leavesOutAPlace: boolean;
}

function summarise(rows: OverviewRow[]): { vendors: VendorSummary[]; engagements: Engagement[]; places: Map<string, TransferStatus[]> } {
  const vendors = new Map<string, VendorSummary & { flows: { transfer: TransferStatus; mechanism: VendorSummary["mechanism"] }[] }>();
  const engagements: Engagement[] = [];
  const places = new Map<string, TransferStatus[]>();
  for (const r of rows) {
    for (const v of r.vendors) {
      const id = idOf(v.vendor);
      const entry = vendors.get(id) ?? { id, name: v.vendor.name, systems: [], countries: [], transfer: "not-stated", mechanism: null, engagements: [], flows: [] };
      const transfer = worstStatus(v.flows.map((f) => f.transfer));
      entry.systems.push(r.system.system);
      entry.flows.push(...v.flows);
      entry.engagements.push({ system: r.system.system, transfer });
      for (const p of v.places) {
        if (!entry.countries.some((c) => c.code === p.location.code)) entry.countries.push({ code: p.location.code, name: p.location.name, eea: p.location.eea });
        const at = places.get(idOf(p.location));
        if (at) at.push(p.transfer);
        else places.set(idOf(p.location), [p.transfer]);
      }
      engagements.push({
        system: r.system.system,
        vendor: id,
        transfer,
        countries: [...new Map(v.places.map((p) => [p.location.code, { code: p.location.code, name: p.location.name }])).values()],
        leavesOutAPlace: v.flows.some((f) => unstatedPlaces(f).length > 0),
      });
      vendors.set(id, entry);
    }
  }
  const summaries = [...vendors.values()].map(({ flows, ...v }) => ({
    ...v,
    systems: [...new Set(v.systems)].sort(),
    countries: v.countries.sort((a, b) => a.code.localeCompare(b.code)),
    transfer: worstStatus(flows.map((f) => f.transfer)),
    mechanism: commonMechanism(flows),
    engagements: v.engagements.sort((a, b) => a.system.localeCompare(b.system)),
  }));
  return { vendors: summaries.sort((a, b) => a.name.localeCompare(b.name)), engagements, places };
}

/**
 * Vendors by the transfer status of each system's own engagement of them (one group per status), or by country (an
 * engagement is in the group of every country it names, and in "country not stated" when one of its flows leaves out
 * its entity's or its data's country). A vendor two systems engage differently is in a group through each: the edge
 * from a system counts only its own engagements. The groups' words come from words.ts.
 */
function groupVendors(engagements: Engagement[], by: Grouping): Map<string, VendorGroup> {
  const groups = new Map<string, VendorGroup>();
  const add = (value: string, label: string, transfer: TransferStatus, e: Engagement) => {
    const id = groupId("vendor", by, value);
    const g = groups.get(id) ?? { id, by, value, label, transfer, members: new Set<string>(), engagements: new Set<string>() };
    g.members.add(e.vendor);
    g.engagements.add(engagementKey(e.system, e.vendor));
    g.transfer = worstStatus([g.transfer, transfer]);
    groups.set(id, g);
  };
  for (const e of engagements) {
    if (by === "transfer") {
      add(e.transfer, TRANSFER_WORDS[e.transfer], e.transfer, e);
      continue;
    }
    if (e.leavesOutAPlace) add(NOT_STATED, TRANSFER_WORDS["not-stated"], "not-stated", e);
    for (const c of e.countries) add(c.code, c.name, e.transfer, e);
  }
  return groups;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? word : many}`;
}

export class OverviewService {
  constructor(private readonly repo: OverviewRows) {}

  /**
   * Systems → vendors (labelled with the services used) → countries (labelled with the systems the location holds
   * for). Past GROUP_VENDORS_OVER vendors (or when asked), vendors are drawn as groups with counts on their edges,
   * and the groups named in `expand` as their vendors; the lists (`systems`, `vendors`) always hold every one.
   */
  async overview(systems: string[] | null = null, q: Pick<OverviewQuery, "group"> & { expand?: string[] } = { group: "auto" }): Promise<OverviewResponse> {
    const source = await this.repo.snapshot();
    const rows = await source.systems(systems);
    const { vendors, engagements, places } = summarise(rows);
    // A country shows the status needing most attention among the flows there: once per country, not once per edge.
    const placeStatus = new Map([...places].map(([id, statuses]) => [id, worstStatus(statuses)]));
    const grouping: OverviewResponse["grouping"] = q.group === "auto" ? (vendors.length > GROUP_VENDORS_OVER ? "transfer" : "none") : q.group;
    const groups = grouping === "none" ? new Map<string, VendorGroup>() : groupVendors(engagements, grouping);
    const expanded = (q.expand ?? []).filter((id) => groups.has(id));
    // A vendor is drawn as itself when nothing is grouped or one of its groups is expanded.
    const drawn = new Set(vendors.filter((v) => grouping === "none" || expanded.some((g) => groups.get(g)?.members.has(v.id))).map((v) => v.id));
    const status = new Map(vendors.map((v) => [v.id, v.transfer]));

    const elements = new ElementsBuilder();
    for (const r of rows) elements.node(r.system);
    for (const g of groups.values()) {
      if (expanded.includes(g.id)) continue;
      const count = g.members.size;
      elements.aggregate(g.id, "vendor", `${plural(count, "vendor")} · ${g.label}`, {
        transfer: g.transfer,
        group: { by: g.by, value: g.value, count, members: [...g.members].sort() },
      });
    }
    for (const r of rows) for (const v of r.vendors) if (drawn.has(idOf(v.vendor))) elements.node(v.vendor, { transfer: status.get(idOf(v.vendor)) });
    for (const r of rows) {
      for (const v of r.vendors) {
        if (!drawn.has(idOf(v.vendor))) continue;
        for (const p of v.places) elements.node(p.location, { transfer: placeStatus.get(idOf(p.location))! });
      }
    }
    // Groups by transfer status lead on to the countries their vendors name, with how many vendors on each edge.
    const groupPlaces = new Map<string, { group: string; type: string; location: string; vendors: Set<string> }>();
    // The groups not expanded that each engagement puts its vendor in (in the groups' order), so drawing an engagement
    // reads its own groups instead of asking every group (at scale L: 2,500 engagements × a group per country).
    const groupsOf = new Map<string, VendorGroup[]>();
    for (const g of groups.values()) {
      if (expanded.includes(g.id)) continue;
      for (const key of g.engagements) {
        const list = groupsOf.get(key);
        if (list) list.push(g);
        else groupsOf.set(key, [g]);
      }
    }
    for (const r of rows) {
      const system = idOf(r.system);
      const bundles = new Map<string, Set<string>>();
      for (const v of r.vendors) {
        const vendor = idOf(v.vendor);
        if (drawn.has(vendor)) {
          elements.edge(system, "USES_VENDOR", vendor, { label: [...new Set(v.services)].sort().join(", ") || null, provenance: mergeProvenance(...v.flows.map(provenanceOf)) });
          for (const p of v.places) elements.edge(vendor, p.type, idOf(p.location), { label: r.system.name, provenance: provenanceOf(p) });
          continue;
        }
        for (const g of groupsOf.get(engagementKey(r.system.system, vendor)) ?? []) {
          bundles.set(g.id, (bundles.get(g.id) ?? new Set()).add(vendor));
          if (grouping !== "transfer") continue;
          for (const p of v.places) {
            const key = `${g.id}|${p.type}|${idOf(p.location)}`;
            const entry = groupPlaces.get(key) ?? { group: g.id, type: p.type, location: idOf(p.location), vendors: new Set<string>() };
            entry.vendors.add(vendor);
            groupPlaces.set(key, entry);
            elements.node(p.location, { transfer: placeStatus.get(idOf(p.location))! });
          }
        }
      }
      for (const [group, members] of bundles) elements.edge(system, "USES_VENDOR", group, { label: plural(members.size, "vendor"), count: members.size, provenance: [DERIVED] });
    }
    for (const e of groupPlaces.values()) elements.edge(e.group, e.type, e.location, { label: plural(e.vendors.size, "vendor"), count: e.vendors.size, provenance: [DERIVED] });

    // Flows between own systems: system → system, with how many categories each carries; a target not loaded (or
    // outside the chosen systems) is drawn too, saying so.
    const systemFlows = await source.systemFlows(systems);
    for (const f of systemFlows) {
      const loaded = f.targetName !== null;
      const target = elements.node(
        { kind: "system", key: f.target, name: loaded ? f.targetName! : `${f.target} (not loaded)`, system: f.target },
        { ...(loaded ? {} : { notLoaded: true }), ...(systems && !systems.includes(f.target) ? { outside: true } : {}) },
      );
      if (!target) continue;
      const what = [f.tables > 0 ? plural(f.tables, "table") : "", plural(f.categories.length, "category", "categories")].filter(Boolean).join(", ");
      elements.edge(ids.system(f.system), "SENDS_TO", target, { label: loaded ? what : `${what}; not loaded`, count: f.categories.length, ...(f.transfer ? { transfer: f.transfer } : {}) });
    }

    // Connected systems are read over every system's flows, so a data set of one system still names both directions.
    const everyFlow = systems ? await source.systemFlows(null) : systemFlows;
    const connected = (system: string) => ({
      sendsTo: [...new Set(everyFlow.filter((f) => f.system === system && f.target !== system).map((f) => ids.system(f.target)))].sort(),
      receivesFrom: [...new Set(everyFlow.filter((f) => f.target === system && f.system !== system).map((f) => ids.system(f.system)))].sort(),
    });

    return {
      systemFlows: systemFlows.map((f) => ({ flow: f.flow, system: f.system, target: f.target, loaded: f.targetName !== null, transfer: f.transfer, categories: f.categories, tables: f.tables })),
      systems: rows.map((r) => ({ id: idOf(r.system), name: r.system.name, tables: r.tables, vendors: r.vendors.length, connected: connected(r.system.system) })),
      vendors,
      grouping,
      expanded,
      elements: elements.build(),
      truncated: elements.truncated,
      omitted: elements.omitted(),
    };
  }
}
