/**
 * A node as the queries return it: the stored properties every node has, plus per-kind extras. The one row shape
 * repositories of several features parse (tables, vendors, nodes, search, paths) and the elements builder reads;
 * rows only one feature reads are parsed by its own repository.
 */
import { z } from "zod";

export const NodePropsSchema = z
  .object({
    kind: z.string(),
    key: z.string(),
    name: z.string(),
    system: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    table: z.string().nullable().optional(),
    columnKind: z.string().nullable().optional(),
    eea: z.boolean().nullable().optional(),
  })
  .catchall(z.unknown());
export type NodeProps = z.infer<typeof NodePropsSchema>;
