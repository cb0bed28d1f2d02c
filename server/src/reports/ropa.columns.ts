/**
 * The columns of the Art. 30 records: the ICO's documentation templates for controllers (Art. 30(1)) and for processors
 * (Art. 30(2)), in their order and words, plus a few of ours (system, processing activity, role, volume, source
 * document). Each column gives its cell text and what the inventory leaves undocumented in it (the record's gaps), so
 * every "not documented" a cell shows is a gap, and the Gaps sheet lists exactly those.
 */
import type { RopaRow } from "../contract/api.js";
import { FIELDS_NOT_STATED, lawfulBasisWords, NOT_DOCUMENTED, TRANSFER_WORDS } from "../contract/words.js";
import { needsAttention } from "../transfers/transfer.rule.js";

type Row = Omit<RopaRow, "gaps">;

export interface RopaColumn {
  header: string;
  width: number;
  cell: (r: Row) => string;
  /** What is missing in this column of the record, one entry each; empty when it is documented (or not applicable). */
  gaps: (r: Row) => string[];
}

const ND = NOT_DOCUMENTED;
const join = (parts: (string | null | undefined)[]) => parts.filter((p): p is string => Boolean(p)).join(", ");
const orNot = (list: string[]) => (list.length > 0 ? list.join("; ") : ND);
const ifMissing = (missing: boolean, what: string) => (missing ? [what] : []);


const MEASURES = [
  ["encryptionAtRest", "encryption at rest"],
  ["encryptionInTransit", "encryption in transit"],
  ["accessControl", "access control"],
  ["pseudonymisation", "pseudonymisation"],
  ["logging", "logging"],
] as const;
const measureWords = (m: string | boolean | null) => (m === null ? ND : m === true ? "yes" : m === false ? "no" : m);

const system: RopaColumn = { header: "System", width: 16, cell: (r) => r.systemName, gaps: () => [] };

/** Art. 30(1)(a)/(2)(a): the organisation keeping the record (the controller, or the processor for its own records). */
const organisationColumns = (who: "controller" | "processor"): RopaColumn[] => [
  {
    header: `Name and contact details of ${who}`,
    width: 28,
    cell: (r) => (r.organisation.name ? join([r.organisation.name, r.organisation.contact ?? `contact ${ND}`, r.organisation.address]) : ND),
    gaps: (r) => [...ifMissing(!r.organisation.name, `${who} name`), ...ifMissing(!r.organisation.contact, `${who} contact`)],
  },
  {
    header: "Name and contact details of data protection officer",
    width: 24,
    cell: (r) => (r.organisation.dpoContact ? join([r.organisation.dpoName, r.organisation.dpoContact]) : ND),
    gaps: (r) => ifMissing(!r.organisation.dpoContact, "DPO contact"),
  },
  {
    header: "Name and contact details of representative (Art. 27, if applicable)",
    width: 24,
    cell: (r) => (r.organisation.repName ? join([r.organisation.repName, r.organisation.repContact]) : ND),
    gaps: (r) => ifMissing(!r.organisation.repName, "EU representative"),
  },
];

