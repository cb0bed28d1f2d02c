/**
 * Where a label may break across lines, for every picture that prints one (the SVG/PNG export's print model in the
 * client, the DPIA pack's figure on the server): after a space or an underscore, and before a capital that starts a
 * word inside an identifier ("Modified|By|UserID", "IP|Address", "Authorize.|Net"). Never inside a word.
 */
export function breakAfter(text: string, i: number): boolean {
  const c = text.charAt(i);
  const next = text.charAt(i + 1);
  const after = text.charAt(i + 2);
  if (!next) return false;
  if (c === " " || c === "_") return next !== " " && next !== "_";
  if (!/[A-Z]/.test(next)) return false;
  // Before an inner capital: after a lower-case letter, a digit or a dot ("Authorize.Net"), or at the end of a run
  // of capitals that starts a word ("IPAddress" → "IP" + "Address").
  return /[a-z0-9.]/.test(c) || (/[A-Z]/.test(c) && /[a-z]/.test(after));
}

function splitAt(s: string, at: (i: number) => boolean): string[] {
  const out: string[] = [];
  let piece = "";
  for (let i = 0; i < s.length; i++) {
    piece += s.charAt(i);
    if (at(i)) {
      out.push(piece);
      piece = "";
    }
  }
  return piece ? [...out, piece] : out;
}

/**
 * Splits a label into lines that `fits` (given a line without the space it ends with), breaking only where
 * breakAfter allows: words first, each with the space after it; a word that does not fit a line is broken inside
 * (at "_" or a capital), so an identifier that fits a line is never split across two. Each line but the last keeps
 * the space it was broken at, so the lines joined give the text back. A piece that fits no line stays whole on its
 * own line: the caller sizes its shape to it, or shortens it with the full text beside it.
 */
export function wrapText(text: string, fits: (line: string) => boolean): string[] {
  if (fits(text)) return [text];
  const words = splitAt(text, (i) => text.charAt(i) === " " && text.charAt(i + 1) !== " ");
  const pieces = words.flatMap((w) => (fits(w.trimEnd()) ? [w] : splitAt(w, (i) => w.charAt(i) !== " " && breakAfter(w, i))));
  const lines: string[] = [];
  let line = "";
  for (const p of pieces) {
    if (!line || fits((line + p).trimEnd())) line += p;
    else {
      lines.push(line);
      line = p;
    }
  }
  if (line) lines.push(line);
  return lines;
}
