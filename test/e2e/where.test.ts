/**
 * The "where does this data live" checklist and the report buttons in headless Debian Chromium against the real API:
 * screenshots in test-results/screenshots/ for a human to look at.
 */
import path from "node:path";

import { describe, expect, it } from "vitest";

import { SHOTS, useBrowser } from "../support/browser.js";
import { testApp, testGraph } from "../support/graph.js";
import { warmQueries } from "../support/warm.js";

const graph = testGraph();
warmQueries(graph, [
  ["where/columns", { category: "category:email-address", subject: null, system: "kentico" }],
  ["trace/downstream", { from: "source:kentico/users-registration" }],
]);
const ui = useBrowser({ app: () => testApp(graph) });
const open = (url: string) => ui.open(url, { viewport: { width: 1280, height: 1000 } });

describe("/where", () => {
  it("lists where Kentico keeps email addresses as a grouped checklist, with a CSV download", { timeout: 60_000 }, async () => {
    const page = await open("/where?category=category:email-address&system=kentico");
    const list = page.getByTestId("where-list");
    await list.waitFor().catch(async (err: unknown) => {
      await page.screenshot({ path: path.join(SHOTS, "where-failed.png") });
      throw err;
    });

    // The system's name arrives with the overview, which may answer after the checklist.
    const heading = list.getByRole("heading", { name: /Where Email address lives \(Kentico\)/ });
    await heading.waitFor();
    expect(await heading.count()).toBe(1);
    const text = await list.innerText();
    for (const group of ["Tables & columns", "Referencing tables", "Sources", "Vendors"]) expect(text).toContain(group);
    expect(text).toContain("CMS_User");
    expect(text).toContain("CMS_Email");
    expect(text).toMatch(/references CMS_User/);
    await list.getByRole("checkbox").first().check();
    expect(await list.innerText()).toMatch(/1 of \d+ checked/);
    await page.screenshot({ path: path.join(SHOTS, "where.png"), fullPage: false });

    const download = page.waitForEvent("download");
    await list.getByRole("button", { name: "CSV" }).click();
    const csv = await (await download).path();
    expect(csv).toBeTruthy();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("offers the checklist from the navigation and the DPIA pack from a trace", { timeout: 60_000 }, async () => {
    const page = await open("/trace?from=source:kentico/users-registration");
    const pack = page.getByRole("link", { name: "Export DPIA pack" });
    await pack.waitFor();
    expect(await pack.getAttribute("href")).toBe("/api/reports/dpia?from=source%3Akentico%2Fusers-registration&format=pdf");
    expect(await page.getByRole("link", { name: "Where does it live" }).getAttribute("href")).toBe("/where");
    await page.close();
  });
});
