/**
 * Facts verified by hand against the four documents (line numbers in ../shared/seeds/), each checked in the seeded Neo4j.
 * Kentico = 002_bd9f30a229ef8e88.txt, Kentico Cloud = 000_…, Kontent.ai = 001_…, Ambassify = 003_….
 */
import { describe, expect, it } from "vitest";

import { ids } from "../../server/src/contract/ids.js";
import { testGraph } from "../support/graph.js";

const graph = testGraph();

/** Built-in table names are unique across the four systems, so the tests name a column by table and column alone. */
async function column(table: string, name: string) {
  const [row] = await graph.read("inventory/column-facts", { id: ids.column(await systemOf(table), table, name) });
  if (!row) throw new Error(`column ${table}.${name} is not in the graph`);
  return row as { kind: string; category: string | null; categoryLabel: string | null; purposes: string[]; purposeKeys: string[]; references: string | null; vendors: string[]; sentBackBy: string[]; sources: string[] };
}

async function systemOf(table: string): Promise<string> {
  const rows = await graph.read("tables/resolve", { name: table, system: null });
  if (rows.length !== 1) throw new Error(`table ${table} is in ${rows.length} systems`);
  return String(rows[0]!.system);
}

async function copiesInto(from: string) {
  const rows = await graph.read("inventory/sources-copying");
  return rows.filter((r) => r.from === from).map((r) => r.to);
}

async function reference(from: string, to: string) {
  const [row] = await graph.read("inventory/table-reference", { from, to });
  return row as { columns: string[]; forms: string[] } | undefined;
}

async function flows(system: string, vendor: string) {
  return (await graph.read("inventory/vendor-flows", { system, vendor: ids.vendor(vendor) })) as {
    vendor: string;
    legalNames: string[];
    service: string | null;
    retention: string | null;
    entityCountry: string | null;
    dataCountries: string[];
    receives: string[];
    sendsBack: string[];
  }[];
}

