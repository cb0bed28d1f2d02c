/** Request parameters several features share: node ids and table names, validated into typed values. */
import { z } from "zod";

import { NODE_KINDS, parseNodeId, type NodeKind } from "../contract/ids.js";

export interface ParsedNodeId {
  id: string;
  kind: NodeKind;
  key: string;
}

const NODE_ID_HINT = `must be a node id 'kind:key' with kind one of ${NODE_KINDS.join(", ")} (e.g. 'table:kentico/CMS_User')`;

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
    .meta({ description, example: "table:kentico/CMS_User" });
}

/** A table's name (while one system has it) or `system/name`. */
export const TableNameParam = z
  .string()
  .max(300, "must be at most 300 characters")
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[A-Za-z][A-Za-z0-9_]*$/, "must be a table name, e.g. 'CMS_User', or 'system/name', e.g. 'kentico/CMS_User'")
  .meta({ description: "Table name (e.g. CMS_User) while one system has it, else system/name (e.g. kentico/CMS_User).", example: "CMS_User" });
