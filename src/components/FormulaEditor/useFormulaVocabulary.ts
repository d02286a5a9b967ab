import { useEffect, useState } from 'react';
import { FUNCTIONS, MEASURES, WINDOW_CONSTANTS } from '../../engine/language';
import type { Vocabulary } from './completion';

export interface LabelValueSource {
  metricFindQuery(kind: 'providers' | 'models' | 'teams'): Promise<Array<{ text: string | number }>>;
}

export const STATIC_VOCABULARY: Omit<Vocabulary, 'labelValues'> = {
  measures: MEASURES.map((m) => ({ name: m.name, description: m.description })),
  functions: FUNCTIONS.map((f) => ({ name: f.name, signature: f.signature })),
  constants: WINDOW_CONSTANTS.map((c) => ({ name: c.name, description: c.description })),
};

/** Measures and functions from the engine's tables; provider / model / team values from Prometheus. */
export function useFormulaVocabulary(source: LabelValueSource | undefined): Vocabulary {
  const [labelValues, setLabelValues] = useState<Vocabulary['labelValues']>({ provider: [], model: [], team: [] });
  useEffect(() => {
    if (!source) {
      return;
    }
    let cancelled = false;
    const load = (kind: 'providers' | 'models' | 'teams') =>
      source.metricFindQuery(kind).then(
        (values) => values.map((v) => String(v.text)),
        () => [] as string[]
      );
    Promise.all([load('providers'), load('models'), load('teams')]).then(([provider, model, team]) => {
      if (!cancelled) {
        setLabelValues({ provider, model, team });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [source]);
  return { ...STATIC_VOCABULARY, labelValues };
}
