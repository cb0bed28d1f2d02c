/** Request parameters several features share: node ids and table names, validated into typed values. */
import { z } from "zod";

import { NODE_KINDS, parseNodeId, type NodeKind, type ParsedNodeId } from "../contract/ids.js";
import { decodeCursor } from "../paging.js";

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

/** `a,b` or `a&x=b`: a list of values, each checked by `item`. */
export function listParam(item: z.ZodType<string>, description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value, ctx) => {
      const parts = [...new Set((Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((s) => s.trim()).filter(Boolean))];
      const out: string[] = [];
      for (const p of parts) {
        const r = item.safeParse(p);
        if (r.success) out.push(r.data);
        else ctx.addIssue({ code: "custom", message: `'${p.slice(0, 60)}': ${r.error.issues[0]?.message ?? "not allowed"}` });
      }
      return out;
    })
    .optional()
    .meta({ description });
}

const SYSTEM_ID = z.string().max(100).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a system id: lower-case words joined by dashes, e.g. 'kentico-cloud'");

/** `systems=kentico,ambassify`: the data set an answer is scoped to (absent = every loaded system). */
export function systemsParam(description: string) {
  return listParam(SYSTEM_ID, description);
}

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

const CursorParam = z
  .string({ error: "must be given once, as the `next` value of the previous page" })
  .max(2000, "must be at most 2000 characters")
  .transform((s, ctx): string[] => {
    const key = decodeCursor(s);
    if (key) return key;
    ctx.addIssue({ code: "custom", message: "must be the `next` value of the previous page, as given" });
    return z.NEVER;
  })
  .optional()
  .meta({ description: "Where the page starts: the `page.next` of the previous answer; absent for the first page." });

/** `limit` and `cursor` for a list: at most `max` items a page, `fallback` when not given. */
export function pageParams(fallback: number, max: number) {
  return {
    limit: wholeNumberParam(1, max, fallback).meta({ description: `How many items a page holds (1–${max}, default ${fallback}).` }),
    cursor: CursorParam,
  };
}
