// Lint for the whole repository: JavaScript's and typescript-eslint's recommended rules everywhere,
// Lit's and lit-a11y's on the widgets. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js'
import lit from 'eslint-plugin-lit'
import litA11y from 'eslint-plugin-lit-a11y'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['node_modules/', '.next/', 'public/widgets/', 'data/', 'media/', 'src/payload-types.ts', 'src/migrations/', 'src/app/(payload)/admin/importMap.js', 'next-env.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['widgets/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['widgets/**/*.ts'], plugins: { 'lit-a11y': litA11y }, rules: litA11y.configs.recommended.rules },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused arguments and destructured leftovers named with a leading underscore are deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read arbitrary JSON answers.
    files: ['test/**/*.ts', 'widgets/**/*.test.ts', 'widgets/test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
