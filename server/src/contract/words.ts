/**
 * The words every output uses for the server's transfer fields (screen, CSV, exports, reports), so they read the same
 * everywhere. Values only, no zod: the client imports this module at run time.
 */
import type { Mechanism, TransferStatus } from "./api.js";

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