describe("Kentico (002)", () => {
  it("OM_Account.AccountName is a name, may go to Salesforce (lines 33–42)", async () => {
    const c = await column("OM_Account", "AccountName");
    expect(c).toMatchObject({ kind: "personal", category: "name", categoryLabel: "Name" });
    expect(c.purposeKeys).toContain("kentico/salesforce-lead-replication");
    expect(c.vendors).toEqual(["salesforce"]);
  });

  it("OM_Account.AccountEmail, AccountFax, AccountPhone are 'Contact information' (lines 23–27)", async () => {
    for (const name of ["AccountEmail", "AccountFax", "AccountPhone"]) {
      expect(await column("OM_Account", name)).toMatchObject({ category: "contact-information", categoryLabel: "Contact information" });
    }
  });

  it("OM_Account's references to other entities are reference columns (lines 54–60)", async () => {
    expect(await column("OM_Account", "AccountOwnerUserID")).toMatchObject({ kind: "reference", references: "CMS_User" });
    expect(await column("OM_Account", "AccountCreated")).toMatchObject({ kind: "system", category: null });
  });

  it("OM_AccountContact references OM_Account via AccountID (lines 76–78)", async () => {
    expect(await reference("OM_AccountContact", "OM_Account")).toMatchObject({ columns: ["AccountID"], forms: ["incoming"] });
  });

  it("Chat_Message references Chat_User through both of its user columns (lines 485–490)", async () => {
    expect((await reference("Chat_Message", "Chat_User"))?.columns).toEqual(["ChatMessageRecipientID", "ChatMessageUserID"]);
  });

  it("Chat_User feeds Chat_Message, and CMS_User feeds Chat_User (lines 378–382, 477–482)", async () => {
    expect(await copiesInto("Chat_User")).toContain("Chat_Message");
    expect(await copiesInto("CMS_User")).toContain("Chat_User");
  });

  it("COM_Customer feeds CMS_User and OM_Contact (lines 2735–2741, 605–611)", async () => {
    expect(await copiesInto("COM_Customer")).toEqual(expect.arrayContaining(["CMS_User", "CMS_UserSettings", "OM_Contact"]));
  });

  it("CMS_BannedIP.IPAddressRegular is an IP address (line 166)", async () => {
    expect(await column("CMS_BannedIP", "IPAddressRegular")).toMatchObject({ kind: "personal", category: "ip-address" });
  });

  it("Blog_Comment.CommentEmail is an email address with no purpose stated (lines 190–194)", async () => {
    expect(await column("Blog_Comment", "CommentEmail")).toMatchObject({ category: "email-address", purposes: [] });
  });

  it("COM_Customer.CustomerEmail reaches PayPal and Authorize.Net (lines 763–812)", async () => {
    const c = await column("COM_Customer", "CustomerEmail");
    expect(c.category).toBe("email-address");
    expect(c.vendors.sort()).toEqual(["authorize-net", "paypal"]);
  });

  it("COM_Customer.CustomerFirstName goes to PayPal but not to Authorize.Net (lines 801, 812)", async () => {
    expect((await column("COM_Customer", "CustomerFirstName")).vendors).toEqual(["paypal"]);
  });

  it("COM_Order is created from COM_ShoppingCart, COM_OrderItem from COM_ShoppingCartSKU (lines 1039–1043, 1094–1098)", async () => {
    expect(await copiesInto("COM_ShoppingCart")).toEqual(["COM_Order"]);
    expect(await copiesInto("COM_ShoppingCartSKU")).toEqual(["COM_OrderItem"]);
  });

  it("OM_Membership references both COM_Customer and CMS_User via RelatedID (lines 855–860, 2845–2850)", async () => {
    expect((await reference("OM_Membership", "COM_Customer"))?.columns).toEqual(["RelatedID"]);
    expect((await reference("OM_Membership", "CMS_User"))?.columns).toEqual(["RelatedID"]);
  });

  it("COM_SKU references COM_Supplier via SKUSupplierID (lines 1269–1273)", async () => {
    expect(await reference("COM_SKU", "COM_Supplier")).toMatchObject({ columns: ["SKUSupplierID"] });
  });

  it("COM_Wishlist feeds the Strands Recommender (line 1287)", async () => {
    expect((await column("COM_Wishlist", "UserID")).vendors).toEqual(["strands"]);
  });

  it("CMS_Email.EmailTo is an email address handed to the SMTP server, which sends back the send result (lines 1299–1361)", async () => {
    expect(await column("CMS_Email", "EmailTo")).toMatchObject({ category: "email-address", vendors: ["smtp-server"] });
    expect((await column("CMS_Email", "EmailLastSendResult")).sentBackBy).toEqual(["smtp-server"]);
  });

  it("Newsletter issues are filled from their email feed; subscribers from contacts (lines 1467–1471, 1623–1627)", async () => {
    expect(await copiesInto("Newsletter_Newsletter")).toEqual(["Newsletter_NewsletterIssue"]);
    expect(await copiesInto("OM_Contact")).toContain("Newsletter_Subscriber");
  });

  it("Events_Attendee.AttendeePhone is a phone number (lines 1773–1779)", async () => {
    expect(await column("Events_Attendee", "AttendeePhone")).toMatchObject({ kind: "personal", category: "phone-number" });
  });

  it("Forums_ForumSubscription references Forums_ForumPost via SubscriptionPostID (lines 1965–1967)", async () => {
    expect((await reference("Forums_ForumSubscription", "Forums_ForumPost"))?.columns).toEqual(["SubscriptionPostID"]);
  });

  it("Board_Message.MessageURL is a URL with an empty purpose cell (lines 2093–2096)", async () => {
    expect(await column("Board_Message", "MessageURL")).toMatchObject({ category: "url", purposes: [] });
  });

  it("CMS_User.Email goes to Gravatar (line 2572); CMS_User.UserPassword is a password (lines 2615–2619)", async () => {
    expect((await column("CMS_User", "Email")).vendors).toContain("gravatar");
    expect(await column("CMS_User", "UserPassword")).toMatchObject({ category: "password", categoryLabel: "Password" });
  });

  it("CMS_UserSettings.UserFacebookID is exchanged with Facebook (lines 2654–2661)", async () => {
    expect(await column("CMS_UserSettings", "UserFacebookID")).toMatchObject({ category: "online-identifier", vendors: ["facebook"], sentBackBy: ["facebook"] });
  });

  it("CMS_WorkflowHistory references CMS_WorkflowStep via StepID and TargetStepID (lines 3062–3065)", async () => {
    expect((await reference("CMS_WorkflowHistory", "CMS_WorkflowStep"))?.columns).toEqual(["StepID", "TargetStepID"]);
  });

  it("CMS_AbuseReport references CMS_User via ReportUserID (lines 2773–2777)", async () => {
    expect(await reference("CMS_AbuseReport", "CMS_User")).toMatchObject({ columns: ["ReportUserID"], forms: ["incoming"] });
  });
});

describe("Kentico Cloud (000)", () => {
  it("sends Auth0 the User ID and receives the Email address back (lines 83–89)", async () => {
    const [auth0] = await flows("kentico-cloud", "auth0");
    expect(auth0).toMatchObject({ receives: ["KenticoCloud_User.User ID"], sendsBack: ["KenticoCloud_User.Email address"] });
  });

  it("stores all customer data on Microsoft Azure (line 3)", async () => {
    const azure = (await flows("kentico-cloud", "microsoft")).find((f) => f.service === "Azure");
    expect(azure?.receives.length).toBe(18);
  });

  it("fills Name from the sign-up form, the profile page and invitations (lines 48–50)", async () => {
    expect((await column("KenticoCloud_User", "Name")).sources).toHaveLength(3);
  });
});

