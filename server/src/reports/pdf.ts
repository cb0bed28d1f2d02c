/**
 * HTML → PDF through one headless Chromium (Debian's `/usr/bin/chromium`), launched on the first request, reused while
 * requests keep coming, and closed after a minute idle or on shutdown (`closePdfBrowser`).
 *
 * Printing is bounded: at most `concurrency` pages print at once (one browser, never one per request), at most
 * `queue` more wait, each no longer than its request's deadline; beyond that a request gets a fast 503 with
 * `Retry-After` before any work is done for it. A print that outlives its deadline is stopped and its page closed.
 */
import { existsSync } from "node:fs";

import { chromium, type Browser } from "playwright-core";

import { ConcurrencyLimiter, LimiterFullError } from "../db/limiter.js";
import { currentDeadline, timeLeft, within } from "../deadline.js";
import { PdfUnavailableError, QueryTimeoutError, ReportBusyError } from "../errors.js";
import type { FileAnswer } from "../file-answer.js";

/** Debian's Chromium, or CHROMIUM_PATH; read at each launch. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const IDLE_MS = 60_000;

let slots = new ConcurrencyLimiter({ concurrency: 2, queue: 8, maxWaitMs: 60_000 });

/** PDFs printed at once and how many may wait (PDF_CONCURRENCY, PDF_QUEUE). */
export function configurePdf({ concurrency, queue }: { concurrency: number; queue: number }): void {
  slots = new ConcurrencyLimiter({ concurrency, queue, maxWaitMs: 60_000 });
}

/** Printing slots in use and waiting: for the health answer and the tests. */
export const pdfStats = () => slots.stats;

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

/**
 * Waits for a printing slot (or answers 503 at once when too many wait), then builds the page with `html` and prints
 * it: the page is built only once the request holds a slot, so a refused request costs nothing.
 */
export async function printPdf(html: () => Promise<string>): Promise<Buffer> {
  let release: () => void;
  try {
    release = await slots.acquire(Math.max(0, timeLeft(60_000) - 1000));
  } catch (err) {
    if (err instanceof LimiterFullError) throw new ReportBusyError();
    throw err;
  }
  try {
    currentDeadline()?.check();
    return await renderPdf(await html());
  } finally {
    release();
  }
}

/**
 * A document as the route answers it: the page itself, or that page printed to PDF (built only once a printing slot is
 * ours, so a request refused for want of one costs nothing) and named after what `make` says it is.
 */
export async function documentAnswer(format: "html" | "pdf", make: () => Promise<{ html: string; name: string }>, fallbackName: string): Promise<FileAnswer> {
  if (format === "pdf") {
    let name = fallbackName;
    const body = await printPdf(async () => {
      const made = await make();
      name = made.name;
      return made.html;
    });
    return { type: "application/pdf", body, fileName: `${name}.pdf` };
  }
  const { html } = await make();
  return { type: "text/html; charset=utf-8", body: html };
}

/** Prints a self-contained HTML page to an A4 PDF (backgrounds kept, CSS page margins honoured), within the request's deadline. */
export async function renderPdf(html: string): Promise<Buffer> {
  if (idle) clearTimeout(idle);
  busy++;
  try {
    const b = await launch();
    const context = await b.newContext({ javaScriptEnabled: false, offline: true });
    const deadline = currentDeadline();
    try {
      const print = (async () => {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: "load" });
        return page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, margin: { top: "14mm", bottom: "14mm", left: "12mm", right: "12mm" } });
      })();
      print.catch(() => {});
      if (!deadline) return await print;
      return await within(print, Math.max(0, deadline.left()), () => new QueryTimeoutError().withLogNote("PDF printing passed the request's deadline"));
    } finally {
      // Closing the context stops a print still running past the deadline.
      await context.close().catch(() => {});
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
