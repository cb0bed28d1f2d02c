/**
 * HTML → PDF through one headless Chromium (Debian's `/usr/bin/chromium`), launched on the first request, reused while
 * requests keep coming, and closed after a minute idle or on shutdown (`closePdfBrowser`).
 */
import { existsSync } from "node:fs";

import { chromium, type Browser } from "playwright-core";

import { PdfUnavailableError } from "../errors.js";

/** Debian's Chromium, or CHROMIUM_PATH; read at each launch. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const IDLE_MS = 60_000;

let browser: Promise<Browser> | null = null;
let idle: NodeJS.Timeout | null = null;
let busy = 0;

function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!browser && !existsSync(executablePath)) {
    throw new PdfUnavailableError(`PDF output needs Chromium at ${executablePath} (Debian package 'chromium'); it is not installed. Ask for format=html instead.`);
  }
  browser ??= chromium.launch({ executablePath, args: ARGS }).catch((err: unknown) => {
    browser = null;
    throw new PdfUnavailableError(`Chromium at ${executablePath} did not start: ${(err as Error).message.split("\n")[0]}`);
  });
  return browser;
}

/** Prints a self-contained HTML page to an A4 PDF (backgrounds kept, CSS page margins honoured). */
export async function renderPdf(html: string): Promise<Buffer> {
  if (idle) clearTimeout(idle);
  busy++;
  try {
    const b = await launch();
    const context = await b.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load" });
      return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, margin: { top: "14mm", bottom: "14mm", left: "12mm", right: "12mm" } });
    } finally {
      await context.close();
    }
  } finally {
    busy--;
    if (busy === 0) idle = setTimeout(() => void closePdfBrowser(), IDLE_MS).unref();
  }
}

export async function closePdfBrowser(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const b = browser;
  browser = null;
  if (b) await (await b.catch(() => null))?.close();
}
