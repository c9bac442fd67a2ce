/**
 * The diagram cannot drift from the code: every state and every transition of
 * the machine is drawn, once, and nothing else. The expectation is read from
 * the machine by another road than the diagram's own walk (XState's
 * serialised definition and the raw config), then compared with the graph,
 * the ELK layout and the rendered SVG, in Dutch and English.
 */
import { render } from '@testing-library/react';
import { createActor, transition as takeTransition } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import { escalationMachine, RULES, type EscalationEvent } from '../../../machines';
import { graphOf, type ModelGraph } from '../../../machines/diagram';
import { i18n, type Language } from '../../../src/i18n';
import { DiagramView } from '../../../src/features/diagram/DiagramView';
import { diagramText } from '../../../src/features/diagram/labels';
import { layoutModel, type DiagramLayout } from '../../../src/features/diagram/layout';

interface DefinitionNode {
  id: string;
  states: Record<string, DefinitionNode>;
  transitions: { source: string; eventType: string; target?: string[] }[];
}

const stripHash = (id: string) => id.replace(/^#/, '');

/** State ids and transitions (source|event|target) as XState serialises the machine. */
function machineAsDefined() {
  const states: string[] = [];
  const transitions: string[] = [];
  const walk = (node: DefinitionNode) => {
    for (const child of Object.values(node.states)) {
      states.push(child.id);
      for (const transition of child.transitions)
        transitions.push(
          `${stripHash(transition.source)}|${transition.eventType}|${transition.target?.[0] ? stripHash(transition.target[0]) : 'stays'}`,
        );
      walk(child);
    }
  };
  walk(JSON.parse(JSON.stringify(escalationMachine.root.definition)) as DefinitionNode);
  // The serialised definition leaves out eventless transitions: read them from the raw config.
  const config = escalationMachine.config as { states: Record<string, { always?: { target: string }[] }> };
  for (const [key, state] of Object.entries(config.states))
    for (const always of state.always ?? []) transitions.push(`escalation.${key}|always|escalation.${always.target}`);
  return { states: states.sort(), transitions: transitions.sort() };
}

const asDrawn = (graph: ModelGraph) =>
  graph.transitions
    .map((transition) => `${transition.source}|${transition.event ?? 'always'}|${transition.target ?? 'stays'}`)
    .sort();

describe('the model graph', () => {
  const graph = graphOf();
  const expected = machineAsDefined();

  it('has every state of the machine and nothing else', () => {
    expect(expected.states.length).toBeGreaterThan(10);
    expect(graph.states.map((state) => state.id).sort()).toEqual(expected.states);
  });

  it('has every transition of the machine, as often as the machine has it, and nothing else', () => {
    expect(expected.transitions.length).toBeGreaterThan(40);
    expect(asDrawn(graph)).toEqual(expected.transitions);
    expect(new Set(graph.transitions.map((transition) => transition.id)).size).toBe(graph.transitions.length);
  });

  it('starts where the machine starts, with the phases under the machine and the stages inside riot control', () => {
    expect(graph.initial).toBe('escalation.start');
    const riotControl = graph.states.filter((state) => state.parent === 'escalation.riotControl');
    expect(riotControl.map((state) => state.key)).toEqual(['notWarned', 'warned', 'waterCannon']);
    expect(graph.states.find((state) => state.key === 'tearAgent')).toMatchObject({ pilot: true, stage: 'tearAgent' });
  });

  it('shows every guard by the rules that can refuse it, each a rule of the catalogue', () => {
    const known = new Set(RULES.map((rule) => rule.id));
    for (const transition of graph.transitions) {
      expect(transition.guard, transition.id).not.toBeNull();
      expect(transition.rules.length, transition.id).toBeGreaterThan(0);
      for (const rule of transition.rules) expect(known.has(rule), `${transition.id}: ${rule}`).toBe(true);
    }
    const rulesOf = (source: string, event: string, index = 0) =>
      graph.transitions.find((transition) => transition.id === `${source}#${event}#${String(index)}`)?.rules;
    expect(rulesOf('escalation.ggpGo', 'phase.escalate')).toEqual(['R1', 'R13']);
    expect(rulesOf('escalation.ggpGo', 'mayor.decide')).toEqual(['R5', 'R6']);
    expect(rulesOf('escalation.riotControl.warned', 'waterCannon.deploy')).toEqual(['R3', 'R13']);
    expect(rulesOf('escalation.riotControl.warned', 'mayor.revoke')).toEqual(['R5', 'R6', 'R8']);
    expect(rulesOf('escalation.riotControl.waterCannon.water', 'tearGas.add')).toEqual(['R4', 'R13']);
    expect(rulesOf('escalation.start', 'always', 3)).toEqual(['R1']);
  });
});

describe.each<Language>(['nl', 'en'])('the drawn diagram (%s)', (language) => {
  const graph = graphOf();
  const states = new Map(graph.states.map((state) => [state.id, state]));
  let layout: DiagramLayout;
  const text = () => diagramText(i18n.getFixedT(language), language, (id) => states.get(id));

  beforeAll(async () => {
    layout = await layoutModel(graph, text());
  }, 30_000);

  it('names every state and transition in the catalogue’s words', () => {
    const words = text();
    for (const state of graph.states) expect(words.state(state).title, state.id).toMatch(/\S/);
    for (const transition of graph.transitions) {
      const label = words.transition(transition);
      expect(label, transition.id).toMatch(/\S/);
      expect(label, transition.id).not.toMatch(/^diagram\./);
    }
  });

  it('lays out every state inside its parent, and every edge between its states', () => {
    const boxes = new Map(layout.states.map((state) => [state.id, state]));
    expect([...boxes.keys()].sort()).toEqual(graph.states.map((state) => state.id).sort());
    for (const state of graph.states) {
      const box = boxes.get(state.id);
      expect(box?.width, state.id).toBeGreaterThan(0);
      const parent = state.parent ? boxes.get(state.parent) : undefined;
      if (box && parent) {
        expect(box.x).toBeGreaterThanOrEqual(parent.x);
        expect(box.y).toBeGreaterThanOrEqual(parent.y);
        expect(box.x + box.width).toBeLessThanOrEqual(parent.x + parent.width);
        expect(box.y + box.height).toBeLessThanOrEqual(parent.y + parent.height);
      }
    }
    for (const edge of layout.edges) {
      expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
      expect(edge.label, edge.id).not.toBeNull();
    }
  });

  it('renders each state and each transition exactly once, and nothing else', () => {
    const { container } = render(<DiagramView graph={graph} layout={layout} text={text()} label="model" />);
    const drawnStates = [...container.querySelectorAll('[data-state-id]')].map((element) =>
      element.getAttribute('data-state-id'),
    );
    const drawnTransitions = [...container.querySelectorAll('[data-transition-id]')].map((element) =>
      element.getAttribute('data-transition-id'),
    );
    expect(drawnStates.sort()).toEqual(graph.states.map((state) => state.id).sort());
    expect(drawnTransitions.sort()).toEqual(graph.transitions.map((transition) => transition.id).sort());
    // Outside an exercise nothing is current and nothing can be tried.
    expect(container.querySelector('[aria-current]')).toBeNull();
    expect(container.querySelector('[role="button"]')).toBeNull();
  });
});

describe('the edges are the paths the machine takes', () => {
  it('an accepted path out of the current state lands in its target state', async () => {
    const { activeStateIds, judgeTransition, outgoingTransitions, stepOfTransition } =
      await import('../../../machines/diagram');
    const graph = graphOf();
    const commander = { role: 'commander' as const, name: 'Cdt' };
    const mayor = { role: 'mayor' as const, name: 'Burgemeester', municipality: 'Utrecht' };
    const actor = createActor(escalationMachine, { input: { municipality: 'Utrecht' } }).start();
    const grant = (subject: 'waterCannon' | 'tearGas'): EscalationEvent => ({
      type: 'mayor.decide',
      by: mayor,
      subject,
      verdict: 'granted',
      grounds: 'nodig',
    });
    const escalate: EscalationEvent = { type: 'phase.escalate', by: commander, reason: 'onrust' };
    // Up the model one step at a time; the paths out of each state are checked before the next step.
    const steps: (EscalationEvent | null)[] = [
      null,
      escalate,
      escalate,
      escalate,
      escalate,
      { type: 'crowd.warn', by: commander },
      grant('waterCannon'),
      { type: 'waterCannon.deploy', by: commander },
      grant('tearGas'),
      { type: 'tearGas.add', by: commander },
    ];
    let checked = 0;
    for (const step of steps) {
      if (step) actor.send(step);
      const snapshot = actor.getSnapshot();
      for (const by of [commander, mayor])
        for (const transition of outgoingTransitions(graph, snapshot)) {
          if (transition.target === null || judgeTransition(snapshot, transition, by) !== null) continue;
          const step = stepOfTransition(transition, by);
          if (!step) continue;
          // The words the person would give: a reason for a phase change, a verdict and grounds for a decision.
          const attempt = {
            ...step,
            reason: 'onrust',
            verdict: transition.subject ? 'refused' : 'granted',
            grounds: 'nodig',
          } as EscalationEvent;
          const [next] = takeTransition(escalationMachine, snapshot, attempt);
          expect(activeStateIds(next), transition.id).toContain(transition.target);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
