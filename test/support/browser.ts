/** Browser-test helpers: Debian's Chromium (never a downloaded one) against the app on a free port. */
import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { chromium, type Browser, type Page } from "playwright-core";

import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import type { createApp } from "../../server/src/server.js";

export const CHROMIUM = "/usr/bin/chromium";
export const SHOTS = path.join(REPO_ROOT, "test-results", "screenshots");
export const VIEWPORT = { width: 1440, height: 900 };

export type Server = ReturnType<ReturnType<typeof createApp>["listen"]>;

export function listen(app: ReturnType<typeof createApp>): Promise<{ server: Server; base: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

/**
 * `gpu: true` leaves out --disable-gpu: without a GPU, Chromium then renders WebGL 2 with SwiftShader, so the app's
 * WebGL renderer can be tested headless (with --disable-gpu there is no WebGL and the app uses the 2D canvas).
 */
export async function launchChromium({ gpu = false }: { gpu?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: the browser tests need it. Install it with: apt-get install -y chromium`);
  }
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", ...(gpu ? [] : ["--disable-gpu"]), "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Waits until Cytoscape has drawn a laid-out graph (the layout runs in a worker first). */
export async function graphDrawn(page: Page): Promise<void> {
  await page.waitForTimeout(150);
  await page.locator('[data-testid="graph"] canvas').first().waitFor();
  await page.locator(".graph-canvas__busy").waitFor({ state: "detached", timeout: 90_000 });
  await page.waitForTimeout(300);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
