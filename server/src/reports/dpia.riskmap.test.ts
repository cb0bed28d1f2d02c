import { describe, expect, it } from "vitest";

import { riskMapSvg } from "./dpia.riskmap.js";
import { tiaKind } from "./tia.html.js";

describe("riskMapSvg", () => {
  it("places each risk with both levels, its residual point where one is stated, and lists the rest as not estimated", () => {
    const { svg, unplaced } = riskMapSvg([
      { n: 1, name: "A", severity: 3, likelihood: 2, residual: { severity: 3, likelihood: 1 } },
      { n: 2, name: "B", severity: 2 },
      { n: 3, name: "C", severity: 1, likelihood: 1 },
    ]);
    expect(svg.match(/fill="#b3261e"/g)).toHaveLength(2);
    expect(svg.match(/stroke="#1f5fa8" stroke-width="2"/g)).toHaveLength(1);
    expect(unplaced.map((r) => r.n)).toEqual([2]);
  });
});

describe("tiaKind: what a flow needs, from the server's status and the stated mechanism", () => {
  it("asks a TIA of a third-country flow under SCCs, BCRs or none, a justification of a derogation, and nothing of EEA/adequate flows", () => {
    expect(tiaKind({ transfer: "third-country", mechanism: "scc" })).toBe("tia");
    expect(tiaKind({ transfer: "third-country", mechanism: null })).toBe("tia");
    expect(tiaKind({ transfer: "third-country", mechanism: "derogation" })).toBe("derogation");
    expect(tiaKind({ transfer: "not-stated", mechanism: "scc" })).toBe("unknown");
    expect(tiaKind({ transfer: "adequate", mechanism: "dpf" })).toBe("none");
    expect(tiaKind({ transfer: "eea", mechanism: null })).toBe("none");
  });
});
