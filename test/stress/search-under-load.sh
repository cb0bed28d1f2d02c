#!/usr/bin/env bash
# Proves the browser search tests do not flake: runs test/e2e/search.test.ts N times in a row (default 50, in one
# vitest run, so the database and the client are set up once) while test/stress/busy-cores.mjs keeps every core busy.
# Writes what it saw to test/stress/RESULTS.md. Usage: bash test/stress/search-under-load.sh [N]
set -uo pipefail
cd "$(dirname "$0")/../.."
n="${1:-50}"
node test/stress/busy-cores.mjs 7200 &
busy=$!
trap 'kill "$busy" 2>/dev/null' EXIT
started=$(date -u +%FT%TZ)
SEARCH_REPEATS=$((n - 1)) npx vitest run test/e2e/search.test.ts --project read
status=$?
load=$(cut -d' ' -f1-3 /proc/loadavg)
kill "$busy" 2>/dev/null
node -e '
  const r = require("./test-results/vitest.json");
  const tests = r.testResults.flatMap((f) => f.assertionResults);
  const line = `${r.numPassedTests} passed, ${r.numFailedTests} failed`;
  const out = [
    `# Browser search tests under load`,
    ``,
    `Run ${process.argv[1]}: \`bash test/stress/search-under-load.sh ${process.argv[2]}\` on ${require("os").cpus().length} cores with every core kept busy by busy-cores.mjs; load average at the end ${process.argv[3]}.`,
    ``,
    `Each of the ${tests.length} tests ran ${process.argv[2]} times in a row (vitest \`repeats\`): ${line} (a repeated test counts once and fails if any run failed).`,
    ``,
    ...tests.map((t) => `- ${t.status === "passed" ? "passed" : "FAILED"}: ${t.title} (${Math.round(t.duration / 1000)} s for all runs)`),
    ``,
  ];
  require("fs").writeFileSync("test/stress/RESULTS.md", out.join("\n"));
  console.log(out.join("\n"));
' "$started" "$n" "$load"
exit "$status"
