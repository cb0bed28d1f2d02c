/**
 * A synthetic company estate for the benchmark: deterministic (one seeded PRNG), valid inventories with the shape of
 * a real one. Systems of tables with 5–40 columns (~40 % personal, spread over the catalogue's categories),
 * references within a system, sources that feed and copy tables, and vendors shared across systems (popular ones
 * used by many) with entity and data countries and a transfer mechanism; some vendors have no country (unknown) and
 * some flows no mechanism; each system's data also flows into two of the company's other systems (`systemFlows`).
 * Pure: files are written by `generate.ts`.
 */
import type { InventoryInput } from "../server/src/inventory/inventory.schema.js";

export const SCALES = {
  S: { systems: 3, tables: 60, vendors: 15 },
  M: { systems: 20, tables: 2_000, vendors: 200 },
  L: { systems: 100, tables: 20_000, vendors: 1_000 },
} as const;
export type Scale = keyof typeof SCALES;

export interface EstateOptions {
  scale: Scale;
  seed: number;
  /** Reuse table names across systems (`users` in several systems); only loads once ids are system-scoped. */
  sharedNames: boolean;
  /** Category ids of the shared catalogue. */
  categories: readonly string[];
  /** Country codes of the shared catalogue, with EEA membership. */
  countries: readonly { code: string; eea: boolean }[];
}

