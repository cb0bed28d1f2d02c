import request from "supertest";
import { describe, expect, it } from "vitest";

import { ReferencedByResponseSchema, TableResponseSchema, TablesResponseSchema } from "../../server/src/contract/api.js";
import { ids } from "../../server/src/contract/ids.js";
import { testApp } from "../support/graph.js";

const app = testApp();

/**
 * The spec: every table that references CMS_User in seed/inventories/kentico.yaml, read by hand from both forms —
 * a column with `references: CMS_User` in the referencing table's own section ("outgoing"), and the entries of
 * `references:` taken from a "References from entities containing personal data" list ("incoming"). A table the
 * document only mentions (kind `mentioned`) has no section of its own, so its reference columns are "incoming" too.
 */
const CMS_USER_REFERENCED_BY = [
  { table: "Blog_Comment", columns: ["CommentApprovedByUserID", "CommentIsApprovedByUserID", "CommentUserID"], forms: ["incoming", "outgoing"] },
  { table: "Blog_PostSubscription", columns: ["SubscriptionUserID"], forms: ["incoming", "outgoing"] },
  { table: "Board_Board", columns: ["BoardUserID"], forms: ["outgoing"] },
  { table: "Board_Message", columns: ["MessageApprovedByUserID", "MessageUserID"], forms: ["incoming", "outgoing"] },
  { table: "Board_Subscription", columns: ["SubscriptionUserID"], forms: ["incoming", "outgoing"] },
  { table: "CMS_AbuseReport", columns: ["ReportUserID"], forms: ["incoming"] },
  { table: "CMS_EventLog", columns: ["UserID"], forms: ["incoming", "outgoing"] },
  { table: "CMS_ExternalLogin", columns: ["UserID"], forms: ["incoming"] },
  { table: "CMS_ObjectVersionHistory", columns: ["VersionDeletedByUserID", "VersionModifiedByUserID"], forms: ["outgoing"] },
  { table: "CMS_OpenIDUser", columns: ["UserID"], forms: ["incoming"] },
  { table: "CMS_Personalization", columns: ["PersonalizationUserID"], forms: ["incoming"] },
  { table: "CMS_Session", columns: ["SessionUserID"], forms: ["incoming", "outgoing"] },
  { table: "CMS_UserSettings", columns: ["UserActivatedByUserID", "UserSettingsUserGUID", "UserSettingsUserID"], forms: ["incoming", "outgoing"] },
  { table: "COM_Customer", columns: ["CustomerUserID"], forms: ["incoming", "outgoing"] },
  { table: "COM_Order", columns: ["OrderCreatedByUserID"], forms: ["incoming", "outgoing"] },
  { table: "COM_OrderStatusUser", columns: ["ChangedByUserID"], forms: ["incoming"] },
  { table: "COM_ShoppingCart", columns: ["ShoppingCartUserID"], forms: ["incoming", "outgoing"] },
  { table: "COM_Wishlist", columns: ["UserID"], forms: ["incoming", "outgoing"] },
  { table: "Chat_InitiatedChatRequest", columns: ["InitiatedChatRequestUserID"], forms: ["incoming", "outgoing"] },
  { table: "Chat_User", columns: ["ChatUserUserID"], forms: ["incoming", "outgoing"] },
  { table: "Community_Group", columns: ["GroupApprovedByUserID", "GroupCreatedByUserID"], forms: ["incoming"] },
  { table: "Community_GroupMember", columns: ["MemberApprovedByUserID", "MemberInvitedByUserID", "MemberUserID"], forms: ["incoming"] },
  { table: "Community_Invitation", columns: ["InvitedByUserID", "InvitedUserID"], forms: ["incoming", "outgoing"] },
  { table: "Forums_ForumPost", columns: ["PostApprovedByUserID", "PostUserID"], forms: ["incoming", "outgoing"] },
  { table: "Forums_ForumSubscription", columns: ["SubscriptionUserID"], forms: ["incoming", "outgoing"] },
  { table: "Forums_UserFavorites", columns: ["UserID"], forms: ["incoming"] },
  { table: "Media_File", columns: ["FileCreatedByUserID", "FileModifiedByUserID"], forms: ["incoming"] },
  { table: "Notification_Subscription", columns: ["SubscriptionUserID"], forms: ["incoming"] },
  { table: "OM_Account", columns: ["AccountOwnerUserID"], forms: ["incoming", "outgoing"] },
  { table: "OM_Activity", columns: ["ActivityItemID"], forms: ["incoming"] },
  { table: "OM_Contact", columns: ["ContactOwnerUserID"], forms: ["incoming", "outgoing"] },
  { table: "OM_Membership", columns: ["RelatedID"], forms: ["incoming"] },
  { table: "Reporting_ReportSubscription", columns: ["ReportSubscriptionUserID"], forms: ["incoming", "outgoing"] },
  { table: "Reporting_SavedReport", columns: ["SavedReportCreatedByUserID"], forms: ["outgoing"] },
];

