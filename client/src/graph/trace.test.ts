import type { Elements } from "@contract/api";
import { categoryToVendorId } from "@contract/ids";
import { describe, expect, it } from "vitest";

import { qualifyAmbiguousColumns, traceElements } from "./trace";

const EMAIL = { categoryId: "category:email-address", categoryName: "Email address" };

/**
 * Two email columns, each sent to its own vendor (the picture must never join CustomerEmail to Gravatar), and a column
 * without a category sent to a third.
 */
const elements: Elements = {
  nodes: [
    { data: { id: "table:kentico/COM_Customer", label: "COM_Customer", kind: "table" } },
    { data: { id: "column:kentico/COM_Customer.CustomerEmail", label: "CustomerEmail", kind: "column", title: "COM_Customer", ...EMAIL } },
    { data: { id: "column:kentico/CMS_User.Email", label: "Email", kind: "column", title: "CMS_User", ...EMAIL } },
    { data: { id: "column:kentico/CMS_User.Note", label: "Note", kind: "column", title: "CMS_User" } },
    { data: { id: "vendor:paypal", label: "PayPal", kind: "vendor" } },
    { data: { id: "vendor:gravatar", label: "Gravatar", kind: "vendor" } },
    { data: { id: "vendor:intercom", label: "Intercom", kind: "vendor" } },
  ],
  edges: [
    { data: { id: "h", source: "table:kentico/COM_Customer", target: "column:kentico/COM_Customer.CustomerEmail", type: "HAS_COLUMN" } },
    { data: { id: "c", source: "column:kentico/COM_Customer.CustomerEmail", target: "column:kentico/CMS_User.Email", type: "COPIED_TO" } },
    { data: { id: "s", source: "column:kentico/COM_Customer.CustomerEmail", target: "vendor:paypal", type: "SENT_TO" } },
    { data: { id: "g", source: "column:kentico/CMS_User.Email", target: "vendor:gravatar", type: "SENT_TO" } },
    { data: { id: "n", source: "column:kentico/CMS_User.Note", target: "vendor:intercom", type: "SENT_TO" } },
  ],
};

describe("traceElements", () => {
  it("routes each column → vendor flow through its column's data category, drawn once per vendor so no two flows merge", () => {
    const out = traceElements(elements, "categories");
    const paypalEmail = categoryToVendorId("category:email-address", "vendor:paypal");
    const gravatarEmail = categoryToVendorId("category:email-address", "vendor:gravatar");

    expect(out.nodes.filter((n) => n.data.kind === "category").map((n) => [n.data.id, n.data.label])).toEqual([
      [paypalEmail, "Email address"],
      [gravatarEmail, "Email address"],
    ]);
    expect(out.edges.map((e) => `${e.data.source} ${e.data.type} ${e.data.target}`).sort()).toEqual(
      [
        `${gravatarEmail} SENT_TO vendor:gravatar`,
        `${paypalEmail} SENT_TO vendor:paypal`,
        `column:kentico/CMS_User.Email OF_CATEGORY ${gravatarEmail}`,
        "column:kentico/CMS_User.Note SENT_TO vendor:intercom",
        "column:kentico/COM_Customer.CustomerEmail COPIED_TO column:kentico/CMS_User.Email",
        `column:kentico/COM_Customer.CustomerEmail OF_CATEGORY ${paypalEmail}`,
        "table:kentico/COM_Customer HAS_COLUMN column:kentico/COM_Customer.CustomerEmail",
      ].sort(),
    );
  });

  it("keeps the API's exact column → vendor edges when asked", () => {
    expect(traceElements(elements, "columns")).toBe(elements);
  });
});

describe("qualifyAmbiguousColumns", () => {
  it("prefixes a column label with its table when two tables share it, or when its table is not drawn", () => {
    const out = qualifyAmbiguousColumns({
      nodes: [
        { data: { id: "table:k/A", label: "A", kind: "table", system: "k" } },
        { data: { id: "table:k/B", label: "B", kind: "table", system: "k" } },
        { data: { id: "column:k/A.City", label: "City", kind: "column", title: "A", system: "k" } },
        { data: { id: "column:k/B.City", label: "City", kind: "column", title: "B", system: "k" } },
        { data: { id: "column:k/B.Zip", label: "Zip", kind: "column", title: "B", system: "k" } },
        { data: { id: "column:k/C.Email", label: "Email", kind: "column", title: "C", system: "k" } },
      ],
      edges: [],
    });
    expect(out.nodes.filter((n) => n.data.kind === "column").map((n) => n.data.label)).toEqual(["A.City", "B.City", "Zip", "C.Email"]);
  });
});
