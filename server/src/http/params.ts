/** Request parameters several features share: node ids and table names, validated into typed values. */
import { z } from "zod";

import { NODE_KINDS, parseNodeId, type NodeKind } from "../contract/ids.js";
import { EntityName } from "../inventory/inventory.schema.js";

export interface ParsedNodeId {
  id: string;
  kind: NodeKind;
  key: string;
}

const NODE_ID_HINT = `must be a node id 'kind:key' with kind one of ${NODE_KINDS.join(", ")} (e.g. 'table:CMS_User')`;

/** `kind:key` → `{ id, kind, key }`; the kind must be one of the fixed list. */
export function nodeIdParam(description: string, kinds: readonly NodeKind[] = NODE_KINDS) {
  const hint = kinds === NODE_KINDS ? NODE_ID_HINT : `must be the id of a ${kinds.join(", ")} node (e.g. '${kinds[0]}:…')`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? `is required: ${NODE_ID_HINT.replace("must be ", "")}` : "must be given once, as text") })
    .max(400, "must be at most 400 characters")
    .transform((s, ctx): ParsedNodeId => {
      const parsed = parseNodeId(s);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: NODE_ID_HINT });
        return z.NEVER;
      }
      if (!kinds.includes(parsed.kind)) {
        ctx.addIssue({ code: "custom", message: hint });
        return z.NEVER;
      }
      return { id: s, ...parsed };
    })
    .meta({ description, example: "table:CMS_User" });
}

export const TableNameParam = z
  .string()
  .max(200, "must be at most 200 characters")
  .pipe(EntityName)
  .meta({ description: "Table (entity) name, e.g. CMS_User.", example: "CMS_User" });

/**
 * A whole-number query parameter written the plain way: digits only, so `0x10`, `1e1`, ` 5`, `+5` and `5.0`
 * are refused instead of silently read as numbers. Absent → `fallback`.
 */
export function wholeNumberParam(min: number, max: number, fallback: number) {
  const range = `a whole number from ${min} to ${max}`;
  return z
    .string({ error: `must be given once, as ${range}` })
    .regex(/^[0-9]{1,9}$/, `must be ${range}, written in digits`)
    .transform(Number)
    .pipe(z.number().min(min, `must be ${range}`).max(max, `must be ${range}`))
    .optional()
    .transform((n) => n ?? fallback)
    // Documented as what it is for a client: an integer in range (sent, like every query value, as digits).
    .meta({ type: "integer", minimum: min, maximum: max, default: fallback });
}