/**
 * The document's own list (002_bd9f30a229ef8e88.txt, "Users – References from entities containing personal data"):
 * 30 tables. Every one of them must be among the referencing tables, with at least the columns the document names there.
 */
const DOCUMENT_USERS_SECTION: Record<string, string[]> = {
  CMS_AbuseReport: ["ReportUserID"],
  OM_Account: ["AccountOwnerUserID"],
  OM_Activity: ["ActivityItemID"],
  Blog_Comment: ["CommentUserID", "CommentApprovedByUserID"],
  Blog_PostSubscription: ["SubscriptionUserID"],
  Chat_InitiatedChatRequest: ["InitiatedChatRequestUserID"],
  Chat_User: ["ChatUserUserID"],
  Community_Group: ["GroupApprovedByUserID", "GroupCreatedByUserID"],
  Community_Invitation: ["InvitedByUserID", "InvitedUserID"],
  Community_GroupMember: ["MemberUserID", "MemberInvitedByUserID", "MemberApprovedByUserID"],
  OM_Contact: ["ContactOwnerUserID"],
  OM_Membership: ["RelatedID"],
  Notification_Subscription: ["SubscriptionUserID"],
  COM_Customer: ["CustomerUserID"],
  CMS_Personalization: ["PersonalizationUserID"],
  CMS_EventLog: ["UserID"],
  CMS_ExternalLogin: ["UserID"],
  Forums_UserFavorites: ["UserID"],
  Forums_ForumPost: ["PostUserID", "PostApprovedByUserID"],
  Forums_ForumSubscription: ["SubscriptionUserID"],
  Media_File: ["FileCreatedByUserID", "FileModifiedByUserID"],
  Board_Message: ["MessageUserID", "MessageApprovedByUserID"],
  Board_Subscription: ["SubscriptionUserID"],
  CMS_Session: ["SessionUserID"],
  CMS_OpenIDUser: ["UserID"],
  COM_Order: ["OrderCreatedByUserID"],
  Reporting_ReportSubscription: ["ReportSubscriptionUserID"],
  COM_ShoppingCart: ["ShoppingCartUserID"],
  CMS_UserSettings: ["UserSettingsUserGUID", "UserSettingsUserID", "UserActivatedByUserID"],
  COM_Wishlist: ["UserID"],
};