const activity: RopaColumn = {
  header: "Processing activity",
  width: 26,
  cell: (r) => (r.recordFrom === "activity" ? r.record : `${ND} (purpose: ${r.record})`),
  gaps: (r) => ifMissing(r.recordFrom !== "activity", "activity not documented (the purpose is not grouped into a processing activity)"),
};
const role: RopaColumn = { header: "Role", width: 14, cell: (r) => r.role ?? ND, gaps: (r) => ifMissing(!r.role, "role (controller, processor or joint controller)") };
const subjects: RopaColumn = { header: "Categories of individuals", width: 22, cell: (r) => orNot(r.subjects), gaps: (r) => ifMissing(r.subjects.length === 0, "categories of individuals") };
const categories: RopaColumn = { header: "Categories of personal data", width: 32, cell: (r) => orNot(r.categories), gaps: (r) => ifMissing(r.categories.length === 0, "categories of personal data") };
const recipients = (header: string): RopaColumn => ({
  header,
  width: 44,
  cell: (r) =>
    r.recipients.length === 0
      ? "none stated in the inventory"
      : r.recipients
          .map(
            (x) =>
              `${x.vendor}${x.service && x.service !== x.vendor ? ` (${x.service})` : ""}${r.recipients.filter((y) => y.vendor === x.vendor && y.service === x.service).length > 1 ? ` [flow ${x.flow}]` : ""}, ${x.role}, legal entity: ${x.legalName ?? ND}, vendor retention: ${x.retention ?? ND}${x.fields === "not-stated" ? `, ${FIELDS_NOT_STATED}` : ""}`,
          )
          .join("; "),
  gaps: (r) => r.recipients.flatMap((x) => [...ifMissing(!x.legalName, `legal entity of ${x.vendor}`), ...ifMissing(!x.retention, `retention at ${x.vendor}`)]),
});
const countries: RopaColumn = {
  header: "Names of third countries or international organisations that personal data are transferred to (if applicable)",
  width: 40,
  cell: (r) =>
    r.transfers.length === 0
      ? r.recipients.length === 0
        ? "none stated in the inventory"
        : "none: every recipient's countries are in the EEA"
      : r.transfers
          .map((t) => `${t.vendor}${r.transfers.filter((y) => y.vendor === t.vendor).length > 1 ? ` [flow ${t.flow}]` : ""} → ${t.countries.length > 0 ? t.countries.join(", ") : "no country stated"}: ${TRANSFER_WORDS[t.transfer]}${t.transfer === "not-stated" ? ` (where the data goes: ${ND})` : ""}`)
          .join(" | "),
  gaps: (r) => r.transfers.filter((t) => t.transfer === "not-stated").map((t) => `where ${t.vendor} holds the data (${TRANSFER_WORDS["not-stated"]}; flow ${t.flow})`),
};
/** A safeguard is needed where the stored status is third-country or not-stated (an adequate or EEA flow needs none). */
const safeguards: RopaColumn = {
  header: "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
  width: 40,
  cell: (r) => {
    const needing = r.transfers.filter((t) => needsAttention(t.transfer));
    return needing.length === 0 ? "none needed: no transfer to a third country without adequacy" : needing.map((t) => `${t.vendor}${needing.filter((y) => y.vendor === t.vendor).length > 1 ? ` [flow ${t.flow}]` : ""}: ${t.safeguard}`).join("; ");
  },
  gaps: (r) => r.transfers.filter((t) => needsAttention(t.transfer) && t.safeguard === ND).map((t) => `safeguard for the transfer to ${t.vendor} (flow ${t.flow})`),
};
const security: RopaColumn = {
  header: "General description of technical and organisational security measures (if possible)",
  width: 36,
  cell: (r) => [...MEASURES.map(([k, words]) => `${words}: ${measureWords(r.security[k])}`), ...(r.security.notes ? [r.security.notes] : [])].join("; "),
  gaps: (r) => MEASURES.filter(([k]) => r.security[k] === null).map(([, words]) => `security: ${words}`),
};
const location: RopaColumn = {
  header: "Location of personal data",
  width: 24,
  cell: (r) =>
    join([
      `hosted in: ${r.location.hostingCountries ? r.location.hostingCountries.join(", ") : ND}`,
      r.location.legalName || r.location.entityCountry ? `legal entity: ${join([r.location.legalName, r.location.entityCountry])}` : null,
    ]),
  gaps: (r) => ifMissing(!r.location.hostingCountries, "hosting countries"),
};
const sourceDocument: RopaColumn = { header: "Source document", width: 22, cell: (r) => r.sourceDocument ?? ND, gaps: (r) => ifMissing(!r.sourceDocument, "source document") };

