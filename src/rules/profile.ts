/**
 * A metric profile says, as data, where each canonical family comes from in one
 * gateway's raw metrics. `renderProfileRules` turns it into recording rules.
 */
import { BASE_LABELS, FAMILIES, FamilyId, MODEL_PROVIDER_INFO, RULE_INTERVAL_SECONDS } from '../engine/conventions';
import { blankLabelValue, copyLabel, copyLabelIfSet, perMinuteIncrease, RawSelector, sumBy } from './promql';

export type ProfileId = 'seed' | 'litellm' | 'otel';

/** Raw label names for each canonical label. `provider` lists fallbacks: later non-empty ones win. */
export interface LabelSources {
  provider?: string[];
  model: string;
  team: string;
  user?: string;
  api_key?: string;
}

export interface CounterRecipe {
  family: FamilyId;
  /** raw counters whose increases add up to the family (distinct names are distinct data) */
  sources: RawSelector[];
  labels: LabelSources;
  /** canonical labels fixed by the recipe, e.g. { status: 'success' } */
  staticLabels?: Record<string, string>;
  /** the raw series lack a provider label: take it from the model -> provider info */
  providerFromModel?: boolean;
}

export interface GaugeRecipe {
  family: 'budget_limit' | 'budget_spend';
  expr: string;
  staticLabels?: Record<string, string>;
}

export interface Profile {
  id: ProfileId;
  description: string;
  counters: CounterRecipe[];
  gauges: GaugeRecipe[];
  /** label values that mean "unknown" and become "" */
  unknownValues?: string[];
  /** where the model -> provider mapping is read from (needed by providerFromModel) */
  modelProviderSource?: { source: RawSelector; providerLabel: string; modelLabel: string };
  /** families this source does not export (shown as missing, never 0) */
  missing: FamilyId[];
}

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

const SOURCE_TAG = 'aispend_source';

export function canonicalLabelsOf(recipe: CounterRecipe): string[] {
  const extra = FAMILIES[recipe.family].extraLabels.filter((l) => !(l in (recipe.staticLabels ?? {})));
  return [...BASE_LABELS, ...extra];
}

function relabel(expr: string, labels: LabelSources, unknownValues: string[], wanted: string[]): string {
  let out = expr;
  const [firstProvider, ...laterProviders] = labels.provider ?? [];
  if (firstProvider) {
    out = copyLabel(out, 'provider', firstProvider);
  }
  for (const fallback of laterProviders) {
    out = copyLabelIfSet(out, 'provider', fallback);
  }
  for (const canonical of ['model', 'team', 'user', 'api_key'] as const) {
    const raw = labels[canonical];
    if (raw && wanted.includes(canonical)) {
      out = copyLabel(out, canonical, raw);
      for (const unknown of unknownValues) {
        out = blankLabelValue(out, canonical, unknown);
      }
    }
  }
  return out;
}

/** Increases of all sources as one vector; a tag keeps equal label sets of different counters apart. */
function combinedIncrease(sources: RawSelector[]): string {
  if (sources.length === 1) {
    return perMinuteIncrease(sources[0]);
  }
  return sources
    .map((s) => `label_replace(${perMinuteIncrease(s)}, "${SOURCE_TAG}", "${s.metric}", "", "")`)
    .join(' or ');
}

export function modelProviderInfoExpr(profile: Profile): string | undefined {
  const src = profile.modelProviderSource;
  if (!src) {
    return undefined;
  }
  // group before relabelling: the mapping has one series per model, the source one per user and key,
  // and the relabelling then runs on a few series at every evaluation instead of all of them
  let expr = `group by (${src.modelLabel}, ${src.providerLabel}) (${src.source.metric})`;
  expr = copyLabel(expr, 'provider', src.providerLabel);
  expr = copyLabel(expr, 'model', src.modelLabel);
  return `topk by (model) (1, group by (model, provider) (${expr}))`;
}

function counterExpr(profile: Profile, recipe: CounterRecipe): string {
  const grouping = canonicalLabelsOf(recipe);
  const relabeled = relabel(combinedIncrease(recipe.sources), recipe.labels, profile.unknownValues ?? [], grouping);
  if (!recipe.providerFromModel) {
    return sumBy(grouping, relabeled);
  }
  const info = modelProviderInfoExpr(profile);
  if (!info) {
    throw new Error(`profile ${profile.id}: providerFromModel needs modelProviderSource`);
  }
  // Series whose model never had spend keep provider "" instead of disappearing.
  const joined = `(${relabeled} * on (model) group_left (provider) ${info}) or (${relabeled} unless on (model) ${info})`;
  return sumBy(grouping, joined);
}

function withLabels(rule: RecordingRule, labels?: Record<string, string>): RecordingRule {
  return labels && Object.keys(labels).length ? { ...rule, labels } : rule;
}

export function renderProfileRules(profile: Profile): RecordingRule[] {
  const rules: RecordingRule[] = [];
  const info = modelProviderInfoExpr(profile);
  if (info) {
    rules.push({ record: MODEL_PROVIDER_INFO, expr: info });
  }
  for (const recipe of profile.counters) {
    rules.push(withLabels({ record: FAMILIES[recipe.family].series, expr: counterExpr(profile, recipe) }, recipe.staticLabels));
  }
  for (const gauge of profile.gauges) {
    rules.push(withLabels({ record: FAMILIES[gauge.family].series, expr: gauge.expr }, gauge.staticLabels));
  }
  return rules;
}

export const RULE_INTERVAL = `${RULE_INTERVAL_SECONDS / 60}m`;
