/**
 * The access/erasure checklist's facts in the built-in data, each verified by hand against the documents (line
 * numbers in ../shared/seeds/): every table with a stated identity, and nothing else. No document states an erasure
 * action for a table or column, nor a vendor's privacy contact, so none is in the graph ("not stated" everywhere).
 */
import { describe, expect, it } from "vitest";

import { testGraph } from "../support/graph.js";

const graph = testGraph();

/** Table → its identity columns, with the document and lines that state them. */
const STATED: Record<string, { columns: string[]; lines: string }> = {
  "table:kentico/OM_Account": { columns: ["AccountID", "AccountGUID"], lines: "002: 51" },
  "table:kentico/Chat_User": { columns: ["ChatUserID"], lines: "002: 458" },
  "table:kentico/OM_Contact": { columns: ["ContactID", "ContactGUID"], lines: "002: 563–565" },
  "table:kentico/CMS_User": { columns: ["UserName", "UserID", "UserGUID"], lines: "002: 2598, 2627" },
  "table:kentico/COM_Customer": { columns: ["CustomerID", "CustomerGUID"], lines: "002: 823" },
  "table:kentico/COM_Supplier": { columns: ["SupplierID", "SupplierGUID"], lines: "002: 1260" },
  "table:kentico/Newsletter_Subscriber": { columns: ["SubscriberID", "SubscriberGUID"], lines: "002: 1600" },
  "table:kentico/Events_Attendee": { columns: ["AttendeeID", "AttendeeGUID"], lines: "002: 1788" },
  "table:kentico-cloud/KenticoCloud_User": { columns: ["User ID", "Payer ID"], lines: "000: 56, 61–62" },
  "table:kontent-ai/KontentAi_User": { columns: ["User ID", "Payer ID"], lines: "001: 65, 72–76" },
};

describe("the built-in access/erasure facts", () => {
  it("state an identity only for the tables whose document names the person's identifiers, each a column of its table", async () => {
    const rows = await graph.probe(
      "MATCH (t:Table) WHERE t.identity IS NOT NULL RETURN t.id AS id, t.identity AS identity, [c IN t.identity WHERE NOT EXISTS { (t)-[:HAS_COLUMN]->(:Column {name: c}) }] AS missing ORDER BY id",
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.identity]))).toEqual(Object.fromEntries(Object.entries(STATED).map(([id, s]) => [id, s.columns])));
    expect(rows.flatMap((r) => r.missing as string[])).toEqual([]);
  });

  it("state no erasure action and no vendor privacy contact (no document does)", async () => {
    const [row] = await graph.probe(
      "RETURN COUNT { MATCH (n:Table|Column) WHERE n.erasureAction IS NOT NULL } AS actions, COUNT { MATCH (:System)-[u:USES_VENDOR]->() WHERE u.privacyContact IS NOT NULL } AS contacts",
    );
    expect(row).toEqual({ actions: 0, contacts: 0 });
  });
});
