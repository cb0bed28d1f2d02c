import request from "supertest";
import { describe, expect, it } from "vitest";

import { PathsResponseSchema } from "../../server/src/contract/api.js";
import { testApp } from "../support/graph.js";

const app = testApp();

async function paths(from: string, to: string) {
  const res = await request(app).get("/api/paths").query({ from, to });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return PathsResponseSchema.parse(res.body);
}

describe("GET /api/paths", () => {
  it("answers every shortest data-flow path from COM_Customer to PayPal", async () => {
    const body = await paths("table:kentico/COM_Customer", "vendor:paypal");

    expect(body.paths.map((p) => p.nodes)).toEqual(
      expect.arrayContaining([
        ["table:kentico/COM_Customer", "column:kentico/COM_Customer.CustomerEmail", "vendor:paypal"],
        ["table:kentico/COM_Customer", "column:kentico/COM_Customer.CustomerPhone", "vendor:paypal"],
      ]),
    );
    expect(body.paths.every((p) => p.length === 2)).toBe(true);
    const edges = body.elements.edges.map((e) => `${e.data.source} ${e.data.type} ${e.data.target}`);
    expect(edges).toContain("column:kentico/COM_Customer.CustomerEmail SENT_TO vendor:paypal");
  });

  it("follows a copy whose columns the document does not map through the tables: from COM_Customer to Gravatar through CMS_User's email", async () => {
    const body = await paths("table:kentico/COM_Customer", "vendor:gravatar");

    expect(body.paths).toEqual([{ nodes: ["table:kentico/COM_Customer", "table:kentico/CMS_User", "column:kentico/CMS_User.Email", "vendor:gravatar"], length: 3 }]);
    const edges = body.elements.edges.map((e) => `${e.data.source} ${e.data.type} ${e.data.target} ${e.data.label ?? ""}`.trim());
    expect(edges).toContain("table:kentico/COM_Customer COPIED_TO table:kentico/CMS_User Email address: columns not stated");
    expect(edges.filter((e) => /^column:\S+ COPIED_TO column:/.test(e))).toEqual([]);
    expect(body.elements.nodes.map((n) => n.data.id)).not.toContain("column:kentico/COM_Customer.CustomerEmail");
  });

  it("follows a copy the document maps column to column as it is (a chat user's nick name into a chat request)", async () => {
    const body = await paths("column:kentico/Chat_User.ChatUserNickName", "column:kentico/Chat_InitiatedChatRequest.InitiatedChatRequestInitiatorName");

    expect(body.paths).toEqual([{ nodes: ["column:kentico/Chat_User.ChatUserNickName", "column:kentico/Chat_InitiatedChatRequest.InitiatedChatRequestInitiatorName"], length: 1 }]);
  });

  it("starts from a category through one of its columns", async () => {
    const body = await paths("category:postal-address", "vendor:authorize-net");

    expect(body.paths.length).toBeGreaterThan(0);
    for (const p of body.paths) {
      expect(p.length).toBe(2);
      expect(p.nodes[0]).toBe("category:postal-address");
      expect(p.nodes[2]).toBe("vendor:authorize-net");
    }
  });

  it("reaches a country only through the flow's own system", async () => {
    const kontent = await paths("table:kontent-ai/KontentAi_User", "location:IE");
    const nowhere = await paths("table:kontent-ai/KontentAi_User", "location:DE");

    expect(kontent.paths.map((p) => p.nodes)).toContainEqual(["table:kontent-ai/KontentAi_User", "column:kontent-ai/KontentAi_User.Email address", "vendor:intercom", "location:IE"]);
    // Auth0 stores Ambassify's data in Germany, not Kontent.ai's.
    expect(nowhere.paths).toEqual([]);
  });

  it("answers no paths (not an error) when data does not flow that way", async () => {
    const body = await paths("vendor:paypal", "table:kentico/COM_Customer");

    expect(body.paths).toEqual([]);
    expect(body.elements.nodes.map((n) => n.data.id)).toEqual(["vendor:paypal", "table:kentico/COM_Customer"]);
  });

  it("answers 400 naming the missing field and 404 naming the unknown node", async () => {
    const missing = await request(app).get("/api/paths").query({ from: "table:kentico/CMS_User" });
    const unknown = await request(app).get("/api/paths").query({ from: "table:kentico/CMS_User", to: "vendor:nobody" });

    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ field: "to", message: expect.any(String) }]);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("No node with id 'vendor:nobody'.");
  });
});
