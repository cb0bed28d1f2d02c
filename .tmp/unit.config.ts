import { defineConfig } from "vitest/config";
export default defineConfig({ test: { include: ["server/src/import/**/*.test.ts"], testTimeout: 60000 } });
