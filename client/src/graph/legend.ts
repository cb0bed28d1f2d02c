/**
 * The legend: what each shape, colour and line means in the current picture. Pure, so the on-screen legend
 * and the exported PNG / SVG say exactly the same thing; only kinds and marks that occur are listed.
 */
import type { Elements } from "@contract/api";
import type { NodeKind } from "@contract/ids";
import { TRANSFER_ORDER } from "@contract/words";

import { approxMeasure, kindsPresent, transferOf, type Measure } from "./elements";
import { KIND_LOOK, type ShapeName } from "./kinds";
import { TRANSFER_LOOK } from "./transfer";

export interface LegendItem {
  key: string;
  label: string;
  /** A node swatch… */
  shape?: ShapeName;
  fill?: string;
  stroke: string;
  strokeWidth?: number;
  dash?: string;
  /** …or a line swatch. */
  line?: boolean;
}

const LINE_MARKS: Record<string, { label: string; dash?: string }> = {
  LOCATED_IN: { label: "vendor's legal entity in", dash: "4 3" },
  SENDS_BACK: { label: "sends data back", dash: "2 3" },
  REFERENCES: { label: "refers to (a reference, not a flow)", dash: "8 4" },
};

/** Edge types that are not data flows: a picture holding only these has no "data flows to" line in its legend. */
const NOT_FLOWS = new Set(["REFERENCES", "LOCATED_IN", "STORES_DATA_IN", "OF_CATEGORY", "FOR_PURPOSE"]);

export function legendItems(elements: Elements): LegendItem[] {
  const kinds: NodeKind[] = kindsPresent(elements);
  const items: LegendItem[] = kinds.map((k) => ({ key: k, label: KIND_LOOK[k].name, shape: KIND_LOOK[k].shape, fill: KIND_LOOK[k].fill, stroke: KIND_LOOK[k].colour }));
  if (elements.nodes.some((n) => n.data.kind === "column" && n.data.columnKind === "system")) {
    items.push({ key: "system-column", label: "System column (no personal data)", shape: "rectangle", fill: "#F7F8FA", stroke: "#9AA2AE", dash: "1.5 2" });
  }
  if (elements.nodes.some((n) => n.data.kind === "column" && n.data.columnKind === "reference")) {
    items.push({ key: "reference-column", label: "Reference column (points at a table)", shape: "rectangle", fill: KIND_LOOK.column.fill, stroke: KIND_LOOK.column.colour, dash: "4 2" });
  }
  const statuses = new Set(elements.nodes.map((n) => transferOf(n.data)));
  for (const status of TRANSFER_ORDER) {
    if (!statuses.has(status)) continue;
    const look = TRANSFER_LOOK[status];
    items.push({ key: `transfer-${status}`, label: look.legend, shape: "round-rectangle", fill: "#FFFFFF", stroke: look.colour, strokeWidth: look.borderWidth, ...(look.dash ? { dash: look.dash.join(" ") } : {}) });
  }
  const types = new Set(elements.edges.map((e) => e.data.type));
  if ([...types].some((t) => !NOT_FLOWS.has(t))) items.push({ key: "flow", label: "data flows to / belongs to", stroke: "#6B7482", line: true });
  for (const [type, mark] of Object.entries(LINE_MARKS)) {
    if (types.has(type)) items.push({ key: type, label: mark.label, stroke: "#6B7482", line: true, ...(mark.dash ? { dash: mark.dash } : {}) });
  }
  if (elements.edges.some((e) => e.data.back === true)) items.push({ key: "back", label: "into a node reached no later (not a further step)", stroke: "#6B7482", line: true, dash: "1.5 2.4" });
  return items;
}

export interface PlacedItem extends LegendItem {
  x: number;
  y: number;
}

export const LEGEND_SWATCH = { w: 22, h: 14, gap: 7, itemGap: 20, rowH: 22, fontSize: 12 } as const;

/** Flows the items into rows no wider than `maxWidth`. */
export function legendLayout(items: LegendItem[], maxWidth: number, measure: Measure = approxMeasure): { items: PlacedItem[]; width: number; height: number } {
  const placed: PlacedItem[] = [];
  let x = 0;
  let y = 0;
  let width = 0;
  for (const item of items) {
    const w = LEGEND_SWATCH.w + LEGEND_SWATCH.gap + measure(item.label, LEGEND_SWATCH.fontSize, 500);
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      y += LEGEND_SWATCH.rowH;
    }
    placed.push({ ...item, x, y });
    x += w + LEGEND_SWATCH.itemGap;
    width = Math.max(width, x - LEGEND_SWATCH.itemGap);
  }
  return { items: placed, width, height: placed.length ? y + LEGEND_SWATCH.rowH : 0 };
}
