/**
 * Lays the model graph out with ELK (elkjs, layered algorithm), so the
 * diagram is computed from the machine, never drawn by hand.
 *
 * elkjs is loaded on first use (a dynamic import: its own chunk, never in the
 * console's first load). The bundled build runs ELK in this thread through
 * its built-in stand-in worker: no eval, no worker from another origin, so it
 * works under the app's CSP and offline.
 *
 * Transitions that leave their state become edges; those between the same
 * two states share one edge with one label line each. Transitions that stay
 * in their state (they record a decision or a warning) are rows inside the
 * state's box, as in UML's internal transitions.
 */
import type { ElkExtendedEdge, ElkLabel, ElkNode } from 'elkjs/lib/elk-api';
import type { ModelGraph, ModelState, ModelTransition } from '../../../machines/diagram';
import type { DiagramText } from './labels';

export const FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";
export const MONO = "'Liberation Mono', 'Courier New', monospace";

/**
 * Sizes in SVG user units (px at scale 1), one set per mode. The diagram is
 * drawn at scale 1 (scrolled, never shrunk) when text must be read, so these
 * are the sizes on the screen. Projector mode lays the model out again with
 * its own set, so the boxes grow with their words: read from the back of a
 * room, no text is below 18 px (issue #12).
 */
export const SIZES = {
  normal: {
    title: 18,
    text: 15,
    rules: 14,
    badge: 13,
    pad: 12,
    header: 38,
    row: 26,
    line: 26,
    icon: 22,
    gap: 10,
    numberCircle: 28,
    compoundPad: 16,
    /** The "NU" tag on the current state's frame. */
    nowWidth: 46,
    nowHeight: 24,
  },
  projector: {
    title: 24,
    text: 20,
    rules: 19,
    badge: 18,
    pad: 14,
    header: 50,
    row: 34,
    line: 34,
    icon: 28,
    gap: 12,
    numberCircle: 36,
    compoundPad: 20,
    nowWidth: 64,
    nowHeight: 32,
  },
} as const;

export type DiagramMode = keyof typeof SIZES;
export type Sizes = { readonly [K in keyof (typeof SIZES)['normal']]: number };

/** The smallest text a mode draws: what the projector's 18 px floor is checked against. */
export const leastTextSize = (size: Sizes) => Math.min(size.title, size.text, size.rules, size.badge);

export type Measure = (text: string, size: number, style?: { bold?: boolean; mono?: boolean }) => number;

// Arial / Liberation Sans advance widths (em) for the characters that differ most from the average.
const NARROW = new Set(Array.from("iljtfrI!.,:;·()[]'|  "));
const WIDE = new Set(Array.from('mwMW—'));

/** A measure that needs no DOM: Arial-like advance widths, erring wide so text never overflows. */
export const estimateWidth: Measure = (text, size, style = {}) => {
  if (style.mono) return text.length * size * 0.6;
  let em = 0;
  for (const char of text) {
    if (NARROW.has(char)) em += 0.3;
    else if (WIDE.has(char)) em += 0.86;
    else if (char >= 'A' && char <= 'Z') em += 0.68;
    else em += 0.56;
  }
  return em * size * (style.bold ? 1.08 : 1);
};

/** In a browser, measure with the canvas in the diagram's own font; elsewhere estimate. */
export function browserMeasure(): Measure {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return estimateWidth;
  return (text, size, style = {}) => {
    context.font = `${style.bold ? 'bold ' : ''}${String(size)}px ${style.mono ? MONO : FONT}`;
    // Never less than the estimate's 90 %: a font that has not loaded yet must not shrink the boxes.
    return Math.max(context.measureText(text).width, estimateWidth(text, size, style) * 0.9);
  };
}

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

export interface LaidOutState extends Box {
  id: string;
  /** Internal transitions, one row each, top to bottom below the header. */
  rows: string[];
  /** How wide a row's box is drawn. */
  rowWidth: number;
}

export interface LaidOutEdge {
  id: string;
  source: string;
  target: string;
  /** One label line per transition, top to bottom. */
  transitions: string[];
  points: Point[];
  label: Box | null;
}

export interface DiagramLayout {
  width: number;
  height: number;
  /** The sizes it was laid out with: the drawing uses the same, so text always fits its box. */
  size: Sizes;
  states: LaidOutState[];
  edges: LaidOutEdge[];
}