export interface EstateFile {
  /** File name, e.g. `sys-07-billing.yaml`. */
  name: string;
  inventory: InventoryInput;
}

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `n` distinct items (fewer when there are not enough). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
  /** Index in [0, n) with weight 1/(i+1)^s: a few popular items and a long tail. */
  zipf(n: number, s: number, cumulative: number[]): number {
    if (cumulative.length !== n) {
      cumulative.length = 0;
      let acc = 0;
      for (let i = 0; i < n; i++) cumulative.push((acc += 1 / (i + 1) ** s));
    }
    const x = this.next() * cumulative[n - 1]!;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const SYSTEM_WORDS = ["crm", "billing", "shop", "hr", "support", "marketing", "erp", "portal", "analytics", "identity", "payroll", "logistics", "booking", "lms", "cms", "helpdesk", "warehouse", "loyalty", "events", "forms"];
const TABLE_WORDS = [
  "User", "Customer", "Contact", "Account", "Address", "Order", "OrderItem", "Invoice", "Payment", "Subscription", "Consent", "Newsletter",
  "Lead", "Campaign", "Session", "Event", "Ticket", "Message", "Comment", "Employee", "Department", "Contract", "Shipment", "Review",
  "Profile", "Device", "Login", "AuditLog", "Preference", "Voucher", "Refund", "Survey", "Answer", "Attachment", "Note", "Task",
  "Booking", "Member", "Group", "Role",
];
const SUBJECTS = [
  { id: "customer", name: "Customer" },
  { id: "employee", name: "Employee" },
  { id: "lead", name: "Sales lead" },
  { id: "visitor", name: "Website visitor" },
  { id: "supplier-contact", name: "Supplier contact" },
];
const PURPOSE_WORDS = ["Order fulfilment", "Invoicing", "Customer support", "Marketing e-mails", "Analytics", "Fraud prevention", "Authentication", "Hosting", "Backups", "Payroll", "Recruiting", "Shipping", "Surveys", "Personalisation", "Logging"];
const VENDOR_A = ["Blue", "North", "Bright", "Swift", "Cloud", "Open", "Data", "Peak", "Green", "Iron", "Silver", "Nova", "Terra", "Quant", "Echo", "Polar", "Urban", "Prime", "Vector", "Atlas"];
const VENDOR_B = ["Mail", "Pay", "Analytics", "Hosting", "Support", "Sign", "Forms", "Chat", "CRM", "Backup", "Logs", "Ads", "Maps", "SMS", "Search", "Storage", "HR", "Survey", "CDN", "ID"];
const SERVICES = ["E-mail delivery", "Payments", "Web analytics", "Cloud hosting", "Helpdesk", "E-signature", "Live chat", "Backups", "Log management", "Advertising", "SMS", "Search", "Object storage", "Surveys"];
const ROLES = ["sub-processor", "third-party", "storage"] as const;
const RETENTION = ["30 days", "90 days", "1 year", "2 years", "until deletion", "6 years after contract end"];

/** Column names a personal column of each category may take. */
const PERSONAL_NAMES: Record<string, string[]> = {
  name: ["FirstName", "LastName", "FullName", "MiddleName", "DisplayName"],
  "email-address": ["Email", "EmailAddress", "WorkEmail", "BillingEmail"],
  "phone-number": ["Phone", "Mobile", "WorkPhone", "Fax"],
  "postal-address": ["Street", "City", "ZipCode", "AddressLine1", "AddressLine2"],
  "ip-address": ["IpAddress", "LastLoginIp"],
  username: ["UserName", "Nickname", "Login"],
  password: ["PasswordHash", "PasswordSalt"],
  "date-of-birth": ["BirthDate", "DateOfBirth"],
  gender: ["Gender"],
  "online-identifier": ["CookieId", "DeviceId", "TrackingId"],
  location: ["Latitude", "Longitude", "GeoRegion"],
  "device-information": ["UserAgent", "Browser", "Os"],
  url: ["Website", "ReferrerUrl"],
  "user-content": ["Body", "CommentText", "Bio"],
  "financial-information": ["Iban", "CardLast4", "TaxId", "BankName"],
  "order-information": ["OrderTotal", "CartItems"],
  "professional-information": ["JobTitle", "Company", "Department"],
};
const SYSTEM_COLUMNS = ["Created", "Modified", "Status", "Version", "Guid", "SortOrder", "Enabled", "Code", "Notes", "Flags", "Source", "Culture", "Amount", "Currency", "Type"];

/** Adequacy decisions among the catalogue's non-EEA countries (mechanism for a vendor sitting there). */
const ADEQUATE = new Set(["CH", "GB", "CA", "JP", "IL", "NZ", "KR", "UY", "AR"]);

interface VendorProfile {
  id: string;
  name: string;
  legalName: string;
  entityCountry?: string;
  dataCountries: string[];
  mechanism?: "adequacy" | "dpf" | "scc" | "bcr" | "derogation";
  service: string;
}

function vendorProfiles(d: Dice, n: number, countries: EstateOptions["countries"]): VendorProfile[] {
  const eea = countries.filter((c) => c.eea).map((c) => c.code);
  const outside = countries.filter((c) => !c.eea).map((c) => c.code);
  const us = outside.includes("US") ? "US" : outside[0];
  const out: VendorProfile[] = [];
  for (let i = 0; i < n; i++) {
    const base = `${VENDOR_A[i % VENDOR_A.length]} ${VENDOR_B[Math.floor(i / VENDOR_A.length) % VENDOR_B.length]}`;
    const round = Math.floor(i / (VENDOR_A.length * VENDOR_B.length));
    const name = round > 0 ? `${base} ${round + 1}` : base;
    const id = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const v: VendorProfile = { id, name, legalName: `${name} ${d.pick(["Ltd", "Inc.", "GmbH", "SAS", "B.V.", "AB"])}`, dataCountries: [], service: d.pick(SERVICES) };
    // ~8 % unknown (no country at all); the rest sit mostly in the EEA or the US.
    if (!d.chance(0.08)) {
      const home = d.chance(0.45) ? d.pick(eea) : d.chance(0.6) && us ? us : d.pick(outside.length > 0 ? outside : eea);
      if (!d.chance(0.05)) v.entityCountry = home;
      v.dataCountries = [...new Set([home, ...d.sample(d.chance(0.5) ? eea : [...eea, ...outside], d.int(0, 2))])];
      const abroad = v.dataCountries.filter((c) => !eea.includes(c));
      // ~15 % of vendors transferring outside the EEA state no mechanism.
      if (abroad.length > 0 && !d.chance(0.15)) {
        v.mechanism = abroad.every((c) => ADEQUATE.has(c)) ? "adequacy" : abroad.includes("US") && d.chance(0.5) ? "dpf" : d.pick(["scc", "scc", "bcr", "derogation"] as const);
      }
    }
    out.push(v);
  }
  return out;
}

interface TablePlan {
  name: string;
  columns: { name: string; kind: "personal" | "system" | "reference"; category?: string; references?: string; purposes?: string[] }[];
}

/** Table counts per system: a few big systems, many small ones, summing to `total`. */
function tableCounts(d: Dice, systems: number, total: number): number[] {
  const weights = Array.from({ length: systems }, () => 0.3 + d.next() ** 2 * 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(5, Math.round((w / sum) * total)));
  counts[0]! += total - counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => Math.max(5, c));
}

