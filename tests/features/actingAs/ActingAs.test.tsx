/**
 * Issue #12, item 4: "Handelt als" names each person with their position
 * from the scenario in the UI's language, so the English console shows no
 * Dutch role words; a cast from before positions shows its names as they are.
 */
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActingAs } from '../../../src/features/actingAs/ActingAs';
import { i18n } from '../../../src/i18n';
import type { CastMember } from '../../../src/session';
import { scenarioSetup } from '../../fixtures/scenario';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

const names = () => screen.getAllByRole('radio').map((button) => button.textContent);

function renderCast(cast: readonly CastMember[]) {
  render(<ActingAs cast={cast} actingAs={cast[0]?.id ?? ''} onChange={() => undefined} />);
}

describe('acting as', () => {
  it('shows each position in the UI’s language, after the name', async () => {
    renderCast(scenarioSetup('jaarwisseling').cast);
    expect(names()).toEqual([
      'BurgemeesterIngrid ScholtenLindenburg',
      'LocoburgemeesterBram Hofstede (wethouder)Lindenburg',
      'CommandantJeroen Visser (Algemeen Commandant SGBO)',
      'Officier van justitieSamira Haddou (officier van justitie)',
      'OefenleiderPetra de Wit',
      'WaarnemerMartijn Kok (evaluator)',
    ]);
    await act(() => i18n.changeLanguage('en'));
    expect(names()).toEqual([
      'MayorIngrid ScholtenLindenburg',
      'Acting mayorBram Hofstede (alderman)Lindenburg',
      'CommanderJeroen Visser (Overall Commander, SGBO)',
      'Public prosecutorSamira Haddou (public prosecutor)',
      'Exercise controllerPetra de Wit',
      'ObserverMartijn Kok (evaluator)',
    ]);
    expect(screen.getByRole('radiogroup', { name: 'Acting as' })).not.toHaveTextContent(
      /wethouder|Algemeen Commandant|officier van justitie/i,
    );
  });

  it('shows a name from before positions as it was written', () => {
    renderCast([{ id: 'commandant', role: 'commander', name: 'Jeroen Visser (Algemeen Commandant SGBO)' }]);
    expect(names()).toEqual(['CommandantJeroen Visser (Algemeen Commandant SGBO)']);
  });
});
