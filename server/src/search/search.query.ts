/**
 * The user's text → a Lucene query for the `node_search` full-text index. Pure, so it is unit-tested.
 * Wildcard terms are not analysed by Lucene, so they are lower-cased here the way the index's analyser
 * lower-cases what it stores; every character Lucene gives a meaning to is escaped, so no input can
 * change the query's structure.
 */

/** Characters with a meaning in Lucene's query syntax (`&&` and `||` are covered by `&` and `|`). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Words as the standard analyser would index them: runs of letters and digits, joined by `_` or `.`
 * (`CMS_User`, `KontentAi_User.Email`); anything else separates words.
 */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_.]+/u)
    .map((t) => t.replace(/^[_.]+|[_.]+$/g, ""))
    .filter((t) => t.length > 0);
}

/** Words this long or longer also match inside indexed words (`email` finds `CustomerEmail`); shorter ones only as prefixes. */
export const MIN_INFIX = 3;

/**
 * Every word must match, in any indexed field, as the start of an indexed word: `+cms* +us*`. The index holds each
 * name's words too (`CustomerEmail` → `customer`, `email`), so `email` finds `CustomerEmail` from the term dictionary
 * alone. Empty when no word is left.
 */
export function luceneQuery(text: string): string {
  return searchTerms(text)
    .slice(0, 8)
    .map((t) => `+${escapeLucene(t)}*`)
    .join(" ");
}

/**
 * The slower fallback when no word start matches: from MIN_INFIX characters, anywhere inside an indexed word
 * (`+*mail*`), which makes Lucene walk its term dictionary. Null when no word is long enough.
 */
export function infixLuceneQuery(text: string): string | null {
  const terms = searchTerms(text).slice(0, 8);
  if (!terms.some((t) => t.length >= MIN_INFIX)) return null;
  return terms.map((t) => (t.length >= MIN_INFIX ? `+*${escapeLucene(t)}*` : `+${escapeLucene(t)}*`)).join(" ");
}
