import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import type { CatalogueLookup } from "./catalogue.lookup.js";
import { readLookup } from "./import.service.js";
import { openLineageInventories, readRunEvents } from "./openlineage.import.js";
import { InventoryValidationError } from "../inventory/inventory.parse.js";
import { REPO_ROOT } from "../inventory/paths.js";

const fixture = (name: string) => path.join(REPO_ROOT, "test", "fixtures", "openlineage", name);
const read = (name: string) => readRunEvents(fixture(name), readFileSync(fixture(name), "utf8"));
const NS = "postgres://warehouse.example:5432";

let lookup: CatalogueLookup;
beforeAll(async () => {
  lookup = await readLookup();
});

/** A one-job event with the given column lineage facet on its output. */
function event(fields: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    eventType: "COMPLETE",
    eventTime: "2026-12-01T10:00:00Z",
    run: { runId: "0193b000-0000-7000-8000-000000000001" },
    job: { namespace: "spark", name: "copy_people" },
    inputs: [{ namespace: NS, name: "src.people", facets: { schema: { fields: [{ name: "email", type: "string" }] } } }],
    outputs: [{ namespace: NS, name: "dst.people_copy", facets: { columnLineage: { fields } } }],
    producer: "https://example.org/producer",
    ...extra,
  };
}
/** Where `event()` sees what it names. */
const SEEN = { jobNamespace: "spark", job: "copy_people", runId: "0193b000-0000-7000-8000-000000000001", eventTime: "2026-12-01T10:00:00Z" };
const build = (events: unknown[]) =>
  openLineageInventories(
    events.map((e, i) => readRunEvents(`e${i}.json`, JSON.stringify(e))[0]!),
    lookup,
  )[0]!.inventory;

describe("readRunEvents", () => {
  it("reads a JSON array and the same events one per line (NDJSON) alike", () => {
    const array = read("pipeline.json").map((e) => e.event);
    const lines = read("pipeline.ndjson").map((e) => e.event);
    expect(lines).toEqual(array);
    expect(array.map((e) => e.eventType)).toEqual(["START", "COMPLETE", "START", "COMPLETE"]);
  });

  it("names the line and field of every malformed event", () => {
    let error: InventoryValidationError | undefined;
    try {
      read("broken.ndjson");
    } catch (err) {
      error = err as InventoryValidationError;
    }
    expect(error).toBeInstanceOf(InventoryValidationError);
    expect(error!.issues.map((i) => [i.line, i.field])).toEqual([
      [1, "run.runId"],
      [2, "job.name"],
    ]);
  });

  it("names the index of a malformed event in a JSON array", () => {
    const text = JSON.stringify([event({}), { ...event({}), eventTime: "yesterday" }], null, 2);
    expect(() => readRunEvents("a.json", text)).toThrow(/\[1\]\.eventTime: events\[1\]/);
  });
});

describe("openLineageInventories", () => {
  it("makes DIRECT inputs stated copies and INDIRECT ones not copies", () => {
    const inv = build([
      event({
        email: {
          inputFields: [
            { namespace: NS, name: "src.people", field: "email", transformations: [{ type: "DIRECT", subtype: "IDENTITY" }] },
            { namespace: NS, name: "src.people", field: "country", transformations: [{ type: "INDIRECT", subtype: "FILTER" }] },
          ],
        },
      }),
    ]);
    expect(inv.sources[0]!.copies).toEqual([{ from: "people.email", to: "people_copy.email", observed: SEEN }]);
    expect(inv.sources[0]!.description).toContain("src.people.country (FILTER)");
  });

  it("keeps on each table, column and column copy the job, run and time of the latest event that names it", () => {
    const start = { ...event({}), eventType: "START", eventTime: "2026-12-01T09:59:00Z", outputs: [{ namespace: NS, name: "dst.people_copy" }] };
    const later = { ...event({}), run: { runId: "0193b000-0000-7000-8000-000000000002" }, eventTime: "2026-12-02T10:00:00Z", outputs: [] };
    const inv = build([start, event({ email: { inputFields: [{ namespace: NS, name: "src.people", field: "email" }] } }), later]);
    const table = (name: string) => inv.entities.find((e) => e.name === name)!;
    const second = { ...SEEN, runId: "0193b000-0000-7000-8000-000000000002", eventTime: "2026-12-02T10:00:00Z" };

    // people is named again by the later run (its schema facet too); people_copy and the copy only by the first run's COMPLETE.
    expect(table("people").observed).toEqual(second);
    expect(table("people").columns.find((c) => c.name === "email")!.observed).toEqual(second);
    expect(table("people_copy").observed).toEqual(SEEN);
    expect(table("people_copy").columns.find((c) => c.name === "email")!.observed).toEqual(SEEN);
    expect(inv.sources[0]!.copies[0]!.observed).toEqual(SEEN);
  });

  it("reads masking from transformations[].masking, and from the older transformationDescription only when that is absent", () => {
    const masked = build([event({ email: { inputFields: [{ namespace: NS, name: "src.people", field: "email", transformations: [{ type: "DIRECT", subtype: "TRANSFORMATION", masking: true }] }] } })]);
    const notMasked = build([event({ email: { inputFields: [{ namespace: NS, name: "src.people", field: "email", transformations: [{ type: "DIRECT", subtype: "TRANSFORMATION", description: "hash", masking: false }] }] } })]);
    const older = build([event({ email: { inputFields: [{ namespace: NS, name: "src.people", field: "email" }], transformationDescription: "sha256 hash of the address", transformationType: "MASKED" } })]);
    const col = (inv: typeof masked) => inv.entities.find((e) => e.name === "people_copy")!.columns.find((c) => c.name === "email")!;
    expect(col(masked)).toMatchObject({ kind: "personal", category: "email-address", pseudonymised: true });
    expect(col(notMasked).pseudonymised).toBeUndefined();
    expect(col(older)).toMatchObject({ category: "email-address", pseudonymised: true });
  });

  it("merges the events of one run and counts the same event once", () => {
    const start = { ...event({}), eventType: "START", eventTime: "2026-12-01T09:59:00Z", outputs: [{ namespace: NS, name: "dst.people_copy" }] };
    const complete = event({ email: { inputFields: [{ namespace: NS, name: "src.people", field: "email" }] } });
    const once = build([start, complete]);
    expect(build([start, complete, complete, start])).toEqual(once);
    expect(once.sources[0]!.observed).toEqual({
      jobNamespace: "spark",
      job: "copy_people",
      runs: [{ runId: "0193b000-0000-7000-8000-000000000001", eventType: "COMPLETE", eventTime: "2026-12-01T10:00:00Z" }],
      producer: "https://example.org/producer",
    });
    expect(once.system.observedEvents).toHaveLength(2);
  });

  it("builds the same inventory whatever order the events come in, a COMPLETE at the same time as its START counting as later", () => {
    const start = { ...event({}), eventType: "START", outputs: [{ namespace: NS, name: "dst.people_copy", facets: { schema: { fields: [{ name: "b" }, { name: "email" }] } } }] };
    const complete = event({ email: { inputFields: [{ namespace: NS, name: "src.people", field: "email" }] } }, { outputs: [{ namespace: NS, name: "dst.people_copy", facets: { schema: { fields: [{ name: "email" }, { name: "b" }] }, columnLineage: { fields: { email: { inputFields: [{ namespace: NS, name: "src.people", field: "email" }] } } } } }] });

    const forwards = build([start, complete]);

    expect(build([complete, start])).toEqual(forwards);
    expect(forwards.sources[0]!.observed!.runs[0]!.eventType).toBe("COMPLETE");
  });
});