/** The ICO's controller template (Art. 30(1)), with the system, activity and role first and the volume after. */
export const CONTROLLER_COLUMNS: RopaColumn[] = [
  system,
  ...organisationColumns("controller"),
  activity,
  role,
  { header: "Purpose of processing", width: 30, cell: (r) => r.purposes.join("; "), gaps: () => [] },
  {
    header: "Name and contact details of joint controller (if applicable)",
    width: 22,
    cell: (r) => (r.role === "joint-controller" ? orNot(r.jointControllers) : r.role ? `not applicable (${r.role})` : `${ND} (role ${ND})`),
    gaps: (r) => ifMissing((r.role === "joint-controller" && r.jointControllers.length === 0) || !r.role, r.role ? "the other joint controllers" : "whether there are joint controllers (role not documented)"),
  },
  subjects,
  categories,
  recipients("Categories of recipients"),
  countries,
  safeguards,
  {
    header: "Retention schedule (if possible)",
    width: 22,
    cell: (r) => r.retention ?? ND,
    gaps: (r) => ifMissing(!r.retention, "retention of the activity's data"),
  },
  security,
  { header: "Article 6 lawful basis for processing personal data", width: 22, cell: (r) => (r.lawfulBasis ? lawfulBasisWords(r.lawfulBasis) : ND), gaps: (r) => ifMissing(!r.lawfulBasis, "lawful basis (Art. 6)") },
  {
    header: "Article 9 basis for processing special category data",
    width: 24,
    cell: (r) => (r.specialCategories.length === 0 ? "not applicable: no special category stated" : `${r.specialCategoryCondition ?? ND} (uses ${r.specialCategories.join(", ")})`),
    gaps: (r) => ifMissing(r.specialCategories.length > 0 && !r.specialCategoryCondition, `Art. 9(2) condition for ${r.specialCategories.join(", ")}`),
  },
  {
    header: "Legitimate interests for the processing (if applicable)",
    width: 24,
    cell: (r) => (r.lawfulBasis === "legitimate-interests" ? (r.legitimateInterest ?? ND) : r.lawfulBasis ? "not applicable" : `${ND} (lawful basis ${ND})`),
    gaps: (r) => ifMissing((r.lawfulBasis === "legitimate-interests" && !r.legitimateInterest) || !r.lawfulBasis, r.lawfulBasis ? "the legitimate interest pursued" : "legitimate interest (lawful basis not documented)"),
  },
  {
    header: "Link to record of legitimate interests assessment (if applicable)",
    width: 22,
    cell: (r) => (r.lawfulBasis === "legitimate-interests" ? (r.liaLink ?? ND) : r.lawfulBasis ? "not applicable" : `${ND} (lawful basis ${ND})`),
    gaps: (r) => ifMissing((r.lawfulBasis === "legitimate-interests" && !r.liaLink) || !r.lawfulBasis, r.lawfulBasis ? "link to the legitimate interests assessment" : "legitimate interests assessment (lawful basis not documented)"),
  },
  {
    header: "Existence of automated decision-making, including profiling (if applicable)",
    width: 22,
    cell: (r) => measureWords(r.automatedDecisions),
    gaps: (r) => ifMissing(r.automatedDecisions === null, "automated decision-making"),
  },
  { header: "The source of the personal data (if applicable)", width: 24, cell: (r) => orNot(r.sources), gaps: (r) => ifMissing(r.sources.length === 0, "source of the personal data") },
  location,
  { header: "Number of data subjects (volume)", width: 16, cell: (r) => r.volume ?? ND, gaps: (r) => ifMissing(!r.volume, "volume (number of data subjects)") },
  sourceDocument,
];

/** The ICO's processor template (Art. 30(2)), one record per controller served, with the system and role first. */
export const PROCESSOR_COLUMNS: RopaColumn[] = [
  system,
  ...organisationColumns("processor"),
  { header: "Name and contact details of controller", width: 24, cell: (r) => r.controllerServed ?? ND, gaps: (r) => ifMissing(!r.controllerServed, "the controller served") },
  activity,
  role,
  { header: "Categories of processing", width: 30, cell: (r) => r.purposes.join("; "), gaps: () => [] },
  subjects,
  categories,
  recipients("Sub-processors and other recipients"),
  countries,
  safeguards,
  security,
  location,
  sourceDocument,
];

export function columnsOf(article: RopaRow["article"]): RopaColumn[] {
  return article === "30(2)" ? PROCESSOR_COLUMNS : CONTROLLER_COLUMNS;
}

export function gapsOf(r: Row): RopaRow["gaps"] {
  return columnsOf(r.article).flatMap((c) => c.gaps(r).map((missing) => ({ field: c.header, missing })));
}
