import { Swatch } from "./KindIcon";
import type { LegendItem } from "../graph/legend";


export function Legend({ items }: { items: LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="legend" aria-label="Legend">
      <h3 className="legend__title">Legend</h3>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {item.line ? (
              <svg className="swatch" width={24} height={12} aria-hidden>
                <line x1={1} y1={6} x2={17} y2={6} stroke={item.stroke} strokeWidth={1.6} strokeDasharray={item.dash} />
                <path d="M16 2.5L23 6L16 9.5Z" fill={item.stroke} />
              </svg>
            ) : (
              <Swatch shape={item.shape ?? "rectangle"} fill={item.fill ?? "#fff"} stroke={item.stroke} dash={item.dash} strokeWidth={item.strokeWidth ?? 1.5} />
            )}
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
