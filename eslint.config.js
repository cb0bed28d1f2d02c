// Lint: typescript-eslint's strict type-checked rules (the type checker informs the linter), type-only imports, and import order.
import js from "@eslint/js";
import importPlugin from "eslint-plugin-import";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "neo4j-launcher/**", ".data/**", "test-results/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["client/vite.config.ts"] }, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { import: importPlugin },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Numbers and booleans in template literals read naturally in messages and labels.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // `() => void promise` and `(x) => set(x)` are the idiom of event handlers; a void value used anywhere else is still an error.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true, ignoreVoidOperator: true }],
      // With `noUncheckedIndexedAccess`, `list[0]!` after a length check is how strict code states "present"; replacing
      // every one with a `?? fallback` would invent values where a crash is the honest outcome.
      "@typescript-eslint/no-non-null-assertion": "off",
      // neo4j-driver types its configs as classes, but its documented use is an object literal.
      "@typescript-eslint/no-unsafe-class-instance-assignment": "off",
      "import/order": ["error", { groups: ["builtin", "external", ["internal", "parent", "sibling", "index"]], "newlines-between": "always", alphabetize: { order: "asc" } }],
      "no-console": "off",
    },
  },
  {
    // Response bodies from supertest are `any`; the tests that depend on a shape parse it with the contract's schema.
    files: ["**/*.test.ts", "test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // `afterAll(() => browser?.close())` guards against a `beforeAll` that failed before assigning.
      "@typescript-eslint/no-unnecessary-condition": "off",
    },
  },
);
