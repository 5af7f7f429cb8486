import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  // Layering (conventions.md): data flows route/action → domain → lib/wecom + lib/db.
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db/*", "@/lib/wecom/*", "@/lib/apps/*"],
              message: "Components get data from pages and actions, never from lib/db or WeCom.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test"],
              message:
                "Import test from ./fixtures: it searches every response for secrets and tokens.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/wecom/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/meetings/*",
                "@/lib/apps/*",
                "@/lib/actions/*",
                "@/app/*",
                "@/components/*",
              ],
              message: "lib/wecom knows nothing of the domain or the UI.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "lib/schemas/**",
      "lib/i18n/config.ts",
      "lib/auth/permissions.ts",
      "lib/wecom/rules.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["server-only"],
          patterns: [
            {
              group: ["node:*", "@/lib/db/*", "@/lib/env*"],
              message: "Shared with the browser: no server imports.",
            },
          ],
        },
      ],
    },
  },
  {
    // Nothing but lib/env.js reads process.env (conventions.md).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.js"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read env through lib/env.js",
        },
      ],
    },
  },
];

export default config;
