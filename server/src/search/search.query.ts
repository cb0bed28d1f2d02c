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
 * Every word must match, in any indexed field: as a prefix (boosted, so word starts rank first) or, from
 * MIN_INFIX characters, anywhere inside an indexed word: `+(cms*^2 *cms*) +us*`. Empty when no word is left.
 * Matching inside words in the index is what lets search skip a scan of every node's name.
 */
export function luceneQuery(text: string): string {
  return searchTerms(text)
    .slice(0, 8)
    .map((t) => {
      const e = escapeLucene(t);
      return t.length >= MIN_INFIX ? `+(${e}*^2 *${e}*)` : `+${e}*`;
    })
    .join(" ");
}
