/**
 * Issue #12, item 3: in projector mode the diagram is laid out again with
 * larger type, so no text is below 18 px at scale 1 and every box grows with
 * its words; the projector flag on the document root is followed live.
 * (What is rendered on a screen, scale included, is measured in the e2e spec
 * 15-diagram-projector and in the Projector story.)
 */
import { act, render, renderHook } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphOf } from '../../../machines/diagram';
import { i18n, type Language } from '../../../src/i18n';
import { DiagramView } from '../../../src/features/diagram/DiagramView';
import { diagramText } from '../../../src/features/diagram/labels';
import { layoutModel, leastTextSize, SIZES, type DiagramLayout } from '../../../src/features/diagram/layout';
import { useProjector } from '../../../src/features/diagram/useProjector';

/** The font size each text is drawn at: its own attribute, or the nearest one of the text around it. */
function drawnSizes(container: HTMLElement) {
  return [...container.querySelectorAll('text, tspan')]
    .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim()))
    .map((element) => ({
      text: element.textContent,
      size: Number(element.closest('[font-size]')?.getAttribute('font-size')),
    }));
}

describe('the sizes of each mode', () => {
  it('projector mode draws no text below 18 px; normal mode is as before', () => {
    expect(leastTextSize(SIZES.projector)).toBeGreaterThanOrEqual(18);
    expect(SIZES.normal).toMatchObject({ title: 18, text: 15, rules: 14, badge: 13 });
    for (const key of Object.keys(SIZES.normal) as (keyof typeof SIZES.normal)[])
      expect(SIZES.projector[key], key).toBeGreaterThanOrEqual(SIZES.normal[key]);
  });
});

describe.each<Language>(['nl', 'en'])('the projector layout (%s)', (language) => {
  const graph = graphOf();
  const states = new Map(graph.states.map((state) => [state.id, state]));
  const text = () => diagramText(i18n.getFixedT(language), language, (id) => states.get(id));
  let normal: DiagramLayout;
  let projector: DiagramLayout;

  beforeAll(async () => {
    [normal, projector] = await Promise.all([
      layoutModel(graph, text()),
      layoutModel(graph, text(), undefined, SIZES.projector),
    ]);
  }, 30_000);

  it('carries the sizes it was laid out with', () => {
    expect(normal.size).toBe(SIZES.normal);
    expect(projector.size).toBe(SIZES.projector);
  });

  it('gives every state a larger box, and edge label, for the larger words', () => {
    const before = new Map(normal.states.map((state) => [state.id, state]));
    for (const state of projector.states) {
      const small = before.get(state.id);
      expect(state.width, state.id).toBeGreaterThan(small?.width ?? Infinity);
      expect(state.height, state.id).toBeGreaterThan(small?.height ?? Infinity);
    }
    const labels = new Map(normal.edges.map((edge) => [edge.id, edge.label]));
    for (const edge of projector.edges) {
      expect(edge.label?.width, edge.id).toBeGreaterThan(labels.get(edge.id)?.width ?? Infinity);
      expect(edge.label?.height, edge.id).toBeGreaterThan(labels.get(edge.id)?.height ?? Infinity);
    }
  });

  it('draws every text, the NU tag and the badges too, at 18 px or more', () => {
    const current = 'escalation.riotControl.notWarned';
    const { container } = render(
      <DiagramView
        graph={graph}
        layout={projector}
        text={text()}
        label="model"
        active={['escalation.riotControl', current]}
      />,
    );
    const sizes = drawnSizes(container);
    expect(sizes.length).toBeGreaterThan(100);
    expect(sizes.filter(({ size }) => !(size >= 18))).toEqual([]);
    expect(container.querySelector('.state__now text')?.getAttribute('font-size')).toBe(String(SIZES.projector.badge));
  });

  it('in normal mode draws as before: its smallest text is the 13 px badge', () => {
    const { container } = render(<DiagramView graph={graph} layout={normal} text={text()} label="model" />);
    expect(Math.min(...drawnSizes(container).map(({ size }) => size))).toBe(13);
  });
});

describe('useProjector', () => {
  afterEach(() => {
    delete document.documentElement.dataset.projector;
  });

  it('follows the flag on the document root as the header toggles it', async () => {
    const { result } = renderHook(() => useProjector());
    expect(result.current).toBe(false);
    // The observer reports after the change, in a microtask.
    await act(async () => {
      document.documentElement.dataset.projector = '';
      await Promise.resolve();
    });
    expect(result.current).toBe(true);
    await act(async () => {
      delete document.documentElement.dataset.projector;
      await Promise.resolve();
    });
    expect(result.current).toBe(false);
  });

  it('reads the flag already set when it first renders', () => {
    document.documentElement.dataset.projector = '';
    expect(renderHook(() => useProjector()).result.current).toBe(true);
  });
});
