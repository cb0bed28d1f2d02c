/** Saves a Blob under a file name through a temporary link (the browser's ordinary download). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file-name-safe slug: "Trace from table CMS_User" → "trace-from-table-cms_user". */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (insecure origin, permissions): the old way still works in every browser.
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.append(ta);
    ta.select();
    // The Clipboard API needs a secure context; a plain-http deployment still copies through this older call.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    document.execCommand("copy");
    ta.remove();
  }
}
