/**
 * The words every output uses for the server's transfer fields (screen, CSV, exports, reports), so they read the same
 * everywhere. Values only, no zod: the client imports this module at run time.
 */
import type { Mechanism, Provenance, TransferStatus } from "./api.js";

/**
 * Transfer statuses by how much attention they need, worst first (what a DPIA must address before what is settled):
 * the order every list, legend, filter and summary uses, and the severity the server's rule takes the worst by.
 */
export const TRANSFER_ORDER: readonly TransferStatus[] = ["third-country", "not-stated", "adequate", "eea"];

export const TRANSFER_WORDS: Record<TransferStatus, string> = {
  "third-country": "third country",
  "not-stated": "country not stated",
  adequate: "adequacy",
  eea: "EEA",
};

export const MECHANISM_WORDS: Record<Mechanism, string> = {
  adequacy: "adequacy decision (Art. 45)",
  dpf: "EU-US Data Privacy Framework",
  scc: "standard contractual clauses (Art. 46)",
  bcr: "binding corporate rules (Art. 47)",
  derogation: "derogation (Art. 49)",
};

/** What every output says where the inventory is silent. */
export const NOT_DOCUMENTED = "not documented";

/** An activity's lawful basis (GDPR Art. 6(1)(a)–(f)) as every record, pack and export words it. */
export const LAWFUL_BASIS_WORDS: Readonly<Record<string, string>> = {
  consent: "consent (Art. 6(1)(a))",
  contract: "contract (Art. 6(1)(b))",
  "legal-obligation": "legal obligation (Art. 6(1)(c))",
  "vital-interests": "vital interests (Art. 6(1)(d))",
  "public-task": "public task (Art. 6(1)(e))",
  "legitimate-interests": "legitimate interests (Art. 6(1)(f))",
};

/** A lawful basis in words; a value outside Art. 6(1) as it is written. */
export const lawfulBasisWords = (basis: string): string => LAWFUL_BASIS_WORDS[basis] ?? basis;

/** What every output says of a vendor flow whose inventory names no field it receives (it is listed, never dropped). */
export const FIELDS_NOT_STATED = "fields received: not stated";

/** What the access/erasure checklist says where the inventory states no identity key, erasure action or vendor contact. */
export const NOT_STATED = "not stated";

/** An erasure action as every output words it: "erase", "anonymise", "keep: <reason> (retention: …)", or "not stated". */
export function erasureWords(e: { action: "erase" | "anonymise" | "keep"; reason: string | null; retention: string | null } | null | undefined): string {
  if (!e) return NOT_STATED;
  const why = [e.reason, e.retention ? `retention: ${e.retention}` : null].filter(Boolean).join("; ");
  return why ? `${e.action}: ${why}` : e.action;
}

export function safeguardWords(mechanism: Mechanism | null | undefined): string {
  return mechanism ? MECHANISM_WORDS[mechanism] : NOT_DOCUMENTED;
}

/** How every output cites where a fact comes from (details panel, evidence list, CSVs, DPIA pack): `kentico.yaml:2793 · from 'Personal data in Kentico', E-commerce`. */
export function citation(p: Provenance): string {
  switch (p.kind) {
    case "stated": {
      const from = [p.document ? `'${p.document}'` : "", p.section ?? ""].filter(Boolean).join(", ");
      return `${p.file}:${p.line}${from ? ` · from ${from}` : ""}`;
    }
    case "inferred":
      return `inferred (${p.rule})`;
    case "suggested":
      return `suggested (${p.rule})`;
    case "not-stated":
      return `${p.field}: not stated`;
    case "observed":
      return `observed: job ${p.job}, run ${p.run} at ${p.eventTime}`;
    case "derived":
      return "derived from its members";
  }
}

/** A fact's provenance as one line of text: its citations, `; `-separated ("" when there is none). */
export function citations(list: readonly Provenance[] | undefined): string {
  return (list ?? []).map(citation).join("; ");
}
