import type { Elements } from "@contract/api";
import { describe, expect, it } from "vitest";

import { MIN_FONT_RATIO, pageBands, printFit, printModel, wrapLabel } from "./printModel";

describe("wrapLabel", () => {
  it("leaves short labels alone", () => {
    expect(wrapLabel("Email", 18)).toEqual(["Email"]);
  });

  it("breaks identifiers after underscores and before inner capitals, losing no character", () => {
    const lines = wrapLabel("Newsletter_SubscriberNewsletterApproval", 18);
    expect(lines.every((l) => l.length <= 18)).toBe(true);
    expect(lines.join("")).toBe("Newsletter_SubscriberNewsletterApproval");
    expect(lines).toEqual(["Newsletter_", "Subscriber", "NewsletterApproval"]);
    expect(wrapLabel("CMS_Personalization", 13)).toEqual(["CMS_", "Personalization"]);
    expect(wrapLabel("IPAddressOfTheUser", 13)).toEqual(["IPAddressOf", "TheUser"]);
    expect(wrapLabel("Authorize.Net payments", 13)).toEqual(["Authorize.Net ", "payments"]);
  });

  it("breaks lists after commas and words after spaces, each line keeping the space it broke at", () => {
    expect(wrapLabel("UserID, ModifiedByUserID, ApprovedByUserID", 26)).toEqual(["UserID, ModifiedByUserID, ", "ApprovedByUserID"]);
    expect(wrapLabel("Registration notification emails", 18)).toEqual(["Registration ", "notification ", "emails"]);
  });

  it("never cuts a word: one longer than a line stays whole (its shape is sized to it)", () => {
    expect(wrapLabel("Conversational data", 13)).toEqual(["Conversational ", "data"]);
    expect(wrapLabel("Identification data", 13)).toEqual(["Identification ", "data"]);
    expect(wrapLabel("abcdefghijklmnopqrstuvwxyz", 10)).toEqual(["abcdefghijklmnopqrstuvwxyz"]);
  });
});

const trace: Elements = {
  nodes: [
    { data: { id: "table:CMS_User", label: "CMS_User", kind: "table" } },
    { data: { id: "column:CMS_User.Email", label: "CMS_User.Email", kind: "column", title: "CMS_User" } },
    { data: { id: "column:Other.Email", label: "Other.Email", kind: "column", title: "Other" } },
    { data: { id: "vendor:x", label: "A vendor with a rather long legal name", kind: "vendor", transfer: "not-stated" } },
  ],
  edges: [
    { data: { id: "t>c", source: "table:CMS_User", target: "column:CMS_User.Email", type: "HAS_COLUMN" } },
    { data: { id: "c>v", source: "column:CMS_User.Email", target: "vendor:x", type: "SENT_TO", label: "UserID, ModifiedByUserID, ApprovedByUserID" } },
  ],
};

describe("printModel", () => {
  it("drops the table prefix of columns whose table is drawn, and only those", () => {
    const m = printModel(trace);
    const label = (id: string) => m.nodes.find((n) => n.data.id === id)!.data.display;
    expect(label("column:CMS_User.Email")).toBe("Email");
    expect(label("column:Other.Email")).toBe("Other.Email");
  });

  it("wraps long names and keeps the screen's badge lines, wrapped too", () => {
    const v = printModel(trace).nodes.find((n) => n.data.id === "vendor:x")!.data;
    expect(v.display.split("\n").length).toBeGreaterThan(2);
    expect(v.display.split("\n").slice(-2)).toEqual(["country not ", "stated"]);
    expect(v.h).toBeGreaterThan(40);
  });

  it("wraps edge labels into short lines and gives ELK their height", () => {
    const e = printModel(trace, { edgeLabels: true }).edges.find((x) => x.data.id === "c>v")!.data;
    expect(e.edgeLabel.split("\n")).toHaveLength(2);
    expect(e.labelH).toBeGreaterThan(26);
  });
});

describe("printFit", () => {
  it("is one page when the smallest text stays at 6 pt or more", () => {
    // 11 px in 1000 px printed 25 cm wide: 11/1000 × 25 cm = 0.275 cm ≈ 7.8 pt.
    const fit = printFit(1000, 600, 11);
    expect(fit).toMatchObject({ orientation: "landscape", pages: 1 });
    expect(fit.at25cmPt).toBeCloseTo(7.8, 1);
  });

  it("chooses portrait for a tall figure", () => {
    expect(printFit(700, 1000, 11)).toMatchObject({ orientation: "portrait", pages: 1 });
  });

  it("counts landscape pages at 25 cm wide for a figure too tall for one", () => {
    const fit = printFit(1200, 4000, 11);
    expect(fit.pages).toBe(Math.ceil(((4000 / 1200) * 25) / 17));
    expect(fit.columns).toBe(1);
  });

  it("agrees with the 6 pt ÷ 25 cm ratio", () => {
    expect(printFit(1000, 100, 1000 * MIN_FONT_RATIO).at25cmPt).toBeCloseTo(6, 6);
  });
});

describe("pageBands", () => {
  it("cuts between nodes, never through one", () => {
    const boxes = [
      { y1: 0, y2: 80 },
      { y1: 90, y2: 170 },
      { y1: 180, y2: 260 },
    ];
    const bands = pageBands(boxes, 260, 200);
    expect(bands).toHaveLength(2);
    const cut = bands[1]!.y;
    expect(boxes.some((b) => b.y1 < cut && b.y2 > cut)).toBe(false);
    expect(bands.reduce((s, b) => s + b.h, 0)).toBe(260);
  });
});
