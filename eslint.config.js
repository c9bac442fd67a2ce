import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** Every feature folder, read at lint time: a feature added later gets its zone without a change here. */
const FEATURES = readdirSync(path.join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Imports point one way (ARCHITECTURE.md, "The next shape"): machines <- src/core <- src/session <-
 * src/features <- src/app, and server/ on machines and src/core only. Each zone names what its
 * `target` may not import (`from`), with what is allowed after all (`except`, relative to `from`).
 * tests/, stories/, bench/ and scripts/ are free to reach anything.
 */
export const LAYER_ZONES = [
  {
    target: './machines',
    from: ['./src', './server'],
    message: 'The model (machines/) is pure TypeScript: it imports nothing of src/ or server/.',
  },
  {
    target: './src/core',
    from: './src',
    // The core reads the scenario schema (a scenario's set-up is part of the log's format) and words its
    // validation errors with src/validation (the exercise file is read on the server too); nothing else of src/.
    except: ['./core', './scenarios/schema.ts', './scenarios/audiences.ts', './validation'],
    message:
      'src/core is the pure core for browser and server: it imports only machines/, the scenario schema and src/validation.',
  },
  {
    target: './src/core',
    from: './server',
    message: 'src/core is the pure core for browser and server: it imports only machines/ and the scenario schema.',
  },
  {
    target: ['./src/session', './src/scenarios', './src/validation'],
    from: ['./src/features', './src/app', './src/ui'],
    message: 'The session, the scenarios and validation sit below the screens: they import no feature, app or UI.',
  },
  {
    target: './src/ui',
    from: ['./src/features', './src/app'],
    message: 'src/ui holds small shared pieces below the features: it imports no feature and nothing of the app.',
  },
  {
    // The catalogues gather each feature's strings, and only those.
    target: './src/i18n',
    from: [path.join(root, 'src/features/**')],
    except: [path.join(root, 'src/features/*/*[mM]essages.ts'), path.join(root, 'src/features/*/*[mM]essages.en.ts')],
    message: "src/i18n takes each feature's messages (messages.ts, messages.en.ts), nothing else of a feature.",
  },
  {
    target: './src/i18n',
    from: './src/app',
    message: 'src/i18n sits below the app.',
  },
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message:
      'A feature never imports another feature: a screen in src/app/screens composes them (props, children), a shared piece goes to src/ui.',
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'Features sit below the app: the app composes them, never the other way round.',
  },
  {
    target: './src',
    from: './server',
    message: 'The browser app imports nothing of the server.',
  },
  {
    target: './server',
    from: './src',
    except: ['./core'],
    message: 'The server judges with machines/ and src/core only.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'node_modules', 'coverage', 'bench/.out'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    // The layers, enforced: an import across them is a lint error (#13 item 4).
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: LAYER_ZONES }],
    },
  },
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // User text is rendered as text: nothing may inject markup or code.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'User text is rendered as text.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly' },
    },
  },
  {
    // End-to-end specs pass functions into the page; those run in the browser.
    files: ['tests/e2e/**/*.mjs'],
    languageOptions: {
      globals: {
        document: 'readonly',
        navigator: 'readonly',
        getComputedStyle: 'readonly',
        window: 'readonly',
        localStorage: 'readonly',
        indexedDB: 'readonly',
        IDBKeyRange: 'readonly',
      },
    },
  },
  {
    // The bench's Node scripts time things and pass functions into the page.
    files: ['bench/**/*.mjs'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        performance: 'readonly',
        requestAnimationFrame: 'readonly',
      },
    },
  },
);
