/** `/api/reports/tia`: one flow's transfer impact assessment (a vendor flow, or a flow into another of our systems), as HTML or an A4 PDF. */
import { catalogueCountryNames, type CountryNames } from "./countries.js";
import { systemTiaFlow, type DpiaFactsRepository, type TiaFlow } from "./dpia.facts.js";
import { PACK_CSS } from "./dpia.html.js";
import { tiaSourceFor } from "./dpia.inputs.js";
import { documentAnswer } from "./pdf.js";
import type { TiaQuery } from "./reports.schema.js";
import { tiaDocument } from "./tia.html.js";
import type { AssessmentsService } from "../assessments/assessments.service.js";
import { NotFoundError } from "../errors.js";
import type { FileAnswer } from "../file-answer.js";

export class TiaService {
  constructor(
    private readonly facts: DpiaFactsRepository,
    private readonly assessments: AssessmentsService,
    private readonly countryNames: CountryNames = catalogueCountryNames,
  ) {}

  /** The vendor flow of that id, else the flow into another of our systems of that id. */
  private async flow(id: string): Promise<TiaFlow | undefined> {
    const vendor = await this.facts.flow(id);
    if (vendor) return vendor;
    const [system] = await this.facts.systemFlows([id]);
    return system ? systemTiaFlow(system, await this.countryNames()) : undefined;
  }

  async html(query: Omit<TiaQuery, "format">, date = new Date().toISOString().slice(0, 10)): Promise<{ html: string; name: string }> {
    const flow = await this.flow(query.flow);
    if (!flow) throw new NotFoundError(`No vendor flow or flow into another of our systems '${query.flow}' is loaded`, { field: "flow" });
    const asked = query.assessment ? await this.assessments.get(query.assessment) : undefined;
    const source = await tiaSourceFor(query.flow, this.assessments, asked);
    return { html: tiaDocument(flow, source, date, PACK_CSS), name: `tia-${query.flow.replace(/[^a-z0-9]+/g, "-")}` };
  }

  async file(query: TiaQuery): Promise<FileAnswer> {
    return documentAnswer(query.format, () => this.html(query), "tia");
  }
}