export function generateEstate(opts: EstateOptions): EstateFile[] {
  const files = generateSystems(opts);
  addSystemFlows(files, opts);
  return files;
}

function generateSystems(opts: EstateOptions): EstateFile[] {
  const d = new Dice(prng(opts.seed));
  const scale = SCALES[opts.scale];
  const vendors = vendorProfiles(d, scale.vendors, opts.countries);
  const zipfCache: number[] = [];
  const counts = tableCounts(d, scale.systems, scale.tables);
  // Every vendor is used by at least one system; popular ones by many.
  const firstUse = new Map<number, number[]>();
  vendors.forEach((_, vi) => {
    const si = vi % scale.systems;
    firstUse.set(si, [...(firstUse.get(si) ?? []), vi]);
  });
  const perSystemVendors = Math.max(3, Math.round((scale.vendors * 2.5) / scale.systems));

  return counts.map((tableCount, si) => {
    const word = SYSTEM_WORDS[si % SYSTEM_WORDS.length]!;
    const systemId = `sys-${String(si + 1).padStart(3, "0")}-${word}`;
    const prefix = opts.sharedNames ? "" : `S${si + 1}_`;
    const kind = d.chance(0.2) ? "saas" : "self-hosted";
    const subjects = d.sample(SUBJECTS, d.int(2, 4));

    // Vendors this system engages: its guaranteed ones, then popular ones drawn by rank.
    const used = new Set(firstUse.get(si) ?? []);
    const want = Math.min(scale.vendors, Math.max(used.size, d.int(Math.ceil(perSystemVendors / 2), Math.ceil(perSystemVendors * 1.5))));
    for (let guard = 0; used.size < want && guard < want * 20; guard++) used.add(d.zipf(scale.vendors, 0.9, zipfCache));
    const sysVendors = [...used].sort((a, b) => a - b).map((i) => vendors[i]!);

    const purposes = d.sample(PURPOSE_WORDS, d.int(4, 8)).map((name, i) => ({
      id: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      name,
      vendors: sysVendors.filter((_, vi) => vi % 8 === i).slice(0, 3).map((v) => v.id),
    }));
    const purposeIds = purposes.map((p) => p.id);

    // Tables and columns.
    const tables: TablePlan[] = [];
    const taken = new Set<string>();
    for (let t = 0; t < tableCount; t++) {
      const baseWord = TABLE_WORDS[t % TABLE_WORDS.length]!;
      const round = Math.floor(t / TABLE_WORDS.length);
      let name = `${prefix}${baseWord}${round > 0 ? `_${round + 1}` : ""}`;
      while (taken.has(name)) name += "_x";
      taken.add(name);
      tables.push({ name, columns: [] });
    }
    for (const [ti, table] of tables.entries()) {
      // 5–40 columns, most tables small: mean about 20.
      const n = 5 + Math.floor(36 * d.next() ** 1.2);
      const names = new Set<string>();
      const unique = (s: string) => {
        let c = s;
        for (let k = 2; names.has(c); k++) c = `${s}${k}`;
        names.add(c);
        return c;
      };
      table.columns.push({ name: unique(`${table.name.replace(prefix, "")}ID`), kind: "system" });
      for (let c = 1; c < n; c++) {
        const r = d.next();
        if (r < 0.4) {
          const category = d.pick(opts.categories);
          const words = PERSONAL_NAMES[category] ?? [category.replace(/(^|-)([a-z])/g, (_, __, x: string) => x.toUpperCase())];
          const purposesOf = d.chance(0.5) ? d.sample(purposeIds, d.int(1, 2)) : [];
          table.columns.push({ name: unique(d.pick(words)), kind: "personal", category, ...(purposesOf.length > 0 ? { purposes: purposesOf } : {}) });
        } else if (r < 0.52 && tables.length > 1) {
          // A reference to another table of the system, mostly to the first ("hub") tables, as real schemas do.
          const target = tables[d.chance(0.6) ? d.int(0, Math.min(9, tables.length - 1)) : d.int(0, tables.length - 1)]!;
          if (target === tables[ti]) table.columns.push({ name: unique("ParentID"), kind: "system" });
          else table.columns.push({ name: unique(`${target.name.replace(prefix, "")}ID`), kind: "reference", references: target.name });
        } else {
          table.columns.push({ name: unique(d.pick(SYSTEM_COLUMNS)), kind: "system" });
        }
      }
    }
    const personal = tables.flatMap((t) => t.columns.filter((c) => c.kind === "personal").map((c) => `${t.name}.${c.name}`));
    const refColumns = tables.flatMap((t) => t.columns.filter((c) => c.kind === "reference").map((c) => ({ from: t.name, column: c.name, to: c.references! })));

    // Sources: one per ~10 tables, each feeding a few tables, some copying from others.
    const sources = Array.from({ length: Math.max(1, Math.round(tableCount / 10)) }, (_, i) => {
      const feeds = d.sample(tables, d.int(1, 5));
      const copiesFrom = d.chance(0.35) ? d.sample(tables.filter((t) => !feeds.includes(t)), d.int(1, 2)).map((t) => t.name) : [];
      const fills = feeds.flatMap((t) => d.sample(t.columns.filter((c) => c.kind === "personal"), d.int(0, 2)).map((c) => `${t.name}.${c.name}`));
      return { id: `source-${i + 1}`, name: `${d.pick(["Web form", "Import", "API", "Sync", "Batch job", "Mobile app"])} ${i + 1}`, feeds: feeds.map((t) => t.name), copiesFrom, fills };
    });

    // "Table X points at this table" lists for a share of the reference columns.
    const references = d.sample(refColumns, Math.round(refColumns.length * 0.2)).map((r) => ({ from: r.from, columns: [r.column], to: r.to, form: d.chance(0.5) ? ("incoming" as const) : ("outgoing" as const) }));

    const vendorFlows = sysVendors.map((v) => {
      const receives = d.chance(0.25) ? [`${d.pick(tables).name}.*`] : d.sample(personal, d.int(1, 8));
      const sendsBack = d.chance(0.1) ? d.sample(personal, 1) : [];
      return {
        vendor: { id: v.id, name: v.name, legalName: v.legalName },
        service: v.service,
        role: d.pick(ROLES),
        purpose: d.pick(PURPOSE_WORDS),
        ...(v.entityCountry ? { entityCountry: v.entityCountry } : {}),
        dataCountries: v.dataCountries,
        ...(v.mechanism ? { mechanism: v.mechanism } : {}),
        retention: d.pick(RETENTION),
        receives,
        sendsBack,
      };
    });

    const inventory: InventoryInput = {
      system: { id: systemId, name: `${word.toUpperCase()} ${si + 1}`, kind, description: `Synthetic ${opts.scale} estate, seed ${opts.seed}.` },
      subjects,
      purposes,
      entities: tables.map((t, i) => ({
        name: t.name,
        kind: "table" as const,
        subjects: [subjects[i % subjects.length]!.id],
        columns: t.columns,
      })),
      sources,
      references,
      vendors: vendorFlows,
    };
    return { name: `${systemId}.yaml`, inventory };
  });
}

