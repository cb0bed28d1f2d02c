import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import request from "supertest";
import { afterAll, describe, expect, inject, it } from "vitest";

import { AssessmentRepository } from "../../server/src/assessments/assessment.repository.js";
import { sanitiseHtml, textOf } from "../../server/src/assessments/assessment.sanitise.js";
import { AssessmentsResponseSchema } from "../../server/src/assessments/assessments.schema.js";
import { GRAPH_HEADING, ownWords } from "../../server/src/assessments/cnil.export.js";
import { commentOn, evaluationOf, riskQuestion, TEXT_QUESTIONS } from "../../server/src/assessments/cnil.map.js";
import { cnilPiaText } from "../../server/src/cli/cnil-pia.js";
import { importFiles } from "../../server/src/import/import.service.js";
import { InventoryValidationError } from "../../server/src/inventory/inventory.parse.js";
import { removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { closePdfBrowser } from "../../server/src/reports/pdf.js";
import { testApp, testGraph } from "../support/graph.js";
import { binary, poppler } from "../support/pdf.js";

const graph = testGraph();
const app = testApp(graph);
const repo = new AssessmentRepository(graph);
const fixture = (name: string) => path.join(REPO_ROOT, "test", "fixtures", "assessments", name);
const CNIL = fixture("kentico-registration.cnil-pia.json");
const YAML = fixture("ambassify-platform.assessment.yaml");
const ID = "fixture-kentico-registration";
const START = "source:kentico/users-registration";
const OUT = path.resolve("test-results");
const SHOTS = path.join(OUT, "screenshots");
const tmp = mkdtempSync(path.join(os.tmpdir(), "assessments-"));

interface CnilFile {
  pia: Record<string, unknown>;
  answers: { reference_to: number; data: { text: string | null; gauge: number | null; list: string[] | null } }[];
  measures: { id: number; title: string; content: string }[];
  evaluations: { reference_to: string; status: number; evaluation_comment?: string; action_plan_comment?: string; gauges: { x: number; y: number } }[];
  comments: { reference_to: number; for_measure: boolean; description: string }[];
}
const cnilFixture = JSON.parse(readFileSync(CNIL, "utf8")) as CnilFile;

async function removeAssessments() {
  await graph.writeTransaction((tx) => tx.run("MATCH (a:Assessment) WHERE a.id STARTS WITH 'fixture-' DELETE a"));
}

async function refused(files: string[], opts: Parameters<typeof importFiles>[3] = {}): Promise<InventoryValidationError> {
  try {
    await importFiles(graph, files, undefined, opts);
  } catch (err) {
    if (err instanceof InventoryValidationError) return err;
    throw err;
  }
  throw new Error("expected the import to be refused");
}

afterAll(async () => {
  await removeAssessments();
  await removeSystems(graph, ["fixture-acme-shop"]);
  await closePdfBrowser();
});

describe("npm run import: a CNIL PIA tool export", () => {
  it("arrives whole: every answer, measure, evaluation and comment, the DPO's and data subjects' opinions and every gauge", async () => {
    const report = await importFiles(graph, [CNIL], "cnil-pia", { cnil: { id: ID, start: START, covers: [START, "kentico/paypal"] } });

    expect(report.assessments.map((a) => a.id)).toEqual([ID]);
    const stored = (await repo.get(ID))!.assessment;
    for (const a of cnilFixture.answers) {
      const q = TEXT_QUESTIONS.find((t) => t.id === a.reference_to);
      if (q) {
        const got = (q.part === "context" ? stored.context : stored.principles) as Record<string, string>;
        expect(got[q.key], `answer ${a.reference_to}`).toBe(sanitiseHtml(a.data.text!));
        continue;
      }
      const r = riskQuestion(a.reference_to)!;
      const risk = stored.risks[r.risk]!;
      if (r.field === "severity" || r.field === "likelihood") expect(risk[r.field], `answer ${a.reference_to}`).toEqual({ level: a.data.gauge, text: a.data.text });
      else expect(risk[r.field], `answer ${a.reference_to}`).toEqual(a.data.list);
    }
    expect(stored.measures.map((m) => [m.id, m.title, m.content])).toEqual(cnilFixture.measures.map((m) => [String(m.id), m.title, m.content]));
    expect(stored.evaluations).toHaveLength(cnilFixture.evaluations.length);
    cnilFixture.evaluations.forEach((e, i) => {
      const got = stored.evaluations[i]!;
      expect(got.of).toBe(evaluationOf(e.reference_to));
      expect(got.of.startsWith("cnil:"), e.reference_to).toBe(false);
      expect([got.comment, got.actionPlan]).toEqual([e.evaluation_comment, e.action_plan_comment]);
      if (got.of.startsWith("risks.")) expect(got.residual).toEqual({ severity: e.gauges.x, likelihood: e.gauges.y });
    });
    expect(stored.comments.map((c) => [c.on, c.text])).toEqual(cnilFixture.comments.map((c) => [commentOn(c.reference_to, c.for_measure), c.description]));
    expect(stored.validation.dpo).toEqual({ names: cnilFixture.pia.dpos_names, status: "favourable", opinion: cnilFixture.pia.dpo_opinion });
    expect(stored.validation.dataSubjects).toMatchObject({ sought: true, names: cnilFixture.pia.people_names, status: "favourable", opinion: cnilFixture.pia.concerned_people_opinion });
    expect([stored.assessment.name, stored.assessment.status, stored.assessment.author, stored.assessment.evaluator, stored.assessment.validator]).toEqual([
      cnilFixture.pia.name,
      "validated",
      cnilFixture.pia.author_name,
      cnilFixture.pia.evaluator_name,
      cnilFixture.pia.validator_name,
    ]);
  });

  it("keeps an answer's words as written and drops its script", () => {
    const raw = cnilFixture.answers.find((a) => a.reference_to === 211)!.data.text!;
    expect(raw).toContain("<script>");
    const clean = sanitiseHtml(raw);
    expect(clean).not.toContain("script");
    expect(clean).not.toContain("alert");
    expect(textOf(clean)).toBe("La finalité est la gestion des comptes des utilisateurs inscrits ; elle est déterminée, explicite et légitime.");
  });

  it("is listed by GET /api/assessments with the nodes and flows it covers, unchanged since its import", async () => {
    const res = await request(app).get("/api/assessments");

    expect(res.status).toBe(200);
    const a = AssessmentsResponseSchema.parse(res.body).assessments.find((x) => x.id === ID)!;
    expect(a).toMatchObject({ name: cnilFixture.pia.name, status: "validated", nodes: [START], flows: ["kentico/paypal"], format: "cnil-pia" });
    expect(a.fingerprint).toMatchObject({ source: "import", changed: false });
    expect(a.fingerprint.current).toBe(a.fingerprint.recorded);
  });

  it("fills the DPIA pack: its risks on the CNIL risk map, its measures, opinions and sign-off", async () => {
    const res = await request(app).get("/api/reports/dpia").query({ assessment: ID });

    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain('aria-label="Risk map: severity against likelihood"');
    // Three risks as assessed (filled) and three residual points (hollow): the fixture gives every risk both.
    expect(html.match(/<circle [^>]*fill="#b3261e"/g)).toHaveLength(3);
    expect(html.match(/<circle [^>]*fill="#fff" stroke="#1f5fa8"/g)).toHaveLength(3);
    for (const m of cnilFixture.measures) expect(html).toContain(m.title);
    for (const w of ["Hameçonnage", "Vol de la base des comptes", "Attaquant externe", "3 significant", "Nadia Roux (DPO)", "Panel de 12 utilisateurs inscrits", "Registered user"]) expect(html).toContain(w);
    expect(html).toContain("are unchanged since it was imported");
    expect(html).not.toContain("<script>");

    const pdf = await request(app).get("/api/reports/dpia").query({ assessment: ID, format: "pdf" }).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    mkdirSync(SHOTS, { recursive: true });
    const file = path.join(OUT, "dpia-cnil-assessment.pdf");
    writeFileSync(file, pdf.body as Buffer);
    const text = poppler("pdftotext", [file, "-"]).replace(/\s+/g, " ");
    for (const h of ["(Art. 35(7)(a))", "(Art. 35(7)(b))", "(Art. 35(7)(c))", "(Art. 35(7)(d))", "Views of the data subjects (Art. 35(9))", "(Art. 36)", "6. Sign-off"]) expect(text).toContain(h);
    expect(text).toContain("Likelihood →");
    poppler("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "5", file, path.join(SHOTS, "dpia-cnil")]);
  }, 120_000);

  it("exports again in the tool's shape with the graph's description in the data and data-flow answers; re-imported, it gives the same answers", async () => {
    const first = JSON.parse(await cnilPiaText(graph, ID)) as CnilFile;

    expect(Object.keys(first)).toEqual(["pia", "answers", "measures", "evaluations", "comments"]);
    const byRef = (f: CnilFile) => new Map(f.answers.map((a) => [a.reference_to, a.data]));
    const a1 = byRef(first);
    expect(a1.get(121)!.text).toContain(GRAPH_HEADING);
    expect(a1.get(121)!.text).toContain("Registered user");
    expect(ownWords(a1.get(121)!.text!)).toBe(cnilFixture.answers.find((a) => a.reference_to === 121)!.data.text);
    expect(a1.get(122)!.text).toContain("PayPal");
    expect(first.measures).toHaveLength(cnilFixture.measures.length);
    expect(first.evaluations.map((e) => [e.reference_to, e.status, e.gauges])).toEqual(cnilFixture.evaluations.map((e) => [e.reference_to, e.status, e.gauges]));
    expect(first.comments.map((c) => [c.reference_to, c.for_measure, c.description])).toEqual(cnilFixture.comments.map((c) => [c.reference_to, c.for_measure, c.description]));

    const file = path.join(tmp, "exported.json");
    writeFileSync(file, JSON.stringify(first));
    await importFiles(graph, [file], "cnil-pia", { cnil: { id: `${ID}-again`, start: START } });
    const second = JSON.parse(await cnilPiaText(graph, `${ID}-again`)) as CnilFile;

    const a2 = byRef(second);
    expect([...a2.keys()].sort()).toEqual([...a1.keys()].sort());
    for (const [ref, data] of a1) expect(a2.get(ref), `answer ${ref}`).toEqual(data);
    const original = byRef(cnilFixture);
    for (const [ref, data] of original) {
      if (ref === 121 || ref === 122) expect(ownWords(a2.get(ref)!.text!)).toBe(sanitiseHtml(data.text ?? ""));
      else expect(a2.get(ref)!.text ?? null, `answer ${ref}`).toEqual(data.text === null ? null : sanitiseHtml(data.text));
    }
    expect(second.evaluations).toEqual(first.evaluations);
    expect(second.measures).toEqual(first.measures);
    expect(second.comments).toEqual(first.comments);
  });

  it("refuses an answer to a question the CNIL structure does not have, at its line, and writes nothing", async () => {
    const text = readFileSync(CNIL, "utf8").replace('"reference_to": 113,', '"reference_to": 999,');
    const file = path.join(tmp, "bad.json");
    writeFileSync(file, text);
    const before = (await repo.list()).map((a) => a.id);

    const err = await refused([file], { cnil: { id: "fixture-bad" } });

    expect(err.issues).toEqual([expect.objectContaining({ file, line: text.split("\n").findIndex((l) => l.includes('"reference_to": 999')) + 1, message: expect.stringContaining("999") })]);
    expect((await repo.list()).map((a) => a.id)).toEqual(before);
  });
});

describe("the import and export commands", () => {
  const cli = (script: string, args: string[]) => {
    const conn = inject("neo4j");
    return spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: REPO_ROOT, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password },
    });
  };

  it("npm run import -- pia.json --format cnil-pia --covers … stores it and prints its fingerprint; npm run export -- --format cnil-pia writes it back", () => {
    const imported = cli("server/src/cli/import.cli.ts", [CNIL, "--format", "cnil-pia", "--id", "fixture-cli", "--start", START, "--covers", "table:kentico/CMS_User"]);
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("Loaded assessment 'fixture-cli' (Inscription des utilisateurs Kentico, validated): covers 2 nodes and 0 flows.");
    expect(imported.stdout).toMatch(/fingerprint of the covered facts, recorded now: sha256:[0-9a-f]{64}/);

    const out = path.join(tmp, "cli-export.json");
    const exported = cli("server/src/cli/export.cli.ts", ["--format", "cnil-pia", "--assessment", "fixture-cli", "--out", out]);
    expect(exported.status, exported.stderr).toBe(0);
    const written = JSON.parse(readFileSync(out, "utf8")) as CnilFile;
    expect(written.pia.name).toBe(cnilFixture.pia.name);
    expect(written.answers).toHaveLength(cnilFixture.answers.length);
    expect(written.answers.find((a) => a.reference_to === 122)!.data.text).toContain("From the lineage graph");
  }, 120_000);
});

