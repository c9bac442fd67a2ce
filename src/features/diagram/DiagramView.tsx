import { useId, type KeyboardEvent } from 'react';
import type { Refusal } from '../../../machines';
import type { ModelGraph, ModelState, ModelTransition } from '../../../machines/diagram';
import type { DiagramText } from './labels';
import { FONT, MONO, type DiagramLayout, type LaidOutEdge, type LaidOutState, type Point, type Sizes } from './layout';
import './diagram.css';

/** What the model says now about one path out of the current state: `null` when it would be accepted. */
export type Judgements = ReadonlyMap<string, Refusal | null>;

export interface DiagramViewProps {
  graph: ModelGraph;
  layout: DiagramLayout;
  text: DiagramText;
  /** The accessible name of the figure. */
  label: string;
  /** The states the exercise is in, outermost first; none outside an exercise. */
  active?: readonly string[];
  /** The transitions out of the current state, judged for who acts; only these can be tried. */
  judgements?: Judgements;
  onTry?: (transition: ModelTransition) => void;
  /** The id of the element that explains a transition's judgement in words. */
  describedBy?: (transitionId: string) => string | undefined;
  /** The accessible name of a transition that can be tried. */
  nameOf?: (transition: ModelTransition) => string;
}

const path = (points: readonly Point[]) =>
  points.map((point, index) => `${index === 0 ? 'M' : 'L'}${String(point.x)},${String(point.y)}`).join(' ');

type Status = 'accepted' | 'refused' | null;
const statusOf = (judgements: Judgements | undefined, id: string): Status => {
  if (!judgements?.has(id)) return null;
  return judgements.get(id) ? 'refused' : 'accepted';
};
const ICONS = { accepted: '✓', refused: '✗' } as const;

interface LineProps {
  transition: ModelTransition;
  text: DiagramText;
  size: Sizes;
  x: number;
  y: number;
  width: number;
  internal: boolean;
  refusal: Refusal | null | undefined;
  status: Status;
  interactive: boolean;
  onTry?: ((transition: ModelTransition) => void) | undefined;
  describedBy?: string | undefined;
  name?: string | undefined;
}

/** One transition as a line of text: its status (or ↻ when it stays), its words, its rules. */
function TransitionLine({
  transition,
  text,
  size,
  x,
  y,
  width,
  internal,
  refusal,
  status,
  interactive,
  onTry,
  describedBy,
  name,
}: LineProps) {
  const icon = status ? ICONS[status] : internal ? '↻' : '';
  const className = ['transition', internal ? 'transition--internal' : '', status ? `transition--${status}` : '']
    .filter(Boolean)
    .join(' ');
  const middle = y + size.line / 2;
  const content = (
    <>
      {status && <rect className="transition__box" x={x} y={y + 1} width={width} height={size.line - 2} rx={5} />}
      <text x={x + 4} y={middle} dominantBaseline="central" fontFamily={FONT} fontSize={size.text}>
        <tspan className="transition__icon" fontWeight="bold" aria-hidden="true">
          {icon}
        </tspan>
        <tspan x={x + 4 + size.icon}>{text.transition(transition)}</tspan>
        {transition.rules.length > 0 && (
          <tspan fontFamily={MONO} fontSize={size.rules} dx={size.gap}>
            {transition.rules.map((rule, index) => (
              <tspan
                key={rule}
                className={refusal?.rule === rule ? 'transition__rule transition__rule--refusing' : 'transition__rule'}
                fontWeight={refusal?.rule === rule ? 'bold' : undefined}
                textDecoration={refusal?.rule === rule ? 'underline' : undefined}
              >
                {index > 0 ? ' ' : ''}
                {rule}
              </tspan>
            ))}
          </tspan>
        )}
      </text>
    </>
  );
  if (!interactive || !onTry)
    return (
      <g className={className} data-transition-id={transition.id}>
        {content}
      </g>
    );
  const activate = () => {
    onTry(transition);
  };
  return (
    <g
      className={`${className} transition--try`}
      data-transition-id={transition.id}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-describedby={describedBy}
      onClick={activate}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          activate();
        }
      }}
    >
      {/* A wider target than the text alone, for a mouse on a projected screen. */}
      <rect className="transition__target" x={x - 2} y={y} width={width + 4} height={size.line} rx={5} />
      {content}
    </g>
  );
}

interface StateProps {
  state: LaidOutState;
  model: ModelState;
  text: DiagramText;
  size: Sizes;
  current: boolean;
  active: boolean;
  lines: (transition: ModelTransition, x: number, y: number, width: number, internal: boolean) => React.ReactNode;
  transitions: ReadonlyMap<string, ModelTransition>;
}

