/**
 * How wide the DPIA pack's figure text prints: advance widths of DejaVu Sans (the pack's first font, the one Debian's
 * Chromium prints it with), per 100 px, regular and bold, for printable ASCII and the accented letters and marks the
 * inventories use; measured once in Chromium (canvas measureText). A character not in the table counts as an "M",
 * wider than most, so a label is sized too wide rather than too narrow.
 */
const FIRST = 32;
// prettier-ignore
const REGULAR = [32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84];
// prettier-ignore
const BOLD = [35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84];
const EXTRA: Record<string, [number, number]> = { "…": [100, 100], "→": [84, 84], "é": [62, 68], "ü": [63, 71], "ö": [61, 69], "ä": [61, 67], "’": [32, 38], "“": [52, 66], "”": [52, 66], "–": [50, 50], "·": [32, 38], "ß": [63, 72], "á": [61, 67], "à": [61, 67], "ç": [55, 59], "ñ": [63, 71], "å": [61, 67], "ø": [61, 69] };

/** Width in px of `text` at `size` px, regular or bold (kerning ignored; 2% added for it and for rounding). */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const fromTable = code >= FIRST && code - FIRST < REGULAR.length ? (bold ? BOLD : REGULAR)[code - FIRST] : EXTRA[ch]?.[bold ? 1 : 0];
    units += fromTable ?? (bold ? 100 : 86);
  }
  return (units * size * 1.02) / 100;
}
