/**
 * Property-based fuzzing of every documented endpoint: the OpenAPI document says which path and query
 * parameters each takes; fast-check fills them with valid-looking, hostile and random values. Whatever
 * comes in, the answer must be JSON and never a 5xx (a 503 is asked again twice: on a machine busy enough, a
 * heavy query can legitimately time out once; a parameter that breaks the server fails every time).
 */
import fc from "fast-check";

interface Parameter {
  name: string;
  in: "path" | "query";
  required?: boolean;
  schema?: { enum?: unknown[]; type?: string };
}

const HOSTILE = [
  "",
  " ",
  "table:kentico/CMS_User",
  "table:kentico/COM_Customer",
  "vendor:paypal",
  "system:kentico",
  "table:",
  ":",
  "table:kentico/CMS_User' OR 1=1 //",
  "MATCH (n) DETACH DELETE n",
  "}) DETACH DELETE n //",
  "`",
  "\\",
  "%",
  "%00",
  "\u0000",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "0x10",
  "1e1",
  "-1",
  "NaN",
  "Infinity",
  "9".repeat(40),
  "a".repeat(1000),
  "🙂",
  "\ud800",
  "*",
  "~",
  "AND OR NOT",
];

function valueFor(p: Parameter): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [fc.constantFrom(...HOSTILE), fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 30 }), fc.integer({ min: -5, max: 600 }).map(String)];
  if (p.schema?.enum) options.push(fc.constantFrom(...p.schema.enum.map(String)));
  return fc.oneof(...options);
}

/** Lowercase `kind:key` examples from the document are valid ids; the rest is noise. */
export async function fuzzEndpoints(baseUrl: string, numRuns: number): Promise<{ requests: number; statuses: Record<number, number> }> {
  const doc = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, { get?: { parameters?: Parameter[] } }> };
  const statuses: Record<number, number> = {};
  let requests = 0;
  for (const [template, item] of Object.entries(doc.paths)) {
    const params = item.get?.parameters ?? [];
    const record = Object.fromEntries(params.map((p) => [p.name, p.in === "path" || p.required ? valueFor(p) : fc.option(valueFor(p), { nil: undefined })]));
    await fc.assert(
      fc.asyncProperty(fc.record(record), fc.boolean(), async (values, twice) => {
        let path = template;
        const query = new URLSearchParams();
        for (const p of params) {
          const v = values[p.name];
          if (v === undefined) continue;
          if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent((v || "x").replace(/[\ud800-\udfff]/g, "?")));
          else {
            query.append(p.name, v);
            // A parameter given twice is an array to Express: must be a 400, not a crash.
            if (twice) query.append(p.name, v);
          }
        }
        const qs = query.toString();
        let res = await fetch(`${baseUrl}${path}${qs ? `?${qs}` : ""}`);
        // A 503 says "busy or slow right now, ask again": only one that persists is a failure.
        for (let retry = 0; res.status === 503 && retry < 2; retry++) {
          await res.arrayBuffer();
          await new Promise((r) => setTimeout(r, 1000));
          res = await fetch(`${baseUrl}${path}${qs ? `?${qs}` : ""}`);
        }
        const body = await res.text();
        requests++;
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status >= 500) throw new Error(`${res.status} for ${path}?${qs}: ${body.slice(0, 300)}`);
        // Every answer is JSON, except the files the report endpoints make (CSV, XLSX, Markdown, HTML, PDF) when they succeed.
        const isReport = path.startsWith("/api/reports/") && res.status < 300;
        if (!isReport && !res.headers.get("content-type")?.includes("application/json")) throw new Error(`not JSON for ${path}?${qs}`);
      }),
      { numRuns },
    );
  }
  return { requests, statuses };
}
