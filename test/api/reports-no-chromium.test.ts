import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testApp } from "../support/graph.js";

const app = testApp();
const before = process.env.CHROMIUM_PATH;
beforeAll(() => {
  process.env.CHROMIUM_PATH = "/nonexistent/chromium";
});
afterAll(() => {
  if (before === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = before;
});

describe("GET /api/reports/dpia without Chromium", () => {
  it("answers format=pdf with a clear 503 and still serves format=html", async () => {
    const pdf = await request(app).get("/api/reports/dpia").query({ from: "source:kentico/users-registration", format: "pdf" });

    expect(pdf.status).toBe(503);
    expect(pdf.body.error).toMatchObject({ code: "PDF_UNAVAILABLE", message: expect.stringContaining("/nonexistent/chromium") });
    expect(pdf.body.error.message).toContain("format=html");
    expect((await request(app).get("/api/reports/dpia").query({ from: "source:kentico/users-registration", format: "html" })).status).toBe(200);
  }, 60_000);
});
