/**
 * OpenLineage run events (spec 2-0-x, https://openlineage.io/spec/), the parts this project reads: the job, the run,
 * the input and output datasets with their `schema` and `columnLineage` facets. Everything else an event may carry
 * (other facets, `_producer`/`_schemaURL` of each facet) is accepted and ignored.
 */
import { z } from "zod";

/** `columnLineage` 1-1-0 and later: how an input field makes the output field. */
export const TransformationSchema = z.looseObject({
  type: z.enum(["DIRECT", "INDIRECT"]),
  /** DIRECT: IDENTITY | TRANSFORMATION | AGGREGATION; INDIRECT: JOIN | GROUP_BY | FILTER | SORT | WINDOW | CONDITIONAL. */
  subtype: z.string().nullish(),
  description: z.string().nullish(),
  masking: z.boolean().nullish(),
});

export const InputFieldSchema = z.looseObject({
  namespace: z.string().min(1),
  name: z.string().min(1),
  field: z.string().min(1),
  transformations: z.array(TransformationSchema).nullish(),
});

export const ColumnLineageFacetSchema = z.looseObject({
  fields: z.record(
    z.string().min(1),
    z.looseObject({
      inputFields: z.array(InputFieldSchema),
      /** Facet 1-0-x, deprecated since: one description and type for all of the field's inputs. */
      transformationDescription: z.string().nullish(),
      transformationType: z.string().nullish(),
    }),
  ),
  /** Inputs that influence the whole dataset (filters, joins), not one field. */
  dataset: z.array(InputFieldSchema).nullish(),
});

export const SchemaFacetSchema = z.looseObject({
  fields: z.array(z.looseObject({ name: z.string().min(1), type: z.string().nullish(), description: z.string().nullish() })).nullish(),
});

export const DatasetSchema = z.looseObject({
  namespace: z.string().min(1),
  name: z.string().min(1),
  facets: z.looseObject({ schema: SchemaFacetSchema.nullish(), columnLineage: ColumnLineageFacetSchema.nullish() }).nullish(),
});

export const RunEventSchema = z.looseObject({
  eventType: z.enum(["START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"]).default("OTHER"),
  eventTime: z.iso.datetime({ offset: true }),
  run: z.looseObject({ runId: z.guid() }),
  job: z.looseObject({ namespace: z.string().min(1), name: z.string().min(1) }),
  inputs: z.array(DatasetSchema).nullish(),
  outputs: z.array(DatasetSchema).nullish(),
  producer: z.string().min(1),
  schemaURL: z.string().nullish(),
});

export type RunEvent = z.infer<typeof RunEventSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
export type InputField = z.infer<typeof InputFieldSchema>;