describe("GET /api/tables/:name/referenced-by", () => {
  it("lists every table that references CMS_User, with its columns, combining both forms of the document", async () => {
    const res = await request(app).get("/api/tables/CMS_User/referenced-by");

    expect(res.status).toBe(200);
    const body = ReferencedByResponseSchema.parse(res.body);
    expect(body.table).toBe("CMS_User");
    expect(body.referencedBy.map(({ table, columns, forms }) => ({ table, columns, forms }))).toEqual(CMS_USER_REFERENCED_BY);
    expect(body.referencedBy.every((r) => r.system === "kentico" && r.id === ids.table("kentico", r.table))).toBe(true);
  });

  it("agrees with the document's 'References from entities containing personal data' list of the Users section", async () => {
    const res = await request(app).get("/api/tables/CMS_User/referenced-by");

    const byTable = new Map(ReferencedByResponseSchema.parse(res.body).referencedBy.map((r) => [r.table, r]));
    expect(Object.keys(DOCUMENT_USERS_SECTION)).toHaveLength(30);
    for (const [table, columns] of Object.entries(DOCUMENT_USERS_SECTION)) {
      expect(byTable.get(table)?.forms, table).toContain("incoming");
      expect(byTable.get(table)?.columns, table).toEqual(expect.arrayContaining(columns));
    }
    // Beyond the Users section: three tables whose own section names the reference, and COM_OrderStatusUser,
    // which the document mentions (with its ChangedByUserID column) only in the Orders section.
    const beyond = [...byTable.keys()].filter((t) => !(t in DOCUMENT_USERS_SECTION));
    expect(beyond).toEqual(["Board_Board", "CMS_ObjectVersionHistory", "COM_OrderStatusUser", "Reporting_SavedReport"]);
    expect(beyond.map((t) => byTable.get(t)?.forms)).toEqual([["outgoing"], ["outgoing"], ["incoming"], ["outgoing"]]);
  });

  it("answers elements: each referencing table → CMS_User, labelled with the referencing columns", async () => {
    const res = await request(app).get("/api/tables/CMS_User/referenced-by");

    const { elements } = ReferencedByResponseSchema.parse(res.body);
    expect(elements.nodes).toHaveLength(35);
    expect(elements.nodes[0]?.data).toMatchObject({ id: "table:kentico/CMS_User", kind: "table", label: "CMS_User", title: "Users" });
    expect(elements.edges).toHaveLength(34);
    expect(elements.edges.every((e) => e.data.target === "table:kentico/CMS_User" && e.data.type === "REFERENCES")).toBe(true);
    expect(elements.edges.find((e) => e.data.source === "table:kentico/Community_Invitation")?.data.label).toBe("InvitedByUserID, InvitedUserID");
  });

  it("answers an empty list for a table nothing references", async () => {
    const res = await request(app).get("/api/tables/KontentAi_User/referenced-by");

    expect(res.status).toBe(200);
    expect(res.body.referencedBy).toEqual([]);
    expect(res.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(["table:kontent-ai/KontentAi_User"]);
  });

  it("answers 404 for an unknown table", async () => {
    const res = await request(app).get("/api/tables/CMS_Nobody/referenced-by");

    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "NOT_FOUND", message: "No table named 'CMS_Nobody'." });
  });

  it("answers 400 naming the field for a name that cannot be a table", async () => {
    const res = await request(app).get("/api/tables/CMS%20User/referenced-by");

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_ERROR");
    expect(res.body.error.message).toMatch(/'name'/);
    expect(res.body.error.details).toEqual([{ field: "name", message: expect.stringMatching(/table name/) }]);
  });
});

