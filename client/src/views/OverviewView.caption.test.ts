import type { Elements } from "@contract/api";
import { describe, expect, it } from "vitest";

import { overviewCaption } from "./OverviewView.caption";

const system = (id: string, extra: Record<string, unknown> = {}): Elements["nodes"][number] => ({ data: { id: `system:${id}`, label: id, kind: "system", provenance: [], ...extra } });
const shown = (...nodes: Elements["nodes"]): Elements => ({ nodes, edges: [] });

describe("overviewCaption", () => {
  it("counts the chosen systems only, names those the data goes into outside the selection or not loaded, and says 'no vendor' rather than '0 vendors: .'", () => {
    // The estate scoped to the web shop: the CRM it copies into (outside the selection), the warehouse (not loaded, outside too).
    const caption = overviewCaption(shown(system("estate-shop"), system("estate-crm", { outside: true }), system("estate-warehouse", { notLoaded: true, outside: true })), 0, "");
    expect(caption).toBe("1 system shares personal data with no vendor; data goes into 2 other systems of ours (1 outside the selection, 1 not loaded).");
  });

  it("lists the vendors by transfer status when there are some", () => {
    expect(overviewCaption(shown(system("a"), system("b")), 3, "1 third country, 2 EEA")).toBe("2 systems share personal data with 3 vendors: 1 third country, 2 EEA.");
    expect(overviewCaption(shown(system("a"), system("w", { notLoaded: true })), 1, "1 EEA")).toBe("1 system shares personal data with 1 vendor: 1 EEA; data goes into 1 other system of ours (1 not loaded).");
  });
});