function StateBox({ state, model, text, size, current, active, lines, transitions }: StateProps) {
  const title = text.state(model);
  const isStart = model.key === 'start';
  const className = [
    'state',
    `state--${model.kind}`,
    isStart ? 'state--start' : '',
    active ? 'state--active' : '',
    current ? 'state--current' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const titleX = state.x + size.pad + (title.number === null ? 0 : size.numberCircle + 8);
  const headerMiddle = state.y + size.header / 2 + 1;
  return (
    <g className={className} data-state-id={model.id} aria-current={current ? 'true' : undefined}>
      <title>{model.description ?? title.title}</title>
      <rect
        className="state__box"
        x={state.x}
        y={state.y}
        width={state.width}
        height={state.height}
        rx={isStart ? state.height / 2 : 10}
      />
      {title.number !== null && (
        <g className="state__number">
          <circle cx={state.x + size.pad + size.numberCircle / 2} cy={headerMiddle} r={size.numberCircle / 2} />
          <text
            x={state.x + size.pad + size.numberCircle / 2}
            y={headerMiddle}
            textAnchor="middle"
            dominantBaseline="central"
            fontFamily={FONT}
            fontSize={size.text}
            fontWeight="bold"
          >
            {title.number}
          </text>
        </g>
      )}
      <text
        className="state__title"
        x={isStart ? state.x + state.width / 2 : titleX}
        y={headerMiddle}
        textAnchor={isStart ? 'middle' : undefined}
        dominantBaseline="central"
        fontFamily={FONT}
        fontSize={size.title}
        fontWeight="bold"
      >
        {title.title}
        {title.badge && (
          <tspan className={`state__badge state__badge--${title.badge}`} fontSize={size.badge} dx={10}>
            {`[${text.badge(title.badge)}]`}
          </tspan>
        )}
      </text>
      {state.rows.map((id, index) => {
        const transition = transitions.get(id);
        if (!transition) return null;
        return (
          <g key={id}>
            {lines(transition, state.x + size.pad - 4, state.y + size.header + index * size.row, state.rowWidth, true)}
          </g>
        );
      })}
      {current && (
        <g className="state__now" aria-hidden="true">
          <rect
            x={state.x + state.width - size.nowWidth - 6}
            y={state.y - 1 - size.nowHeight / 2}
            width={size.nowWidth}
            height={size.nowHeight}
            rx={size.nowHeight / 2}
          />
          <text
            x={state.x + state.width - size.nowWidth / 2 - 6}
            y={state.y - 1}
            textAnchor="middle"
            dominantBaseline="central"
            fontFamily={FONT}
            fontSize={size.badge}
            fontWeight="bold"
          >
            {text.now}
          </text>
        </g>
      )}
    </g>
  );
}

function EdgePath({ edge, status, marker }: { edge: LaidOutEdge; status: Status; marker: string }) {
  return (
    <path
      className={status ? `edge edge--${status}` : 'edge'}
      d={path(edge.points)}
      markerEnd={`url(#${marker}${status ? `-${status}` : ''})`}
      data-edge-id={edge.id}
    />
  );
}

/**
 * The statechart drawn from its layout. Where the exercise stands is marked
 * by a heavier frame, a fill and a "NU" tag (never colour alone); each path
 * out of it shows ✓ or ✗ with the refusing rule underlined, and can be
 * clicked, or reached with Tab and tried with Enter.
 */
export function DiagramView({
  graph,
  layout,
  text,
  label,
  active = [],
  judgements,
  onTry,
  describedBy,
  nameOf,
}: DiagramViewProps) {
  const marker = `arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const size = layout.size;
  const models = new Map(graph.states.map((state) => [state.id, state]));
  const transitions = new Map(graph.transitions.map((transition) => [transition.id, transition]));
  const activeSet = new Set(active);
  const current = active.at(-1);

  const lines = (transition: ModelTransition, x: number, y: number, width: number, internal: boolean) => {
    const status = statusOf(judgements, transition.id);
    return (
      <TransitionLine
        key={transition.id}
        transition={transition}
        text={text}
        size={size}
        x={x}
        y={y}
        width={width}
        internal={internal}
        refusal={judgements?.get(transition.id)}
        status={status}
        interactive={status !== null}
        onTry={onTry}
        describedBy={describedBy?.(transition.id)}
        name={nameOf?.(transition)}
      />
    );
  };

  // Outer states first, so a compound state's frame lies under its children.
  const depth = (id: string): number => {
    const parent = models.get(id)?.parent;
    return parent ? 1 + depth(parent) : 0;
  };
  const states = [...layout.states].sort((a, b) => depth(a.id) - depth(b.id));
  const edgeStatus = (edge: LaidOutEdge): Status => {
    const statuses = edge.transitions.map((id) => statusOf(judgements, id));
    if (statuses.includes('accepted')) return 'accepted';
    return statuses.includes('refused') ? 'refused' : null;
  };

  return (
    <svg
      className="model-diagram"
      viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`}
      width={layout.width}
      height={layout.height}
      role="group"
      aria-label={label}
    >
      <defs>
        {(['', '-accepted', '-refused'] as const).map((suffix) => (
          <marker
            key={suffix}
            id={`${marker}${suffix}`}
            className={`edge-marker edge-marker${suffix}`}
            viewBox="0 0 10 10"
            refX={9}
            refY={5}
            markerWidth={8}
            markerHeight={8}
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        ))}
      </defs>
      {states.map((state) => {
        const model = models.get(state.id);
        if (!model) return null;
        return (
          <StateBox
            key={state.id}
            state={state}
            model={model}
            text={text}
            size={size}
            current={state.id === current}
            active={activeSet.has(state.id)}
            lines={lines}
            transitions={transitions}
          />
        );
      })}
      {layout.edges.map((edge) => (
        <EdgePath key={edge.id} edge={edge} status={edgeStatus(edge)} marker={marker} />
      ))}
      {layout.edges.map((edge) =>
        edge.label ? (
          <g key={edge.id} className="edge-label">
            <rect
              className="edge-label__box"
              x={edge.label.x}
              y={edge.label.y}
              width={edge.label.width}
              height={edge.label.height}
              rx={6}
            />
            {edge.transitions.map((id, index) => {
              const transition = transitions.get(id);
              if (!transition || !edge.label) return null;
              return lines(
                transition,
                edge.label.x + 4,
                edge.label.y + 4 + index * size.line,
                edge.label.width - 8,
                false,
              );
            })}
          </g>
        ) : null,
      )}
    </svg>
  );
}
