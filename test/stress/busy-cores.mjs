// Keeps every core busy (one spinning process per core) until killed or `seconds` pass: the load CI's 2-core
// machine is under while other suites, a JVM and a browser share it. Usage: node test/stress/busy-cores.mjs [seconds]
import { fork } from "node:child_process";
import os from "node:os";

const seconds = Number(process.argv[2] ?? 3600);
if (process.argv[3] === "spin") {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) Math.sqrt(Math.random());
  process.exit(0);
}
const children = os.cpus().map(() => fork(new URL(import.meta.url), [String(seconds), "spin"]));
const stop = () => {
  for (const c of children) c.kill();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
console.log(`busy-cores: ${children.length} spinning processes for up to ${seconds} s`);
