/**
 * The page through an outage and behind a token, in headless Chromium: it says the database is down, then
 * recovers by itself when it is back (no reload); with API_TOKEN set it asks for the token once per tab.
 */
import { describe, expect, inject, it } from "vitest";

import { Graph } from "../../server/src/db/graph.js";
import { createApp } from "../../server/src/server.js";
import { graphDrawn, listen, useBrowser, WAIT_MS } from "../support/browser.js";
import { testGraph } from "../support/graph.js";

const ui = useBrowser();

describe("the page during an outage", () => {
  it("says the database is not reachable, then shows the overview once it is back, without a reload", { timeout: 90_000 }, async () => {
    const conn = inject("neo4j");
    // The right credentials, the wrong address: a database that is down, until it "comes back" below.
    const graph = Graph.open({ ...conn, uri: "bolt://127.0.0.1:9", queryTimeoutMs: 2000 });
    const server = await listen(createApp({ graph, log: () => {} }));
    try {
      const page = await ui.open("/", { root: server.base });
      const alert = page.getByRole("alert");
      await alert.waitFor();
      await expect(alert.getAttribute("data-error-code")).resolves.toBe("DATABASE_UNAVAILABLE");
      await page.locator(".db-status.is-down").waitFor();

      graph.reconnect(conn.uri);

      await graphDrawn(page);
      await page.locator(".db-status.is-ok").waitFor();
      expect(await page.getByRole("alert").count()).toBe(0);
      await page.close();
    } finally {
      await new Promise((r) => server.server.close(r));
      await graph.close();
    }
  });
});

describe("the page behind an API token", () => {
  it("asks for the token once per tab, keeps it across reloads, and asks again in a new tab", { timeout: 90_000 }, async () => {
    const TOKEN = "e2e-token-0123456789abcdef";
    const server = await listen(createApp({ graph: testGraph(), apiToken: TOKEN, log: () => {} }));
    try {
      const context = await ui.browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const asked: string[] = [];
      page.on("dialog", (d) => {
        asked.push(d.message());
        void d.accept(TOKEN);
      });
      await page.goto(`${server.base}/`);
      await graphDrawn(page);
      await page.reload();
      await graphDrawn(page);

      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(/API token/);
      const stored = await page.evaluate(() => Object.values(sessionStorage));
      expect(stored).toContain(TOKEN);
      const local = await page.evaluate(() => Object.values(localStorage));
      expect(local).not.toContain(TOKEN);

      const other = await context.newPage();
      other.setDefaultTimeout(WAIT_MS);
      let askedAgain = 0;
      other.on("dialog", (d) => {
        askedAgain++;
        void d.dismiss();
      });
      await other.goto(`${server.base}/`);
      await other.getByRole("alert").first().waitFor();
      expect(askedAgain).toBe(1);
      await context.close();
    } finally {
      await new Promise((r) => server.server.close(r));
    }
  });
});
