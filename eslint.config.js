// Lint: typescript-eslint's recommended rules, type-only imports, and import order.
import js from "@eslint/js";
import importPlugin from "eslint-plugin-import";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "neo4j-launcher/**", ".data/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { import: importPlugin },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/order": ["error", { groups: ["builtin", "external", ["internal", "parent", "sibling", "index"]], "newlines-between": "always", alphabetize: { order: "asc" } }],
      "no-console": "off",
    },
  },
);
