/**
 * Pure: the CNIL risk map of an assessment as an SVG figure (severity up, likelihood across, on the CNIL 4-level
 * scales): each risk where it was assessed (filled, numbered), and where the evaluator puts its residual level after
 * the planned measures (hollow, joined by a dashed arrow) when the assessment states one. Only stated levels are
 * placed; a risk without both levels is listed under the map as not estimated.
 */
import { esc } from "./dpia.figure.js";

export interface MapRisk {
  /** 1, 2, 3: the number the risk has in the pack. */
  n: number;
  name: string;
  severity?: number | undefined;
  likelihood?: number | undefined;
  residual?: { severity: number; likelihood: number } | undefined;
}

export const LEVEL_NAMES = ["Negligible", "Limited", "Significant", "Maximum"];

const CELL = 92;
const LEFT = 112;
const TOP = 14;
const INK = "#1d2430";
const INITIAL = "#b3261e";
const RESIDUAL = "#1f5fa8";

export function riskMapSvg(risks: MapRisk[]): { svg: string; unplaced: MapRisk[] } {
  const w = LEFT + CELL * 4 + 12;
  const h = TOP + CELL * 4 + 62;
  const x = (likelihood: number, k: number) => LEFT + (likelihood - 1) * CELL + 24 + (k % 3) * 22;
  const y = (severity: number, k: number) => TOP + (4 - severity) * CELL + 30 + Math.floor(k / 3) * 22;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" role="img" aria-label="Risk map: severity against likelihood">`);
  parts.push(`<defs><marker id="rm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${RESIDUAL}"/></marker></defs>`);
  for (let s = 1; s <= 4; s++) {
    for (let l = 1; l <= 4; l++) {
      parts.push(`<rect x="${LEFT + (l - 1) * CELL}" y="${TOP + (4 - s) * CELL}" width="${CELL}" height="${CELL}" fill="#fff" stroke="#9aa3ae" stroke-width="1"/>`);
    }
    parts.push(`<text x="${LEFT - 8}" y="${TOP + (4 - s) * CELL + CELL / 2 + 4}" text-anchor="end" font-size="11" fill="${INK}">${s} ${LEVEL_NAMES[s - 1]}</text>`);
  }
  for (let l = 1; l <= 4; l++) parts.push(`<text x="${LEFT + (l - 1) * CELL + CELL / 2}" y="${TOP + CELL * 4 + 16}" text-anchor="middle" font-size="11" fill="${INK}">${l} ${LEVEL_NAMES[l - 1]}</text>`);
  parts.push(`<text x="${LEFT + CELL * 2}" y="${TOP + CELL * 4 + 36}" text-anchor="middle" font-size="12" font-weight="600" fill="${INK}">Likelihood →</text>`);
  parts.push(`<text transform="translate(14 ${TOP + CELL * 2}) rotate(-90)" text-anchor="middle" font-size="12" font-weight="600" fill="${INK}">Severity →</text>`);

  const placed = risks.filter((r) => r.severity && r.likelihood);
  // Several points in one cell sit side by side, in the order of the risks.
  const slot = new Map<string, number>();
  const nextSlot = (s: number, l: number) => {
    const key = `${s}/${l}`;
    const k = slot.get(key) ?? 0;
    slot.set(key, k + 1);
    return k;
  };
  for (const r of placed) {
    const k = nextSlot(r.severity!, r.likelihood!);
    const cx = x(r.likelihood!, k);
    const cy = y(r.severity!, k);
    if (r.residual && r.residual.severity > 0 && r.residual.likelihood > 0) {
      const k2 = nextSlot(r.residual.severity, r.residual.likelihood);
      const rx = x(r.residual.likelihood, k2);
      const ry = y(r.residual.severity, k2);
      if (rx !== cx || ry !== cy) {
        const d = Math.hypot(rx - cx, ry - cy);
        const [ux, uy] = [(rx - cx) / d, (ry - cy) / d];
        parts.push(`<line x1="${cx + ux * 10}" y1="${cy + uy * 10}" x2="${rx - ux * 11}" y2="${ry - uy * 11}" stroke="${RESIDUAL}" stroke-width="1.4" stroke-dasharray="4 3" marker-end="url(#rm-arrow)"/>`);
      }
      parts.push(`<circle cx="${rx}" cy="${ry}" r="9" fill="#fff" stroke="${RESIDUAL}" stroke-width="2"/><text x="${rx}" y="${ry + 4}" text-anchor="middle" font-size="10" font-weight="700" fill="${RESIDUAL}">${r.n}</text>`);
    }
    parts.push(`<circle cx="${cx}" cy="${cy}" r="9" fill="${INITIAL}"/><text x="${cx}" y="${cy + 4}" text-anchor="middle" font-size="10" font-weight="700" fill="#fff">${r.n}</text>`);
  }
  parts.push(`</svg>`);
  return { svg: parts.join(""), unplaced: risks.filter((r) => !(r.severity && r.likelihood)) };
}

export function riskMapLegend(risks: MapRisk[]): string {
  return `<div class="legend"><span><i style="width:10px;background:${INITIAL};border-radius:50%"></i>as assessed</span><span><i style="width:10px;border-color:${RESIDUAL};border-radius:50%;border-width:2px"></i>residual after the planned measures</span>${risks.map((r) => `<span><b>${r.n}</b>&nbsp;${esc(r.name)}</span>`).join("")}</div>`;
}
