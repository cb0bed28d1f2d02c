/**
 * Reads a view's definition as PostgreSQL prints it (`pg_get_viewdef(oid, true)` with an empty `search_path`, so every
 * relation is schema-qualified and, in a query over several relations, every column qualified by its alias): which
 * relation each alias names, and for each output column whether it is a plain column reference (`a.postal_code AS
 * "zip code"`) or computed (`(cu.first_name || ' ') || cu.last_name AS name`), with the columns it mentions.
 * `pg_depend` says which columns a view reads; this only pairs them with the output columns.
 */

const IDENT = String.raw`"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*`;
const KEYWORDS = new Set(
  ["on", "join", "left", "right", "full", "inner", "outer", "cross", "natural", "lateral", "where", "group", "order", "having", "limit", "offset",
    "fetch", "for", "window", "union", "intersect", "except", "using", "tablesample", "with", "from", "select", "as"],
);

export interface QualifiedName {
  schema: string;
  name: string;
}

export interface ColumnMention {
  /** The alias (or relation name) before the dot; absent for an unqualified column. */
  qualifier?: string;
  column: string;
}

export interface ViewTarget {
  /** The expression as printed, without its `AS` name. */
  expr: string;
  /** Set when the expression is exactly one column reference. */
  plain?: ColumnMention;
  /** Every `alias.column` the expression mentions (for a plain reference, that one). */
  mentions: ColumnMention[];
}

export interface ParsedView {
  /** Alias (or unaliased relation name) → the schema-qualified relation it names, from every FROM/JOIN of the text. */
  aliases: Map<string, QualifiedName>;
  /** The top-level select list in order, or null when the definition is not one plain SELECT (WITH, UNION, …). */
  targets: ViewTarget[] | null;
}

export function unquote(ident: string): string {
  return ident.startsWith('"') ? ident.slice(1, -1).replace(/""/g, '"') : ident.toLowerCase();
}

/** The text with string literals blanked out (same length), so nothing inside them is read as SQL. */
function blankStrings(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, (s) => `'${" ".repeat(s.length - 2)}'`);
}

/** Where `sep` matches at the top level (outside parentheses and double quotes): [start, end] of each match. */
function topLevelMatches(sql: string, sep: RegExp): [number, number][] {
  const found: [number, number][] = [];
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0) {
      const m = sep.exec(sql.slice(i));
      if (m) {
        found.push([i, i + m[0].length]);
        i += m[0].length - 1;
      }
    }
  }
  return found;
}

/** Splits at top-level matches of `sep` (which must be anchored with `^`). */
function splitTopLevel(sql: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const [a, b] of topLevelMatches(sql, sep)) {
    parts.push(sql.slice(start, a));
    start = b;
  }
  parts.push(sql.slice(start));
  return parts;
}

const MENTION = new RegExp(String.raw`(?<![A-Za-z0-9_$."])(${IDENT})\s*\.\s*(${IDENT})(?![A-Za-z0-9_$]*\s*\()`, "g");

function mentionsIn(expr: string): ColumnMention[] {
  return [...expr.matchAll(MENTION)].map((m) => ({ qualifier: unquote(m[1]!), column: unquote(m[2]!) }));
}

function target(text: string): ViewTarget {
  const trimmed = text.trim();
  // Only a top-level AS names the column: `CAST(x AS int)` keeps its AS inside parentheses.
  const as = topLevelMatches(blankStrings(trimmed), /^\s+AS\s+/i).at(-1);
  const name = as ? trimmed.slice(as[1]) : "";
  const expr = as && new RegExp(String.raw`^(?:${IDENT})$`).test(name) ? trimmed.slice(0, as[0]).trim() : trimmed;
  const plain = new RegExp(String.raw`^(?:(${IDENT})\.)?(${IDENT})$`).exec(expr);
  if (plain && !/^(true|false|null)$/i.test(expr)) {
    const mention: ColumnMention = plain[1] ? { qualifier: unquote(plain[1]), column: unquote(plain[2]!) } : { column: unquote(plain[2]!) };
    return { expr, plain: mention, mentions: [mention] };
  }
  return { expr, mentions: mentionsIn(blankStrings(expr)) };
}

/**
 * `isRelation` says whether a schema-qualified name is a relation of the database: in a comma-separated FROM list
 * `schema.table alias` looks like the `alias.column` of a select list.
 */
export function parseViewDefinition(definition: string, isRelation: (q: QualifiedName) => boolean = () => true): ParsedView {
  const sql = blankStrings(definition.trim().replace(/;\s*$/, ""));
  const aliases = new Map<string, QualifiedName>();
  const notKeyword = `(?!(?:${[...KEYWORDS].join("|")})\\b)`;
  const relation = new RegExp(String.raw`(?:\bFROM|\bJOIN|,)\s*(?:LATERAL\s+)?(${IDENT})\.(${IDENT})(?:\s+(?:AS\s+)?${notKeyword}(${IDENT}))?`, "gi");
  for (const m of sql.matchAll(relation)) {
    const schema = unquote(m[1]!);
    const name = unquote(m[2]!);
    const alias = m[3] ? unquote(m[3]) : name;
    if (!isRelation({ schema, name })) continue;
    if (!aliases.has(alias)) aliases.set(alias, { schema, name });
  }

  let targets: ViewTarget[] | null = null;
  const select = /^SELECT\s+(?:DISTINCT\s+(?:ON\s*\([^)]*\)\s*)?)?/i.exec(sql);
  const topLevel = splitTopLevel(sql, /^\s(?:UNION|INTERSECT|EXCEPT)\s/i);
  if (select && topLevel.length === 1) {
    const body = sql.slice(select[0].length);
    const list = splitTopLevel(body, /^\sFROM\s/i)[0]!;
    // Positions in the blanked text map one to one onto the original, so literals come back in the expressions.
    const original = definition.trim().slice(select[0].length, select[0].length + list.length);
    let offset = 0;
    targets = splitTopLevel(list, /^,/).map((part) => {
      const t = target(original.slice(offset, offset + part.length));
      offset += part.length + 1;
      return t;
    });
  }
  return { aliases, targets };
}