describe("npm run import: an assessment file", () => {
  it("loads one naming nodes and flows; the pack and /api/reports/tia show its transfer assessment", async () => {
    await importFiles(graph, [YAML]);

    const tia = await request(app).get("/api/reports/tia").query({ flow: "ambassify/heroku" });
    expect(tia.status).toBe(200);
    expect(tia.text).toContain("FISA 702");
    expect(tia.text).toContain("Encryption at rest with keys held in the EU");
    expect(tia.text).toContain("Re-evaluate by 2027-06-30");
    expect(tia.text).toContain("Assessment: Ambassify platform (test fixture)");

    const pack = await request(app).get("/api/reports/dpia").query({ assessment: "fixture-ambassify-platform" });
    expect(pack.status).toBe(200);
    expect(pack.text).toContain("Encryption in transit");
    expect(pack.text).toContain("table:ambassify/Ambassify_Manager");
    expect(pack.text).toContain("FISA 702");
    expect(pack.text).toContain("Residual risks are limited.");
    expect(pack.text).not.toContain("onerror");
    // Every third-country flow of the system has a TIA section; only Heroku's is filled by the assessment.
    const third = await graph.probe("MATCH (:System {system: 'ambassify'})-[u:USES_VENDOR]->() WHERE u.transfer = 'third-country' RETURN u.flow AS flow");
    for (const r of third) expect(pack.text).toContain(`(${r.flow as string})</span></h3>`);
    expect(pack.text.match(/Step 1\. Know the transfer/g)).toHaveLength(third.length);

    const pdf = await request(app).get("/api/reports/dpia").query({ assessment: "fixture-ambassify-platform", format: "pdf" }).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    mkdirSync(SHOTS, { recursive: true });
    const file = path.join(OUT, "dpia-ambassify-assessment.pdf");
    writeFileSync(file, pdf.body as Buffer);
    expect(poppler("pdftotext", [file, "-"]).replace(/\s+/g, " ")).toContain("Step 3. Law and practice of the destination US: FISA 702");
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler("pdfinfo", [file]))![1]);
    poppler("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", String(pages), file, path.join(SHOTS, "dpia-ambassify")]);
  }, 120_000);

  it("refuses a node or flow the graph does not have, at its line, and writes nothing", async () => {
    const text = readFileSync(YAML, "utf8").replace("id: fixture-ambassify-platform", "id: fixture-missing").replace("nodes: [ambassify/heroku]", "nodes: [ambassify/nowhere]");
    const file = path.join(tmp, "missing.yaml");
    writeFileSync(file, text);

    const err = await refused([file]);

    const line = text.split("\n").findIndex((l) => l.includes("ambassify/nowhere")) + 1;
    expect(err.issues).toEqual([{ file, line, field: "measures[1].nodes[0]", message: "'ambassify/nowhere' names no vendor flow or flow into another of our systems in the graph" }]);
    expect((await repo.list()).map((a) => a.id)).not.toContain("fixture-missing");
  });

  it("warns in /api/assessments and in the pack when the facts it covers change after it was assessed (Art. 35(11))", async () => {
    const shop = path.join(REPO_ROOT, "test", "fixtures", "import", "acme-shop.yaml");
    await importFiles(graph, [shop]);
    const assessment = path.join(tmp, "shop.yaml");
    writeFileSync(assessment, ["assessment:", "  id: fixture-shop", "  name: Shop", "  start: table:fixture-acme-shop/users", "  covers: [table:fixture-acme-shop/users]", ""].join("\n"));
    await importFiles(graph, [assessment]);
    const listed = async () => AssessmentsResponseSchema.parse((await request(app).get("/api/assessments")).body).assessments.find((a) => a.id === "fixture-shop")!;
    expect((await listed()).fingerprint.changed).toBe(false);

    // The same system, one more column in the covered table.
    const changed = path.join(tmp, "acme-shop.yaml");
    writeFileSync(changed, readFileSync(shop, "utf8").replace(/( *)- \{ name: full_name,([^\n]*)\n/, (m, indent: string) => `${m}${indent}- { name: phone, kind: personal, category: phone-number }\n`));
    expect(readFileSync(changed, "utf8")).toContain("name: phone");
    await importFiles(graph, [changed]);

    expect((await listed()).fingerprint.changed).toBe(true);
    const pack = await request(app).get("/api/reports/dpia").query({ assessment: "fixture-shop" });
    expect(pack.text).toContain("The graph facts this assessment covers have changed since it was assessed");
  });
});
