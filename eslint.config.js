import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'artifacts/', 'src/web/static/vendor/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through src/config.ts, not process.env.' }],
    },
  },
  {
    files: ['src/config.ts', 'scripts/**', 'bench/**', 'src/testing/**', '**/*.test.ts', 'test/**', 'bin/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
