/** Argument parsing shared by the import/export/discover commands (node's own parser, strict). */
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

import { IMPORT_FORMATS, type ImportFormat } from "../import/import.source.js";

/** npm runs scripts from the package root; INIT_CWD is where the user typed the command. */
export function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export function cliArgs<T extends NonNullable<ParseArgsConfig["options"]>>(options: T, usage: string) {
  try {
    return parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (err) {
    console.error(`${(err as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
}

export function formatArg(value: string | undefined, usage: string): ImportFormat | undefined {
  if (value === undefined) return undefined;
  if ((IMPORT_FORMATS as readonly string[]).includes(value)) return value as ImportFormat;
  console.error(`--format must be one of ${IMPORT_FORMATS.join(", ")}\nusage: ${usage}`);
  process.exit(2);
}
