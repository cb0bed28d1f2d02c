/**
 * The embedded database's password: 192 random bits the app generates on first use and keeps in the data
 * folder, readable by the owner only (0600). `npm start`, `npm run seed` and the tests all read it from
 * there, so nobody has to choose, type or remember it, and no other local user can read it.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const PASSWORD_FILE = "password";

export function passwordFile(dataDir: string): string {
  return path.join(dataDir, PASSWORD_FILE);
}

/** Reads the password, creating it (and the folder) on first use; a file others could read is tightened to 0600. */
export function embeddedPassword(dataDir: string, log: (msg: string) => void = console.warn): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = passwordFile(dataDir);
  try {
    writeFileSync(file, `${randomBytes(24).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0) {
    log(`${file} was readable by other users; its mode is now 0600.`);
    chmodSync(file, 0o600);
  }
  const password = readFileSync(file, "utf8").trim();
  if (password.length < 16) throw new Error(`${file} holds no usable password; delete it and start again to generate a new one.`);
  return password;
}
