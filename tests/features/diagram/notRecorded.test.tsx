import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphOf } from '../../../machines/diagram';
import { ATTEMPT_DIALOGS } from '../../../src/app/screens/attemptDialogs';
import { diagramText } from '../../../src/features/diagram/labels';
import { layoutModel, type DiagramLayout } from '../../../src/features/diagram/layout';
import { LiveDiagram } from '../../../src/features/diagram/LiveDiagram';
import { i18n } from '../../../src/i18n';
import { SessionContext } from '../../../src/session';
import { BY, newSession, play, RIOT_CONTROL_RUN } from '../../fixtures/exercise';
import { notRecordingSession } from '../../fixtures/notRecorded';

const graph = graphOf();
const states = new Map(graph.states.map((state) => [state.id, state]));
const text = () => diagramText(i18n.getFixedT('nl'), 'nl', (id) => states.get(id));
let layout: DiagramLayout;

beforeAll(async () => {
  await i18n.changeLanguage('nl');
  layout = await layoutModel(graph, text());
});

describe('a path tried from the diagram that the server does not take', () => {
  it('says "Niet vastgelegd" with the server’s reason in the result line, not a rule’s refusal', async () => {
    const fixture = newSession();
    play(fixture.session, fixture.clock, [...RIOT_CONTROL_RUN.slice(0, 4), { type: 'crowd.warn', by: BY.commander }]);
    const logLength = fixture.session.getState().log.length;
    render(
      <SessionContext.Provider value={notRecordingSession(fixture.session).session}>
        <LiveDiagram
          graph={graph}
          layout={layout}
          text={text()}
          actingAs={BY.commander}
          dialogs={ATTEMPT_DIALOGS}
          actualSize={false}
        />
      </SessionContext.Provider>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: /^Waterwerper inzetten — Wordt geweigerd/ }));

    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent(
      'Niet vastgelegd: Waterwerper inzetten — Te veel berichten achter elkaar: dit bericht is niet gelezen. Wacht even.',
    );
    expect(status).not.toHaveTextContent(/Geweigerd|R\d/);
    expect(status.querySelector('.outcome--notRecorded')).not.toBeNull();
    expect(fixture.session.getState().log).toHaveLength(logLength);
  });
});
