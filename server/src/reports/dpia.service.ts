/** The DPIA: its Art. 35(7) sections (`dpia.inputs.ts`, `dpia.sections.ts`), then the trace answer (same start, same filters) laid out as evidence, as HTML or PDF. */
import { catalogueCountryNames, type CountryNames } from "./countries.js";
import { systemTiaFlow, type DpiaFactsRepository } from "./dpia.facts.js";
import { dpiaHtml } from "./dpia.html.js";
import { dpiaInputs } from "./dpia.inputs.js";
import { startOf } from "./dpia.inputs.js";
import { packSystemFlows, withPlaces } from "./dpia.systems.js";
import { documentAnswer } from "./pdf.js";
import type { ReportsRepository } from "./reports.repository.js";
import type { DpiaQuery } from "./reports.schema.js";
import type { AssessmentsService } from "../assessments/assessments.service.js";
import type { FileAnswer } from "../file-answer.js";
import type { NodeResolver } from "../nodes/node.resolve.js";
import { answeredSends, answeredSilent, assembleTrace } from "../trace/trace.assemble.js";
import type { TraceRepository } from "../trace/trace.repository.js";
import { traceFilters } from "../trace/trace.service.js";

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9_]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);

export class DpiaService {
  constructor(
    private readonly trace: TraceRepository,
    private readonly reports: ReportsRepository,
    private readonly resolver: NodeResolver,
    private readonly facts: DpiaFactsRepository,
    private readonly assessments: AssessmentsService,
    private readonly countryNames: CountryNames = catalogueCountryNames,
  ) {}

  async html(query: Omit<DpiaQuery, "format">, date = new Date().toISOString().slice(0, 10)): Promise<{ html: string; name: string }> {
    const assessed = query.assessment ? await this.assessments.get(query.assessment) : undefined;
    const row = await this.resolver.load(startOf(query.from, assessed?.assessment), (id) => this.trace.downstream(id));
    const filters = traceFilters(query);
    const trace = assembleTrace(row, filters);
    const sends = answeredSends(row, filters);
    const silent = answeredSilent(row, filters);
    const systems = await this.reports.systems(trace.systems);
    // Flows into our other systems: as the trace follows them, each with its target's places and, when it needs one, its TIA.
    const listed = packSystemFlows(row, trace);
    const targets = listed.length > 0 ? await this.facts.systemFlows(listed.map((f) => f.flow)) : [];
    const named = targets.length > 0 ? await this.countryNames() : (code: string) => code;
    const systemTias = targets.map((f) => systemTiaFlow(f, named));
    const intoSystems = withPlaces(listed, systemTias);
    const sections = await dpiaInputs({ trace, sends, silent, systemTias, assessed, facts: this.facts, assessments: this.assessments });
    return { html: dpiaHtml({ trace, sends, silent, systems, date, sections, intoSystems }), name: `dpia-${slug(trace.from.system ? `${trace.from.system}-${trace.from.label}` : trace.from.label)}` };
  }

  async pack(query: DpiaQuery): Promise<FileAnswer> {
    return documentAnswer(query.format, () => this.html(query), "dpia");
  }
}