describe("Kontent.ai (001)", () => {
  it("Hotjar's legal entity is in Malta and receives events and activity tracking (lines 111–117)", async () => {
    const [hotjar] = await flows("kontent-ai", "hotjar");
    expect(hotjar).toMatchObject({ entityCountry: "MT", receives: ["KontentAi_User.Events and activity tracking"] });
  });

  it("Intercom's legal entity is in Ireland (line 121)", async () => {
    const [intercom] = await flows("kontent-ai", "intercom");
    expect(intercom?.entityCountry).toBe("IE");
    expect(intercom?.legalNames).toContain("Intercom R&D Unlimited Company");
  });

  it("Pardot is Salesforce's service, in the United States (lines 137–152)", async () => {
    const [pardot] = await flows("kontent-ai", "salesforce");
    expect(pardot).toMatchObject({ service: "Pardot", entityCountry: "US" });
    expect(pardot?.receives).toEqual(expect.arrayContaining(["KontentAi_User.Country", "KontentAi_User.Company"]));
  });

  it("records the phone number as personal data (line 66)", async () => {
    expect(await column("KontentAi_User", "Phone number")).toMatchObject({ kind: "personal", category: "phone-number" });
  });
});

describe("Ambassify (003)", () => {
  it("Twilio: US entity, data in Germany, 30 days, user contact and conversational data (line 6)", async () => {
    const [twilio] = await flows("ambassify", "twilio");
    expect(twilio).toMatchObject({ entityCountry: "US", dataCountries: ["DE"], retention: "30 days" });
    expect(twilio?.receives.sort()).toEqual(["Ambassify_User.Contact information", "Ambassify_User.Conversational data"]);
  });

  it("SolarWinds (Loggly): UK entity, data in the US, 15 days, 22 manager and user fields (line 7)", async () => {
    const [loggly] = await flows("ambassify", "solarwinds");
    expect(loggly).toMatchObject({ service: "Loggly", entityCountry: "GB", dataCountries: ["US"], retention: "15 days" });
    expect(loggly?.receives).toHaveLength(22);
  });

  it("Heroku receives no data categories ('None') but is still a sub-processor, 1 days, data in Ireland (line 11)", async () => {
    const [heroku] = await flows("ambassify", "heroku");
    expect(heroku).toMatchObject({ retention: "1 days", dataCountries: ["IE"], receives: [] });
  });

  it("Google Analytics keeps statistics of all four subject types for 780 days (line 12)", async () => {
    const [ga] = await flows("ambassify", "google");
    expect(ga?.retention).toBe("780 days");
    expect(ga?.receives.sort()).toEqual(["Ambassify_Client.Statistics", "Ambassify_Manager.Statistics", "Ambassify_Prospect.Statistics", "Ambassify_User.Statistics"]);
  });

  it("Amazon is one vendor with four services; SQS keeps data 14 days, S3 holds no listed category (lines 14–17)", async () => {
    const amazon = await flows("ambassify", "amazon");
    expect(amazon.map((f) => f.service).sort()).toEqual(["EC2 Neo4J", "RDS", "S3", "SQS"]);
    expect(amazon.find((f) => f.service === "SQS")?.retention).toBe("14 days");
    expect(amazon.find((f) => f.service === "S3")?.receives).toEqual([]);
  });

  it("expands category codes through the code table: M1 is the manager's name (line 22)", async () => {
    expect(await column("Ambassify_Manager", "Name")).toMatchObject({ category: "name" });
    const [auth0] = await flows("ambassify", "auth0");
    expect(auth0?.receives).toContain("Ambassify_Manager.Name");
  });
});

describe("across systems", () => {
  it("Auth0 is one vendor serving Kentico Cloud, Kontent.ai and Ambassify, each with its own flows", async () => {
    for (const system of ["kentico-cloud", "kontent-ai", "ambassify"]) {
      expect((await flows(system, "auth0")).length, system).toBeGreaterThan(0);
    }
    expect((await flows("ambassify", "auth0"))[0]?.dataCountries).toEqual(["DE"]);
    expect((await flows("kentico-cloud", "auth0"))[0]?.dataCountries).toEqual([]);
  });

  it("'Email address' is one category in every system", async () => {
    expect((await column("KontentAi_User", "Email address")).category).toBe("email-address");
    expect((await column("CMS_User", "Email")).category).toBe("email-address");
  });

  it("countries carry EEA membership", async () => {
    const eea = async (code: string) => (await graph.read("inventory/location", { code }))[0]?.eea;
    expect(await eea("DE")).toBe(true);
    expect(await eea("MT")).toBe(true);
    expect(await eea("US")).toBe(false);
    expect(await eea("GB")).toBe(false);
  });
});
