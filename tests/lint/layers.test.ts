// @vitest-environment node
/**
 * Issue #13 item 4, "Done when": lint fails on a feature importing another
 * feature, and on the other imports against the layers (ARCHITECTURE.md,
 * "The next shape"), and passes on what the layers allow.
 *
 * The repository's own eslint.config.js lints each snippet as if it were the
 * named file (an existing file, so the typed rules have their project); only
 * the layers rule's findings are looked at.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RULE = 'import-x/no-restricted-paths';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layers rule's messages for `code` linted as the file at `file` (relative to the repository). */
async function layerFindings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === RULE).map((message) => message.message);
}

describe('import layers (eslint.config.js)', { timeout: 120_000 }, () => {
  it('is on for the source folders', async () => {
    for (const file of ['machines/index.ts', 'src/core/index.ts', 'src/features/log/filter.ts', 'src/app/App.tsx']) {
      const config = (await eslint.calculateConfigForFile(path.join(root, file))) as {
        rules?: Record<string, unknown>;
      };
      expect(config.rules?.[RULE], file).toEqual(expect.arrayContaining([2]));
    }
  });

  it('fails a feature importing another feature', async () => {
    const findings = await layerFindings(
      'src/features/decisions/DecisionsInForce.tsx',
      "import { ActionPanel } from '../actions/ActionPanel';\nexport const panel = ActionPanel;\n",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain('../actions/ActionPanel');
    expect(findings[0]).toContain('A feature never imports another feature');
  });

  it('fails a feature reaching another feature the long way round, and a lazy import of one', async () => {
    const findings = await layerFindings(
      'src/features/log/filter.ts',
      [
        "import type { DecisionDialogProps } from '../../features/decisions/DecisionDialog';",
        "export const load = () => import('../diagram/ModelPanel');",
        'export type Props = DecisionDialogProps;',
        '',
      ].join('\n'),
    );
    expect(findings).toHaveLength(2);
  });

  it('passes a feature importing its own folder, src/ui, src/i18n, src/session, src/core and machines', async () => {
    const findings = await layerFindings(
      'src/features/decisions/DecisionsInForce.tsx',
      [
        "import { whoAsLabel } from './parts';",
        "import { AdvanceVerdict } from '../../ui/AdvanceVerdict';",
        "import { useTranslation } from '../../i18n';",
        "import { useSessionState } from '../../session';",
        "import { replay } from '../../core';",
        "import { PHASES } from '../../../machines';",
        'export const used = [whoAsLabel, AdvanceVerdict, useTranslation, useSessionState, replay, PHASES];',
        '',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
  });

  it('passes a screen composing features', async () => {
    const findings = await layerFindings(
      'src/app/screens/ReplayScreen.tsx',
      [
        "import { LogView } from '../../features/log/LogView';",
        "import { ReplayView } from '../../features/replay/ReplayView';",
        'export const used = [LogView, ReplayView];',
        '',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
  });

  it('fails a feature importing the app', async () => {
    const findings = await layerFindings(
      'src/features/log/filter.ts',
      "import { byOf } from '../../app/screens/byOf';\nexport const used = byOf;\n",
    );
    expect(findings).toHaveLength(1);
  });

  it('fails src/core importing src/session, and passes it on machines and the scenario schema', async () => {
    const refused = await layerFindings(
      'src/core/clock.ts',
      "import { openSession } from '../session/session';\nexport const used = openSession;\n",
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('src/core is the pure core');
    const allowed = await layerFindings(
      'src/core/clock.ts',
      [
        "import { PHASES } from '../../machines';",
        "import { scenarioSchema } from '../scenarios/schema';",
        "import { LOG_LIMITS } from './log';",
        'export const used = [PHASES, scenarioSchema, LOG_LIMITS];',
        '',
      ].join('\n'),
    );
    expect(allowed).toEqual([]);
  });

  it('fails src/session importing a feature, and machines importing src/', async () => {
    expect(
      await layerFindings(
        'src/session/summary.ts',
        "import { describeEntry } from '../features/log/describeEntry';\nexport const used = describeEntry;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerFindings(
        'machines/queries.ts',
        "import { replay } from '../src/core';\nexport const used = replay;\n",
      ),
    ).toHaveLength(1);
  });

  it('fails the server importing the session or a feature, and passes it on src/core and machines', async () => {
    expect(
      await layerFindings(
        'server/config.ts',
        [
          "import { openSession } from '../src/session/session';",
          "import { LogView } from '../src/features/log/LogView';",
          'export const used = [openSession, LogView];',
          '',
        ].join('\n'),
      ),
    ).toHaveLength(2);
    expect(
      await layerFindings(
        'server/config.ts',
        "import { replay } from '../src/core';\nimport { PHASES } from '../machines';\nexport const used = [replay, PHASES];\n",
      ),
    ).toEqual([]);
  });

  it('lets the catalogues take a feature’s messages and nothing else of it', async () => {
    expect(
      await layerFindings(
        'src/i18n/catalogues/nl.ts',
        "import { nl as log } from '../../features/log/messages';\nexport const used = log;\n",
      ),
    ).toEqual([]);
    expect(
      await layerFindings(
        'src/i18n/catalogues/nl.ts',
        "import { describeEntry } from '../../features/log/describeEntry';\nexport const used = describeEntry;\n",
      ),
    ).toHaveLength(1);
  });
});
