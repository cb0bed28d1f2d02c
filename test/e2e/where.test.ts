/**
 * The "where does this data live" checklist and the report buttons in headless Debian Chromium against the real API:
 * screenshots in test-results/screenshots/ for a human to look at.
 */
import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import type { createApp } from "../../server/src/server.js";
import { testApp, testGraph } from "../support/graph.js";
import { warmQueries } from "../support/warm.js";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.join(REPO_ROOT, "test-results", "screenshots");

type Server = ReturnType<ReturnType<typeof createApp>["listen"]>;

const graph = testGraph();
warmQueries(graph, [
  ["where/columns", { category: "category:email-address", subject: null, system: "kentico" }],
  ["trace/downstream", { from: "source:kentico/users-registration" }],
]);

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: the browser tests need it. Install it with: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  const app = testApp(graph);
  ({ server, base } = await new Promise<{ server: Server; base: string }>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve({ server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` }));
  }));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}${url}`);
  return Object.assign(page, { errors });
}

describe("/where", () => {
  it("lists where Kentico keeps email addresses as a grouped checklist, with a CSV download", { timeout: 60_000 }, async () => {
    const page = await open("/where?category=category:email-address&system=kentico");
    const list = page.getByTestId("where-list");
    await list.waitFor({ timeout: 30_000 }).catch(async (err: unknown) => {
      await page.screenshot({ path: path.join(SHOTS, "where-failed.png") });
      throw err;
    });

    // The system's name arrives with the overview, which may answer after the checklist.
    const heading = list.getByRole("heading", { name: /Where Email address lives \(Kentico\)/ });
    await heading.waitFor({ timeout: 30_000 });
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
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it("offers the checklist from the navigation and the DPIA pack from a trace", { timeout: 60_000 }, async () => {
    const page = await open("/trace?from=source:kentico/users-registration");
    const pack = page.getByRole("link", { name: "Export DPIA pack" });
    await pack.waitFor({ timeout: 30_000 });
    expect(await pack.getAttribute("href")).toBe("/api/reports/dpia?from=source%3Akentico%2Fusers-registration&format=pdf");
    expect(await page.getByRole("link", { name: "Where does it live" }).getAttribute("href")).toBe("/where");
    await page.close();
  });
});
