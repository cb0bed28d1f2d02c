/**
 * The "where does this data live" checklist and the report buttons in headless Debian Chromium against the real API:
 * screenshots in test-results/screenshots/ for a human to look at.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import { SHOTS, useBrowser } from "../support/browser.js";
import { testApp, testGraph } from "../support/graph.js";
import { warmQueries } from "../support/warm.js";

const graph = testGraph();
warmQueries(graph, [
  ["where/columns", { category: "category:email-address", subject: null, system: "kentico", skip: 0, limit: 2147483647 }],
  ["where/columns", { category: null, subject: "subject:kentico/user", system: null, skip: 0, limit: 2147483647 }],
  ["trace/start-columns", { from: "source:kentico/users-registration" }],
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
    expect(await list.innerText()).toMatch(/1 of [\d,]+ checked/);
    await page.screenshot({ path: path.join(SHOTS, "where.png"), fullPage: false });

    const download = page.waitForEvent("download");
    await list.getByRole("button", { name: "CSV" }).click();
    const csv = await (await download).path();
    expect(csv).toBeTruthy();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("picks a data subject with the keyboard and lists, per table, the key that finds the person and the erasure action; its ticks survive a reload and are in the CSV and the printed page", { timeout: 120_000 }, async () => {
    const page = await open("/where");
    const box = page.getByRole("combobox", { name: "Data subject or category" });
    await box.fill("registered");
    const option = page.getByRole("option", { name: /Registered user.*data subject.*Kentico/ });
    await option.waitFor();
    // ↓ then ↑ moves through the choices (subjects first), Enter picks the highlighted one.
    await box.press("ArrowDown");
    await box.press("ArrowUp");
    expect(await option.getAttribute("aria-selected")).toBe("true");
    await box.press("Enter");
    await page.waitForURL(/\/where\?subject=subject%3Akentico%2Fuser$/);
    const list = page.getByTestId("where-list");
    await list.getByRole("heading", { name: "Where Registered user (Kentico) lives (every system)" }).waitFor();
    // The box shows the question being answered.
    expect(await page.getByRole("combobox", { name: "Data subject or category" }).inputValue()).toBe("Registered user (Kentico)");

    const item = (name: string) => list.getByRole("region", { name: "Tables & columns" }).getByRole("listitem").filter({ has: page.locator("strong", { hasText: new RegExp(`^${name}$`) }) });
    const user = item("CMS_User");
    expect(await user.innerText()).toContain("Identity key: UserName, UserID, UserGUID (stated)");
    expect(await user.innerText()).toContain("Erasure: not stated");
    // Each item says where it is stated, as the details panel cites it (file:line · from the document, its section).
    expect(await user.getByTestId("provenance").innerText()).toMatch(/^Where it is stated: kentico\.yaml:\d+ · from 'Personal data in Kentico'/);
    const items = list.getByRole("listitem");
    expect(await items.count()).toBeGreaterThan(10);
    expect(await list.getByTestId("provenance").count()).toBe(await items.count());
    expect(await item("CMS_UserSettings").innerText()).toContain("Identity key: not stated");
    // Every table of the checklist says both, stated or not.
    const tables = list.getByRole("region", { name: "Tables & columns" }).getByRole("listitem");
    const count = await tables.count();
    expect(count).toBeGreaterThan(5);
    for (const text of await tables.allInnerTexts()) expect(text).toMatch(/Identity key: .+\n?[\s\S]*Erasure: .+/);
    const vendor = list.getByRole("region", { name: "Vendors" }).getByRole("listitem").first();
    expect(await vendor.innerText()).toContain("Route: not stated");

    await user.getByRole("checkbox").check();
    await vendor.getByRole("checkbox").check();
    const checked = page.getByTestId("where-checked");
    expect(await checked.innerText()).toMatch(/^2 of [\d,]+ checked$/);
    const vendorName = await vendor.locator("strong").innerText();

    await page.reload();
    await list.getByRole("heading", { name: /Where Registered user/ }).waitFor();
    expect(await checked.innerText()).toMatch(/^2 of [\d,]+ checked$/);
    expect(await item("CMS_User").getByRole("checkbox").isChecked()).toBe(true);
    expect(await item("CMS_UserSettings").getByRole("checkbox").isChecked()).toBe(false);

    await page.screenshot({ path: path.join(SHOTS, "where-subject.png") });

    const download = page.waitForEvent("download");
    await list.getByRole("button", { name: "CSV" }).click();
    const csv = readFileSync((await (await download).path()), "utf8").replace(/^\uFEFF/, "");
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.Item === "CMS_User")).toMatchObject({ Group: "Tables & columns", "Identity key": "UserName, UserID, UserGUID (stated)", "Erasure action": "not stated", Done: "yes" });
    // The CSV cites every item where the list does, in the same words.
    expect(Object.keys(rows[0]!)).toContain("Where it is stated");
    expect(rows.every((r) => r["Where it is stated"] !== "")).toBe(true);
    expect(rows.find((r) => r.Item === "CMS_User")!["Where it is stated"]).toBe((await user.getByTestId("provenance").innerText()).replace(/^Where it is stated: /, ""));
    expect(rows.find((r) => r.Group === "Vendors" && r.Item === vendorName)!["Where it is stated"]).toMatch(/^kentico\.yaml:\d+/);
    expect(rows.find((r) => r.Item === "CMS_UserSettings")).toMatchObject({ "Identity key": "not stated", Done: "no" });
    expect(rows.find((r) => r.Group === "Vendors" && r.Item === vendorName)).toMatchObject({ "Vendor route": "not stated", Done: "yes" });
    expect(rows.filter((r) => r.Done === "yes")).toHaveLength(2);

    // The printed page: the list alone, each tick as a mark a reader of the paper sees.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    expect(await page.locator(".where-controls").isVisible()).toBe(false);
    expect(await item("CMS_User").locator(".where-item__mark").innerText()).toBe("☑");
    expect(await item("CMS_UserSettings").locator(".where-item__mark").innerText()).toBe("☐");
    const pdf = path.join(SHOTS, "where-checklist.pdf");
    writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: true }));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toMatch(/☑\s+CMS_User\b/);
    expect(text).toMatch(/☐\s+CMS_UserSettings\b/);
    expect(text).toContain("Identity key: UserName, UserID, UserGUID (stated)");
    await page.emulateMedia({ media: "screen" });
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
