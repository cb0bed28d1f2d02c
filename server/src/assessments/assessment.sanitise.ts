/**
 * Answer text is HTML (the CNIL tool's editor writes it): only plain formatting survives, every word as written.
 * Scripts, styles, event handlers, images and links other than http(s)/mailto go; the text around them stays.
 */
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "div", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "s", "span", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "a", "sub", "sup", "pre", "code"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  // A tag the list refuses loses its markup, never its words (script and style bodies are code, not words: they go).
  disallowedTagsMode: "discard",
};

export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** The words of an answer, for a test or a summary: tags gone, entities read. */
export function textOf(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