/** One label line or row: icon, words, rule ids. */
export function lineWidth(
  text: DiagramText,
  transition: ModelTransition,
  measure: Measure,
  size: Sizes = SIZES.normal,
): number {
  const rules = transition.rules.join(' ');
  return (
    size.icon +
    measure(text.transition(transition), size.text) +
    (rules ? size.gap + measure(rules, size.rules, { mono: true }) : 0)
  );
}

function headerWidth(text: DiagramText, state: ModelState, measure: Measure, size: Sizes): number {
  const title = text.state(state);
  return (
    (title.number === null ? 0 : size.numberCircle + 8) +
    measure(title.title, size.title, { bold: true }) +
    // The badge's brackets, its gap and some air: about 1.4 em of the badge's size.
    (title.badge ? 10 + measure(text.badge(title.badge), size.badge, { bold: true }) + size.badge * 1.4 : 0)
  );
}

/** Edges join the nearest state that holds both ends (ELK wants each edge in that node). */
function ancestorsOf(id: string | null, parents: Map<string, string | null>): (string | null)[] {
  const chain: (string | null)[] = [];
  for (let current = id; current !== null; current = parents.get(current) ?? null) chain.push(current);
  chain.push(null);
  return chain;
}

function commonContainer(source: string, target: string, parents: Map<string, string | null>): string | null {
  const sourceChain = ancestorsOf(parents.get(source) ?? null, parents);
  const targetChain = new Set(ancestorsOf(parents.get(target) ?? null, parents));
  return sourceChain.find((id) => targetChain.has(id)) ?? null;
}

export const edgeId = (source: string, target: string) => `${source}→${target}`;

/** The graph ELK lays out: sizes from the text, children inside their compound states. */
export function elkGraphOf(
  graph: ModelGraph,
  text: DiagramText,
  measure: Measure,
  size: Sizes = SIZES.normal,
): ElkNode {
  const parents = new Map(graph.states.map((state) => [state.id, state.parent]));
  const order = new Map(graph.states.map((state, index) => [state.id, index]));
  const internal = new Map<string, ModelTransition[]>();
  const edges = new Map<string, { source: string; target: string; transitions: ModelTransition[] }>();
  for (const transition of graph.transitions) {
    if (transition.target === null) {
      internal.set(transition.source, [...(internal.get(transition.source) ?? []), transition]);
      continue;
    }
    const id = edgeId(transition.source, transition.target);
    const edge = edges.get(id) ?? { source: transition.source, target: transition.target, transitions: [] };
    edge.transitions.push(transition);
    edges.set(id, edge);
  }

  const nodes = new Map<string | null, ElkNode>();
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // The phases in their catalogue order: escalation points down, de-escalation back up.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.spacing.nodeNode': '36',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.edgeNode': '18',
      'elk.spacing.edgeEdge': '14',
      'elk.spacing.edgeLabel': '6',
      'elk.layered.spacing.edgeNodeBetweenLayers': '18',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
      'elk.padding': '[top=24,left=24,bottom=24,right=24]',
    },
    children: [],
    edges: [],
  };
  nodes.set(null, root);

  for (const state of graph.states) {
    const rows = internal.get(state.id) ?? [];
    const rowsWidth = Math.max(0, ...rows.map((row) => lineWidth(text, row, measure, size)));
    const width = Math.ceil(Math.max(headerWidth(text, state, measure, size), rowsWidth) + 2 * size.pad);
    const top = size.header + rows.length * size.row + (rows.length ? 6 : 0);
    const node: ElkNode =
      state.kind === 'compound'
        ? {
            id: state.id,
            layoutOptions: {
              'elk.padding': `[top=${String(top + size.compoundPad)},left=${String(size.compoundPad)},bottom=${String(size.compoundPad)},right=${String(size.compoundPad)}]`,
              'elk.nodeSize.constraints': '[MINIMUM_SIZE]',
              'elk.nodeSize.minimum': `(${String(width)},${String(top + 40)})`,
            },
            children: [],
            edges: [],
          }
        : { id: state.id, width, height: top + (rows.length ? 4 : 0) };
    nodes.set(state.id, node);
    (nodes.get(state.parent) ?? root).children?.push(node);
  }

  for (const [id, edge] of edges) {
    const lines = edge.transitions.map((transition) => lineWidth(text, transition, measure, size));
    // ELK ignores a label without text; the text is only for ELK, the drawing uses the lines.
    const label: ElkLabel = {
      id: `${id}:label`,
      text: edge.transitions.map((transition) => text.transition(transition)).join(' / '),
      width: Math.ceil(Math.max(...lines) + 2 * 8),
      height: edge.transitions.length * size.line + 8,
    };
    // Edges that go further into the model (escalation, warning, deployment) point down the page.
    const forward = (order.get(edge.target) ?? 0) > (order.get(edge.source) ?? 0);
    const elkEdge: ElkExtendedEdge = {
      id,
      sources: [edge.source],
      targets: [edge.target],
      labels: [label],
      layoutOptions: forward ? { 'elk.layered.priority.direction': '10' } : {},
    };
    // The start's transitions are labelled where they arrive, beside the phase they start in.
    if (edge.transitions.every((transition) => transition.event === null))
      label.layoutOptions = { 'elk.edgeLabels.placement': 'HEAD' };
    const container = commonContainer(edge.source, edge.target, parents);
    (nodes.get(container) ?? root).edges?.push(elkEdge);
  }
  return root;
}

