// One lint configuration for the whole workspace.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

/** Infrastructure that the pure domain library must never import. */
const infrastructureImports = [
  {
    group: ['drizzle-orm', 'drizzle-orm/*', 'drizzle-kit'],
    message: 'The domain library is pure: no database code.',
  },
  {
    group: ['@trpc/*', 'fastify', 'fastify/*', '@fastify/*'],
    message: 'The domain library is pure: no API code.',
  },
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'antd', 'antd/*'],
    message: 'The domain library is pure: no UI code.',
  },
  {
    group: ['@electric-sql/*', 'postgres', 'zod', 'zod/*'],
    message: 'The domain library has no runtime dependencies.',
  },
  {
    group: ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)],
    message: 'The domain library must not use Node built-ins.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.data/**',
      '**/coverage/**',
      'apps/api/drizzle/**',
      '**/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/admin/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: infrastructureImports }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The domain library must not read the environment.' },
        { name: 'Buffer', message: 'The domain library must not use Node built-ins.' },
        { name: 'require', message: 'The domain library is ESM and pure.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'The domain library must not read process.env.',
        },
      ],
    },
  },
  {
    // Services know nothing of tRPC: they throw AppError (errors/app-error.ts) and take a
    // SessionUser (auth/session-user.ts); trpc/app-error-code.ts maps problems to codes.
    files: ['apps/api/src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/trpc/*', '**/trpc/**', '@trpc/*'],
              message: 'Services must not import the tRPC layer: throw AppError instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only env.ts reads the environment in the API.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration from env.ts only.' },
      ],
    },
  },
);
