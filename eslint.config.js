import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const engines = ['react', 'react-dom', 'three', '@react-three/*', 'maplibre-gl', 'howler']

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/draco', 'tests/screenshots', 'bench/results.json', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] } },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The trusted core is pure TypeScript: no engine, no React, no `any`.
    files: ['src/route/**/*.ts', 'src/tour/tour-machine.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: engines, message: 'route/ and the tour machine stay pure' }] },
      ],
    },
  },
  {
    // Imports go one way: features build on route/, never the other way round (route/ may use lib/ only).
    files: ['src/route/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: engines, message: 'route/ stays pure' },
            {
              // @/lib and ../lib, and the test fixtures (../../tests/helpers) for the specs beside the code.
              regex: String.raw`^(@/(?!route/|lib/)|\.\./(?!lib/|\.\./tests/helpers/))`,
              message: 'route/ imports nothing from feature folders: move what it needs to src/lib',
            },
          ],
        },
      ],
    },
  },
  {
    // Features meet only in app/: the map never knows the scene or the narration exists, and so on.
    files: ['src/map/**', 'src/scene/**', 'src/narration/**', 'src/stop/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '@/map/*', '@/scene/*'], message: 'features do not import each other' },
          ],
        },
      ],
    },
  },
  {
    // No import cycles: a cycle makes module order matter and hides which way a folder depends.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
)
