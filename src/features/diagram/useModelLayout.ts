import { useEffect, useMemo, useState } from 'react';
import { graphOf, type ModelGraph } from '../../../machines/diagram';
import { useLanguage, useTranslation, type Language } from '../../i18n';
import { diagramText, type DiagramText } from './labels';
import { browserMeasure, layoutModel, SIZES, type DiagramLayout, type DiagramMode } from './layout';

let graph: ModelGraph | null = null;

/** The machine's graph, read once: the machine does not change while the app runs. */
export function modelGraph(): ModelGraph {
  graph ??= graphOf();
  return graph;
}

// One layout per language and mode (the words and their sizes set the boxes): opening the panel again is instant.
const layouts = new Map<string, Promise<DiagramLayout>>();

function layoutFor(language: Language, mode: DiagramMode, text: DiagramText): Promise<DiagramLayout> {
  const key = `${language}:${mode}`;
  let layout = layouts.get(key);
  if (!layout) {
    layout = layoutModel(modelGraph(), text, browserMeasure(), SIZES[mode]);
    layouts.set(key, layout);
    // A failed layout is not kept: the next mount tries again.
    layout.catch(() => layouts.delete(key));
  }
  return layout;
}

export type ModelLayoutState =
  | { status: 'loading' }
  | { status: 'failed'; problem: string }
  | { status: 'ready'; graph: ModelGraph; layout: DiagramLayout; text: DiagramText };

/**
 * The laid-out diagram in the current language, for projector mode or not;
 * ELK is loaded on first use. When only the mode changes, the diagram stays
 * drawn at its old size until the new layout is ready (no flash of "loading",
 * and the figure keeps its place on the page).
 */
export function useModelLayout(projector = false): ModelLayoutState {
  const { t } = useTranslation();
  const language = useLanguage();
  const mode: DiagramMode = projector ? 'projector' : 'normal';
  const model = modelGraph();
  const text = useMemo(() => {
    const states = new Map(model.states.map((state) => [state.id, state]));
    return diagramText(t, language, (id) => states.get(id));
  }, [t, language, model]);
  const [result, setResult] = useState<{
    language: Language;
    outcome: { layout: DiagramLayout } | { problem: string };
  } | null>(null);

  useEffect(() => {
    let current = true;
    layoutFor(language, mode, text).then(
      (layout) => {
        if (current) setResult({ language, outcome: { layout } });
      },
      (error: unknown) => {
        if (current)
          setResult({ language, outcome: { problem: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [language, mode, text]);

  if (result?.language !== language) return { status: 'loading' };
  if ('problem' in result.outcome) return { status: 'failed', problem: result.outcome.problem };
  return { status: 'ready', graph: model, layout: result.outcome.layout, text };
}
