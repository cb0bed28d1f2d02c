/**
 * `DATA=<dir> npm start` on an empty database loads that directory's inventories, in every format the import command
 * reads, and nothing of the built-in data. It runs the real start script with its own embedded Neo4j (an empty store
 * in a temporary directory), so the shared test database is not touched.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { OverviewResponseSchema, TablesResponseSchema } from "../../server/src/contract/api.js";
import { dataDirectoryFiles } from "../../server/src/import/import.service.js";
import { InventoryValidationError } from "../../server/src/inventory/inventory.parse.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";

const DATA = path.join(REPO_ROOT, "test", "fixtures", "import");
const store = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-start-data-"));
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(store, { recursive: true, force: true });
});

/** Starts `server/src/start.ts` and resolves with the address it prints once it listens. */
function start(env: NodeJS.ProcessEnv): Promise<{ base: string; output: () => string }> {
  const { NEO4J_URI: _uri, NEO4J_USER: _user, NEO4J_PASSWORD: _password, ...rest } = process.env;
  let output = "";
  child = spawn(process.execPath, ["--import", "tsx", "server/src/start.ts"], { cwd: REPO_ROOT, env: { ...rest, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /explorer: (http:\/\/[^\s/]+:\d+)\//.exec(output);
      if (m) resolve({ base: m[1]!, output: () => output });
    };
    child!.stdout!.on("data", onData);
    child!.stderr!.on("data", onData);
    child!.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

describe("DATA=<dir> npm start", () => {
  it("finds every inventory file of the directory, whatever its format, and refuses a directory without any", async () => {
    const files = await dataDirectoryFiles(DATA);

    expect(files.map((f) => path.basename(f))).toEqual(["acme-shop.yaml", "fides-crm.yml", "fides-transfers.yml", "helpdesk.csv"]);
    await expect(dataDirectoryFiles(store)).rejects.toBeInstanceOf(InventoryValidationError);
  });

  it("loads that directory's systems into an empty database instead of the built-in ones", { timeout: 400_000 }, async () => {
    const { base, output } = await start({ DATA, PORT: "0", HOST: "127.0.0.1", NEO4J_DATA_DIR: store, NEO4J_HEAP_MB: "512", NEO4J_PAGECACHE_MB: "64", QUERY_TIMEOUT_MS: "60000" });

    const overview = OverviewResponseSchema.parse(await (await fetch(`${base}/api/overview`)).json());
    const tables = TablesResponseSchema.parse(await (await fetch(`${base}/api/tables`)).json());

    expect(output()).toContain(`loading the inventories in ${DATA}`);
    expect(overview.systems.map((s) => s.id).sort()).toEqual(["system:fixture-acme-shop", "system:fixture-fides-crm", "system:fixture-fides-survey", "system:fixture-helpdesk"]);
    expect(new Set(tables.tables.map((t) => t.system))).toEqual(new Set(["fixture-acme-shop", "fixture-fides-crm", "fixture-fides-survey", "fixture-helpdesk"]));
    expect(tables.tables.map((t) => t.name)).not.toContain("CMS_User");
  });
});
