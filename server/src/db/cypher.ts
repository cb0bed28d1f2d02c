/**
 * Every Cypher statement lives in `cypher/` as one file per question, loaded once at start.
 * Callers name a query by its path (`tables/referenced-by`); an unknown name fails loudly.
 * A block several queries share is a part (`<name>.part.cypher`, not a query of its own): a query's line
 * `// include <name>` stands for the part's text, its first comment line left out.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { REPO_ROOT } from "../repo.js";

export const CYPHER_DIR = path.join(REPO_ROOT, "cypher");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".cypher") ? [path.join(dir, e.name)] : [],
  );
}

const INCLUDE = /^[ \t]*\/\/ include (\S+)[ \t]*$/gm;

/** `text` with each `// include <name>` line replaced by the part's body (its text without its first line); an unknown part throws. */
export function expandIncludes(name: string, text: string, parts: ReadonlyMap<string, string>): string {
  return text.replace(INCLUDE, (_, part: string) => {
    const body = parts.get(part);
    if (body === undefined) throw new Error(`cypher/${name}.cypher includes ${part}, but there is no cypher/${part}.part.cypher`);
    return body.slice(body.indexOf("\n") + 1);
  });
}

function loadAll(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of walk(dir)) {
    const name = path.relative(dir, file).replace(/\\/g, "/").replace(/\.cypher$/, "");
    const text = readFileSync(file, "utf8").trim();
    if (!text.startsWith("//")) throw new Error(`cypher/${name}.cypher must start with a one-line comment saying what it ${name.endsWith(".part") ? "holds" : "returns"}`);
    files.set(name, text);
  }
  const parts = new Map([...files].filter(([name]) => name.endsWith(".part")).map(([name, text]) => [name.slice(0, -".part".length), text]));
  return new Map([...files].filter(([name]) => !name.endsWith(".part")).map(([name, text]) => [name, expandIncludes(name, text, parts)]));
}

const queries = loadAll(CYPHER_DIR);

/** The names of every query file, for start-up work that touches them all (warm.ts). */
export function cypherNames(): string[] {
  return [...queries.keys()].sort();
}

export function cypher(name: string): string {
  const q = queries.get(name);
  if (q === undefined) throw new Error(`No Cypher file cypher/${name}.cypher`);
  return q;
}

/** A file holding several statements separated by `;` (schema set-up): run them one by one. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, "").trim())
    .filter((s) => s.length > 0);
}
