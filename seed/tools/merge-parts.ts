/**
 * Merges inventory parts of one system (written section by section) into one inventory file.
 * Entities: a described `table` wins over `mentioned`; columns are unioned (a reference column whose
 * target differs between parts keeps no single target: its links stay in `references`).
 * With DOC=<source document>, mentioned tables the document never names (targets guessed from Kentico's
 * naming, e.g. "country" → CMS_Country) are dropped with their links: the built-in data states only what the text does.
 * Usage: [DOC=<document.txt>] tsx seed/tools/merge-parts.ts <out.yaml> <part.yaml>...
 */
import { readFileSync, writeFileSync } from "node:fs";

import { Document, parse, isMap, isSeq, visit } from "yaml";

type Obj = Record<string, unknown> & { columns?: Obj[] };
const [out, ...parts] = process.argv.slice(2);
if (!out || parts.length === 0) throw new Error("usage: merge-parts <out.yaml> <part.yaml>...");
const docs = parts.map((p) => parse(readFileSync(p, "utf8")) as Record<string, Obj[]> & { system: Obj });

const byKey = <T extends Obj>(lists: T[][], key: (t: T) => string): T[] => {
  const m = new Map<string, T>();
  for (const item of lists.flat()) {
    const k = key(item);
    const prev = m.get(k);
    if (!prev) m.set(k, item);
    else if (Array.isArray(prev.vendors) && Array.isArray(item.vendors)) (prev as Obj).vendors = [...new Set([...(prev.vendors as string[]), ...(item.vendors as string[])])];
  }
  return [...m.values()];
};

const entities = new Map<string, Obj>();
const conflicts: string[] = [];
for (const e of docs.flatMap((d) => d.entities ?? [])) {
  const name = e.name as string;
  const prev = entities.get(name);
  if (!prev) {
    entities.set(name, { ...e, columns: [...(e.columns ?? [])] });
    continue;
  }
  const described = (x: Obj) => (x.kind ?? "table") !== "mentioned";
  if (described(prev) && described(e)) throw new Error(`${name} is described in two parts`);
  const [base, other] = described(e) ? [{ ...e, columns: [...(e.columns ?? [])] }, prev] : [prev, e];
  for (const c of other.columns ?? []) {
    const same = base.columns!.find((x) => x.name === c.name);
    if (!same) base.columns!.push(c);
    else if (same.references !== c.references && (same.kind ?? "") === "reference") {
      if (same.references && c.references) conflicts.push(`${name}.${String(c.name)}: ${JSON.stringify(same.references)} vs ${JSON.stringify(c.references)}`);
      if (!described(prev) || !described(e)) {
        // keep the described table's own target; between two mentions, a disputed target is dropped
        if (!described(base) && same.references && c.references) delete same.references;
        else same.references ??= c.references;
      }
    }
  }
  entities.set(name, base);
}

if (process.env.DOC) {
  const text = readFileSync(process.env.DOC, "utf8");
  const unnamed = new Set([...entities.values()].filter((e) => e.kind === "mentioned" && !new RegExp(`\\b${String(e.name)}\\b`).test(text)).map((e) => e.name as string));
  for (const name of unnamed) entities.delete(name);
  for (const e of entities.values()) for (const c of e.columns ?? []) if (unnamed.has(c.references as string)) delete c.references;
  for (const d of docs) d.references = (d.references ?? []).filter((r) => !unnamed.has(r.from as string) && !unnamed.has(r.to as string));
  console.log(`dropped tables the document does not name: ${[...unnamed].join(", ")}`);
}

const refKey = (r: Obj) => `${String(r.from)}>${String(r.to)}:${[...(r.columns as unknown as string[])].sort().join(",")}`;
const merged = {
  $schema: "../inventory.schema.json",
  system: docs[0]!.system,
  subjects: byKey(docs.map((d) => d.subjects ?? []), (s) => s.id as string),
  purposes: byKey(docs.map((d) => d.purposes ?? []), (p) => p.id as string),
  entities: [...entities.values()].sort((a, b) => Number(a.kind === "mentioned") - Number(b.kind === "mentioned")),
  sources: byKey(docs.map((d) => d.sources ?? []), (s) => s.id as string),
  references: byKey(docs.map((d) => d.references ?? []), refKey),
  vendors: docs.flatMap((d) => d.vendors ?? []),
};

const doc = new Document(merged);
// Short maps (a column, a purpose) on one line keep the file readable at ~1,000 columns.
visit(doc, {
  Map(_, node) {
    if (node.items.every((p) => !isMap(p.value) && !(isSeq(p.value) && p.value.items.length > 6)) && JSON.stringify(node.toJSON()).length < 160) node.flow = true;
  },
});
writeFileSync(out, `# Built-in inventory of Kentico, extracted from the document named under system.document.\n${doc.toString({ lineWidth: 0 })}`);
if (conflicts.length) console.error(`reference targets that differed between parts:\n  ${conflicts.join("\n  ")}`);
console.log(`wrote ${out}: ${entities.size} entities`);