describe("GET /api/tables/:name", () => {
  it("answers COM_Customer with its columns: kind, category name, purposes, references, vendors, sources", async () => {
    const res = await request(app).get("/api/tables/COM_Customer");

    expect(res.status).toBe(200);
    const body = TableResponseSchema.parse(res.body);
    expect(body.table).toEqual({
      id: "table:kentico/COM_Customer",
      name: "COM_Customer",
      title: "Customers",
      system: "kentico",
      systemName: "Kentico",
      entityKind: "table",
      description: expect.stringMatching(/customer/i),
    });
    const email = body.columns.find((c) => c.name === "CustomerEmail");
    expect(email).toMatchObject({
      id: "column:kentico/COM_Customer.CustomerEmail",
      kind: "personal",
      category: "Email address",
      categoryId: "category:email-address",
      vendors: ["Authorize.Net", "PayPal"],
      vendorIds: ["vendor:authorize-net", "vendor:paypal"],
    });
    expect(email?.purposes).toContain("Payment transactions via the PayPal gateway");
    expect(body.columns.find((c) => c.name === "CustomerUserID")).toMatchObject({ kind: "reference", category: null, references: ["CMS_User"] });
    expect(body.columns.find((c) => c.name === "CustomerID")).toMatchObject({ kind: "system", category: null, vendors: [] });
    expect(body.subjects).toEqual([{ id: "subject:kentico/customer", name: "Customer" }]);
  });

  it("keeps the columns in the document's order and names the sources that fill a logical entity's fields", async () => {
    const res = await request(app).get("/api/tables/KontentAi_User");

    const body = TableResponseSchema.parse(res.body);
    expect(body.table.entityKind).toBe("logical");
    expect(body.columns.slice(0, 3).map((c) => c.name)).toEqual(["Address", "Browser", "Business type"]);
    expect(body.columns.find((c) => c.name === "Email address")?.sources).toEqual(["Invitation by another user", "Sign-up form"]);
    expect(body.sources.map((s) => s.id)).toContain("source:kontent-ai/sign-up");
  });

  it("names the tables a source copies from", async () => {
    const res = await request(app).get("/api/tables/CMS_User");

    const body = TableResponseSchema.parse(res.body);
    const fromCustomers = body.sources.find((s) => s.id === "source:kentico/users-from-customers");
    expect(fromCustomers?.copiesFrom).toEqual(["COM_Customer"]);
  });

  it("answers 404 for an unknown table and 400 naming the field for an invalid name", async () => {
    const missing = await request(app).get("/api/tables/No_Such_Table");
    const invalid = await request(app).get("/api/tables/1abc");

    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].field).toBe("name");
  });
});

describe("GET /api/tables", () => {
  it("lists every table of a system with column counts", async () => {
    const res = await request(app).get("/api/tables?system=kontent-ai");

    expect(res.status).toBe(200);
    const body = TablesResponseSchema.parse(res.body);
    expect(body.tables).toEqual([
      { id: "table:kontent-ai/KontentAi_User", name: "KontentAi_User", title: "Kontent.ai user", system: "kontent-ai", systemName: "Kontent.ai", entityKind: "logical", columns: 22, personalColumns: 22, referencedBy: 0 },
    ]);
  });

  it("counts 34 referencing tables for CMS_User in the full list", async () => {
    const res = await request(app).get("/api/tables");

    const body = TablesResponseSchema.parse(res.body);
    expect(body.tables.length).toBeGreaterThan(70);
    expect(body.tables.find((t) => t.name === "CMS_User")?.referencedBy).toBe(34);
  });

  it("answers 400 naming the field for a malformed system id", async () => {
    const res = await request(app).get("/api/tables?system=Not%20A%20Slug");

    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe("system");
  });
});

describe("GET /api/tables, in pages", () => {
  it("walks the whole list page by page with the cursor: every table once, in order, with the total on each page", async () => {
    const whole = TablesResponseSchema.parse((await request(app).get("/api/tables")).body);
    expect(whole.page).toEqual({ limit: 1000, total: whole.tables.length, next: null });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await request(app).get("/api/tables").query({ limit: 40, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      const page = TablesResponseSchema.parse(res.body);
      expect(page.page.total).toBe(whole.tables.length);
      expect(page.tables.length).toBeLessThanOrEqual(40);
      seen.push(...page.tables.map((t) => t.id));
      cursor = page.page.next;
    } while (cursor);
    expect(seen).toEqual(whole.tables.map((t) => t.id));
  });

  it("answers 400 naming the field for a cursor it did not give or a limit out of range", async () => {
    for (const [query, field] of [
      [{ cursor: "not-a-cursor" }, "cursor"],
      [{ limit: "0" }, "limit"],
      [{ limit: "5001" }, "limit"],
    ] as const) {
      const res = await request(app).get("/api/tables").query(query);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error)).toContain(field);
    }
  });
});