/** How many other systems each system's data flows into (when the estate has that many). */
export const FLOWS_PER_SYSTEM = 2;

/**
 * Flows between own systems (issue 18), added after the systems from a PRNG of their own, so the rest of an estate is
 * the same with or without them: each system feeds the next system and one further on (`FLOWS_PER_SYSTEM` others), in
 * turn as 1–4 copies with stated column pairs, 1–4 category-scoped table copies, or 2–4 categories sent without naming
 * tables (a Fides egress). A copy goes from one of the system's tables holding personal data (mostly its first, "hub"
 * tables) into a table of the other system that exists; a stated pair joins columns of the same category where the two
 * tables have one, else two personal columns. Some systems state their legal entity's and hosting countries (some
 * outside the EEA), and some flows into a system outside the EEA their mechanism, so the flows get every transfer status.
 */
function addSystemFlows(files: EstateFile[], opts: EstateOptions): void {
  const n = files.length;
  if (n < 2) return;
  const d = new Dice(prng((opts.seed ^ 0x5eed_f10) >>> 0));
  const eea = opts.countries.filter((c) => c.eea).map((c) => c.code);
  const outside = opts.countries.filter((c) => !c.eea).map((c) => c.code);
  const abroad = new Set<string>();
  for (const f of files) {
    // ~70 % state where they are hosted; a fifth of those outside the EEA (mostly the US).
    if (!d.chance(0.7)) continue;
    const out = outside.length > 0 && d.chance(0.2);
    const home = out ? (outside.includes("US") && d.chance(0.7) ? "US" : d.pick(outside)) : d.pick(eea);
    if (out) abroad.add(f.inventory.system.id);
    f.inventory.system.hostingCountries = [home];
    if (d.chance(0.8)) f.inventory.system.legalEntity = { name: `${f.inventory.system.name} Operations Ltd`, country: home };
  }
  const personalTables = (f: EstateFile) => f.inventory.entities.filter((e) => (e.columns ?? []).some((c) => c.kind === "personal"));
  const pickTable = (tables: ReturnType<typeof personalTables>) => tables[d.chance(0.6) ? d.int(0, Math.min(9, tables.length - 1)) : d.int(0, tables.length - 1)]!;
  const personalOf = (e: ReturnType<typeof personalTables>[number]) => (e.columns ?? []).filter((c) => c.kind === "personal");

  files.forEach((f, si) => {
    const targets = [...new Set([(si + 1) % n, (si + 1 + 1 + (si % Math.max(1, n - 2))) % n])].filter((t) => t !== si).slice(0, FLOWS_PER_SYSTEM);
    const ours = personalTables(f);
    f.inventory.systemFlows = targets.map((ti, j) => {
      const target = files[ti]!;
      const theirs = personalTables(target);
      const style = (si + j) % 3;
      const to = target.inventory.system.id;
      const mechanism = abroad.has(to) && d.chance(0.7) ? { mechanism: d.pick(["scc", "scc", "bcr", "dpf"] as const) } : {};
      if (style === 2 || ours.length === 0 || theirs.length === 0) {
        const categories = [...new Set(ours.flatMap((e) => personalOf(e).map((c) => c.category!)))];
        const sent = d.sample(categories.length > 0 ? categories : opts.categories, d.int(2, 4)).sort();
        return { to, description: `Categories sent to ${target.inventory.system.name}`, categories: sent, ...mechanism };
      }
      const copies: { from: string; to: string; columns?: { from: string; to: string }[] }[] = [];
      const pairsSeen = new Set<string>();
      for (let k = d.int(1, 4); k > 0; k--) {
        const from = pickTable(ours);
        // A stated copy lands where the other system holds the same data: a table with a column of its first column's category.
        const first = d.pick(personalOf(from));
        let into = pickTable(theirs);
        for (let tries = 0; style === 0 && tries < 20 && !personalOf(into).some((c) => c.category === first.category); tries++) into = pickTable(theirs);
        const key = `${from.name}>${into.name}`;
        if (pairsSeen.has(key)) continue;
        pairsSeen.add(key);
        if (style === 1) {
          copies.push({ from: from.name, to: into.name });
          continue;
        }
        const columns: { from: string; to: string }[] = [];
        const targetCols = personalOf(into);
        for (const c of [first, ...d.sample(personalOf(from).filter((c) => c !== first), d.int(0, 2))]) {
          const same = targetCols.filter((t) => t.category === c.category);
          // Beyond the first pair, only columns of the same category are paired.
          const landing = same.length > 0 ? d.pick(same) : c === first ? d.pick(targetCols) : null;
          if (landing && !columns.some((m) => m.to === landing.name)) columns.push({ from: c.name, to: landing.name });
        }
        copies.push({ from: from.name, to: into.name, columns });
      }
      return { to, description: `${style === 0 ? "Stated column copies" : "Table copies"} into ${target.inventory.system.name}`, copies, ...mechanism };
    });
  });
}

/** Counts of what an estate holds (for the generator's summary and the benchmark's report). */
export function estateCounts(files: EstateFile[]): { systems: number; tables: number; columns: number; personal: number; vendors: number; flows: number; systemFlows: number; systemCopies: number } {
  const vendors = new Set<string>();
  let tables = 0;
  let columns = 0;
  let personal = 0;
  let flows = 0;
  let systemFlows = 0;
  let systemCopies = 0;
  for (const f of files) {
    tables += f.inventory.entities.length;
    for (const e of f.inventory.entities) {
      columns += e.columns?.length ?? 0;
      personal += e.columns?.filter((c) => c.kind === "personal").length ?? 0;
    }
    for (const v of f.inventory.vendors ?? []) vendors.add(v.vendor.id);
    flows += f.inventory.vendors?.length ?? 0;
    systemFlows += f.inventory.systemFlows?.length ?? 0;
    systemCopies += (f.inventory.systemFlows ?? []).reduce((sum, s) => sum + (s.copies?.length ?? 0), 0);
  }
  return { systems: files.length, tables, columns, personal, vendors: vendors.size, flows, systemFlows, systemCopies };
}
