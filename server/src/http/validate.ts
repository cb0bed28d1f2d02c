/**
 * The one place a zod failure on a request becomes a `ValidationError` (400): every issue is reported with
 * the field it concerns, and the message names those fields, so a client can point at the wrong input.
 */
import type { z } from "zod";

import { ValidationError } from "../errors.js";

export type RequestPart = "path" | "query";

export interface FieldIssue {
  field: string;
  message: string;
}

function fieldOf(issue: z.core.$ZodIssue, part: RequestPart): string[] {
  // An unknown key is reported on the object itself; name the keys instead.
  if (issue.code === "unrecognized_keys") return issue.keys;
  const path = issue.path.map(String).join(".");
  return [path || part];
}

export function fieldIssues(error: z.ZodError, part: RequestPart): FieldIssue[] {
  return error.issues.flatMap((issue) => fieldOf(issue, part).map((field) => ({ field, message: issue.message })));
}

/** Parses one part of a request; the parsed (coerced, defaulted) value is what handlers get. */
export function parseRequestPart<S extends z.ZodType>(schema: S, input: unknown, part: RequestPart): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = fieldIssues(result.error, part);
  const where = part === "path" ? "path parameter" : "query parameter";
  const message = details.map((d) => `${where} '${d.field}': ${d.message}`).join("; ");
  throw new ValidationError(`Invalid ${message}`, details);
}
