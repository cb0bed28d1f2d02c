import type { NodeKind } from "@contract/ids";

import { KIND_LOOK, shapePath, type ShapeName } from "../graph/kinds";

/** The kind's shape in its colour, as on the graph: lists and legend use the same marks as the picture. */
export function KindIcon({ kind, size = 14 }: { kind: NodeKind; size?: number }) {
  const look = KIND_LOOK[kind];
  return <Swatch shape={look.shape} fill={look.fill} stroke={look.colour} size={size} title={look.name} />;
}

export function Swatch({ shape, fill, stroke, size = 14, dash, strokeWidth = 1.5, title }: { shape: ShapeName; fill: string; stroke: string; size?: number; dash?: string; strokeWidth?: number; title?: string }) {
  const w = Math.round(size * 1.5);
  const h = size;
  return (
    <svg className="swatch" width={w + 2} height={h + 2} viewBox={`-1 -1 ${w + 2} ${h + 2}`} aria-hidden={title ? undefined : true} role={title ? "img" : undefined}>
      {title && <title>{title}</title>}
      <path d={shapePath(shape, w, h)} fill={fill} stroke={stroke} strokeWidth={strokeWidth} strokeDasharray={dash} />
    </svg>
  );
}
