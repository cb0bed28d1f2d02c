/**
 * Free text from other formats → the catalogue's ids: a data category given by our id, its name, an alias or its
 * fideslang key; a country given by alpha-2, alpha-3, name or alias. Spelling is forgiven (case, spaces, dashes,
 * underscores); anything else is the caller's to report.
 */
import path from "node:path";

import { z } from "zod";

import { SourceFile, type Catalogue } from "../inventory/inventory.parse.js";

/** seed/catalogue/fideslang.yaml: every `user.*` key of the fideslang default taxonomy → a category id. */
export const FideslangMapSchema = z
  .object({
    categories: z.record(z.string().regex(/^user(\.[a-z0-9_]+)*$/), z.string().min(1)),
    systemKeys: z.array(z.string()).default([]),
  })
  .strict();
export type FideslangMap = z.infer<typeof FideslangMapSchema>;

export async function readFideslangMap(catalogueDir: string): Promise<FideslangMap> {
  return (await SourceFile.read(path.join(catalogueDir, "fideslang.yaml"))).parse(FideslangMapSchema);
}

/** Case, spaces, dashes and underscores do not matter: "E-mail Address" = "email_address". */
export function normalise(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s_\-.'’]+/g, "");
}

export type FideslangResolution =
  | { kind: "personal"; category: string; exact: boolean }
  | { kind: "system" }
  | { kind: "unknown" };

export class CatalogueLookup {
  private readonly categoryByText = new Map<string, string>();
  private readonly categoryByFideslang = new Map<string, string>();
  private readonly countryByText = new Map<string, string>();

  constructor(
    readonly catalogue: Catalogue,
    private readonly fides: FideslangMap,
  ) {
    for (const [key, id] of Object.entries(fides.categories)) this.categoryByFideslang.set(key, id);
    // A category's own key wins over the default-taxonomy table (it may be an extension key of ours).
    for (const c of catalogue.categories.values()) if (c.fideslang) this.categoryByFideslang.set(c.fideslang, c.id);
    for (const c of catalogue.categories.values()) {
      for (const text of [...c.aliases, c.name, c.id]) this.categoryByText.set(normalise(text), c.id);
    }
    for (const c of catalogue.countries.values()) {
      for (const text of [...c.aliases, c.name]) this.countryByText.set(normalise(text), c.code);
      if (c.alpha3) this.countryByText.set(normalise(c.alpha3), c.code);
      this.countryByText.set(normalise(c.code), c.code);
    }
  }

  static async read(catalogueDir: string, catalogue: Catalogue): Promise<CatalogueLookup> {
    return new CatalogueLookup(catalogue, await readFideslangMap(catalogueDir));
  }

  /** A category id from our id, name, alias or fideslang key; undefined when nothing matches. */
  category(text: string): string | undefined {
    const t = text.trim();
    if (/^[a-z0-9_]+(\.[a-z0-9_]+)+$|^user$/.test(t)) {
      const r = this.fideslang(t);
      if (r.kind === "personal" && r.exact) return r.category;
    }
    return this.categoryByText.get(normalise(t));
  }

  /**
   * A fideslang data category key: `system.*` is not personal; a `user.*` key maps through the table, and a key the
   * table lacks (an organisation's own extension, `user.contact.email.work`) through its nearest known parent.
   */
  fideslang(key: string): FideslangResolution {
    if (key === "system" || key.startsWith("system.") || this.fides.systemKeys.includes(key)) return { kind: "system" };
    const exact = this.categoryByFideslang.get(key);
    if (exact) return { kind: "personal", category: exact, exact: true };
    if (!key.startsWith("user.")) return { kind: "unknown" };
    for (let parent = key; parent.includes("."); ) {
      parent = parent.slice(0, parent.lastIndexOf("."));
      const hit = this.categoryByFideslang.get(parent);
      if (hit) return { kind: "personal", category: hit, exact: false };
    }
    return { kind: "unknown" };
  }

  /** The fideslang key a category is exported as. */
  fideslangKeyOf(categoryId: string): string | undefined {
    return this.catalogue.categories.get(categoryId)?.fideslang;
  }

  /** An alpha-2 code from an alpha-2 or alpha-3 code, a name or an alias; undefined when unknown. */
  country(text: string): string | undefined {
    return this.countryByText.get(normalise(text));
  }
}
