/**
 * Evidence in the explorer, in headless Debian Chromium against the real API: a vendor's details in a trace list the
 * fields this trace sends it with their paths, the trace's CSV has one row per vendor and field, and a link to a node
 * that is not there offers the closest matches.
 */
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { FIELDS_NOT_STATED } from "../../server/src/contract/words.js";
import { graphDrawn, shot, useBrowser } from "../support/browser.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const ui = useBrowser({ app: () => testApp(graph) });
const open = (url: string) => ui.open(url);

describe("a trace's evidence", () => {
  it("shows in a vendor's details the fields this trace sends it, each with its path", { timeout: 120_000 }, async () => {
    const page = await open(`/trace?from=${encodeURIComponent("table:kentico/COM_Customer")}&node=${encodeURIComponent("vendor:gravatar")}`);
    await graphDrawn(page);

    const panel = page.getByTestId("trace-vendor-evidence");
    await panel.waitFor();
    await shot(page, "evidence-vendor-panel");
    // textContent: the heading is upper-cased by CSS only.
    expect(await panel.locator("h3").textContent()).toContain("What Gravatar receives in this trace");
    const text = (await panel.textContent()) ?? "";
    expect(text).toContain("CMS_User.Email");
    expect(text).toContain("Path: COM_Customer → CMS_User → CMS_User.Email → Gravatar");
    expect(text).toContain("Copied by: Customers (Email address, columns not stated)");
    // Each step cites where it is stated, the copy's landing says it is inferred by category.
    const steps = await panel.locator("ol.provenance-steps li").allTextContents();
    expect(steps).toHaveLength(3);
    expect(steps[1]).toMatch(/^CMS_User → CMS_User\.Email: inferred \(same-category\); kentico\.yaml:\d+ · from 'Personal data in Kentico', Users$/);
    expect(steps[2]).toMatch(/^CMS_User\.Email → Gravatar: kentico\.yaml:\d+ · from 'Personal data in Kentico', Users$/);
    // The details panel says where the vendor is stated: the line of Kentico's engagement of it.
    const cited = await page.getByTestId("details").getByTestId("provenance").locator("li").allTextContents();
    expect(cited).toEqual([expect.stringMatching(/^kentico\.yaml:\d+ · from 'Personal data in Kentico', Users$/)]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("lists under the vendors the columns of our systems the data is copied into, each with its path and provenance, as the answer gives them", { timeout: 120_000 }, async () => {
    const from = "table:kentico/COM_Customer";
    const page = await open(`/trace?from=${encodeURIComponent(from)}`);
    await graphDrawn(page);
    const api = (await (await fetch(`${ui.base}/api/trace?from=${encodeURIComponent(from)}`)).json()) as { downstream: { table: string; name: string }[] };

    const list = page.getByTestId("trace-downstream");
    await list.waitFor();
    await shot(page, "evidence-copied-into");
    expect(await list.locator("h2").textContent()).toBe("Copied into (our systems)");
    const items = await list.locator("li.flow .flow__title").allTextContents();
    expect(items.map((t) => t.split(" · ")[0]!.trim())).toEqual(api.downstream.map((d) => `${d.table}.${d.name}`));
    expect(api.downstream.length).toBeGreaterThan(0);
    const first = (await list.locator("li.flow").first().textContent()) ?? "";
    expect(first).toContain("Path: COM_Customer →");
    expect(await list.locator("li.flow").first().locator("ol.provenance-steps li").count()).toBeGreaterThan(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("downloads the trace's CSV with one row per vendor and field, a flow whose fields are not stated included", { timeout: 120_000 }, async () => {
    const page = await open(`/trace?from=${encodeURIComponent("system:ambassify")}`);
    await graphDrawn(page);
    const list = page.getByTestId("trace-vendors");
    await list.waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), list.getByRole("button", { name: "CSV" }).click()]);
    const csv = readFileSync((await download.path()), "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Flow,Vendor,Field,Data category,Evidence path,Copied by,Provenance (per step),Systems,Transfer,Safeguard");
    const api = await (await fetch(`${ui.base}/api/trace?from=${encodeURIComponent("system:ambassify")}`)).json() as { vendors: { fields: unknown[]; flows: { fields: string }[] }[]; downstream?: unknown[] };
    // A row per vendor and field, per flow whose fields are not stated, and per column the data is copied into (not a vendor flow).
    const expected = api.vendors.reduce((n, v) => n + v.fields.length + v.flows.filter((f) => f.fields === "not-stated").length, 0) + (api.downstream?.length ?? 0);
    expect(lines.length - 1).toBe(expected);
    expect(lines.some((l) => l.startsWith("To a vendor,Heroku,") && l.includes(FIELDS_NOT_STATED) && /ambassify\.yaml:\d+ · from '[^']+', Sub-processors list \(table\); receives: not stated/.test(l))).toBe(true);
    await page.close();
  });
});

describe("a link to a node that is not there", () => {
  it("offers the closest matches, and one click opens the trace of the one meant", { timeout: 120_000 }, async () => {
    const page = await open(`/trace?from=${encodeURIComponent("table:kentico/CMS_Usr")}`);

    const offers = page.getByTestId("alternatives");
    await offers.waitFor();
    await shot(page, "evidence-not-found-offers");
    await offers.getByRole("link", { name: "CMS_User", exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("from") === "table:kentico/CMS_User");
    await graphDrawn(page);
    expect(await page.getByTestId("trace-vendors").isVisible()).toBe(true);
    await page.close();
  });
});