interface ElkInstance {
  layout: (graph: ElkNode) => Promise<ElkNode>;
}
let elk: Promise<ElkInstance> | null = null;

/** elkjs, loaded once, on first use. */
function loadElk(): Promise<ElkInstance> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk;
}

function collect(node: ElkNode, states: LaidOutState[], edges: ElkExtendedEdge[]) {
  for (const child of node.children ?? []) {
    states.push({
      id: child.id,
      x: child.x ?? 0,
      y: child.y ?? 0,
      width: child.width ?? 0,
      height: child.height ?? 0,
      rows: [],
      rowWidth: 0,
    });
    collect(child, states, edges);
  }
  edges.push(...(node.edges ?? []));
}

/** Lay the graph out; the result is in root coordinates, ready to draw. */
export async function layoutModel(
  graph: ModelGraph,
  text: DiagramText,
  measure: Measure = estimateWidth,
  size: Sizes = SIZES.normal,
): Promise<DiagramLayout> {
  const instance = await loadElk();
  const input = elkGraphOf(graph, text, measure, size);
  const result = await instance.layout(input);
  const states: LaidOutState[] = [];
  const elkEdges: ElkExtendedEdge[] = [];
  collect(result, states, elkEdges);

  const rowsOf = new Map<string, string[]>();
  const byEdge = new Map<string, string[]>();
  for (const transition of graph.transitions) {
    if (transition.target === null)
      rowsOf.set(transition.source, [...(rowsOf.get(transition.source) ?? []), transition.id]);
    else {
      const id = edgeId(transition.source, transition.target);
      byEdge.set(id, [...(byEdge.get(id) ?? []), transition.id]);
    }
  }

  const edges = elkEdges.map((edge): LaidOutEdge => {
    const section = edge.sections?.[0];
    const label = edge.labels?.[0];
    const [source = '', target = ''] = [edge.sources[0], edge.targets[0]];
    return {
      id: edge.id,
      source,
      target,
      transitions: byEdge.get(edge.id) ?? [],
      points: section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [],
      label:
        label?.x === undefined || label.y === undefined
          ? null
          : { x: label.x, y: label.y, width: label.width ?? 0, height: label.height ?? 0 },
    };
  });
  const models = new Map(graph.states.map((state) => [state.id, state]));
  const transitions = new Map(graph.transitions.map((transition) => [transition.id, transition]));
  const rowWidth = (state: LaidOutState, rows: string[]) =>
    models.get(state.id)?.kind === 'compound'
      ? Math.max(
          0,
          ...rows.map((id) => {
            const transition = transitions.get(id);
            return transition ? lineWidth(text, transition, measure, size) + 16 : 0;
          }),
        )
      : state.width - 2 * size.pad + 8;
  return {
    width: Math.ceil(result.width ?? 0),
    height: Math.ceil(result.height ?? 0),
    size,
    states: states.map((state) => {
      const rows = rowsOf.get(state.id) ?? [];
      return { ...state, rows, rowWidth: rowWidth(state, rows) };
    }),
    edges,
  };
}
