/**
 * Unpriced usage: tokens or requests of a (provider, model) whose spend over the same window is 0
 * or missing. A gateway without a price for a model records $0 for it (LiteLLM does), so every
 * spend total silently under-reports; the pages show this warning beside spend, and the rules
 * (src/rules/unpricedRules.ts) alert on it.
 *
 * Both queries are KPI measures compiled by the KPI compiler, by provider and model:
 *   (<tokens> > 0) unless on (provider, model) (<spend> > 0)
 * `unless` keeps a model whose spend is missing as well as one whose spend is 0.
 */
import type { Expr, Filters } from '../engine/language';
import { compileIR } from '../engine/language/compile';
import type { MeasureId } from '../engine/language/types';
import { siMagnitude, formatNumber } from '../format/numbers';
import type { LabeledValue } from './labeledValues';
import { compareKeys } from './order';

const BY: Array<'provider' | 'model'> = ['provider', 'model'];
/** Models named in the warning; the rest are counted ("and 3 more"). */
export const UNPRICED_NAMES_SHOWN = 5;

const measure = (name: MeasureId): Expr => ({ kind: 'measure', measure: name, scope: {} });

function usageWithoutSpend(usage: MeasureId, windowSeconds: number, filters: Filters): string {
  const compile = (name: MeasureId) => compileIR(measure(name), { mode: 'instant', windowSeconds, groupBy: BY, filters });
  return `(${compile(usage)} > 0) unless on (provider, model) (${compile('total_cost')} > 0)`;
}

/** Instant queries over the window ending at their evaluation time: tokens and requests of models without spend. */
export function unpricedUsageQueries(windowSeconds: number, filters: Filters = {}): { tokens: string; requests: string } {
  return {
    tokens: usageWithoutSpend('total_tokens', windowSeconds, filters),
    requests: usageWithoutSpend('total_inferences', windowSeconds, filters),
  };
}

export interface UnpricedModel {
  provider: string;
  model: string;
  tokens: number;
  requests: number;
}

const keyOf = (labels: Readonly<Record<string, string>>) => JSON.stringify([labels.provider ?? '', labels.model ?? '']);

/** One row per (provider, model) in either answer, most tokens first, then most requests, then by name. */
export function unpricedModels(tokens: readonly LabeledValue[], requests: readonly LabeledValue[] = []): UnpricedModel[] {
  const rows = new Map<string, UnpricedModel>();
  const rowOf = (labels: Readonly<Record<string, string>>) => {
    const key = keyOf(labels);
    if (!rows.has(key)) {
      rows.set(key, { provider: labels.provider ?? '', model: labels.model ?? '', tokens: 0, requests: 0 });
    }
    return rows.get(key)!;
  };
  tokens.filter((v) => v.value > 0).forEach((v) => (rowOf(v.labels).tokens += v.value));
  requests.filter((v) => v.value > 0).forEach((v) => (rowOf(v.labels).requests += v.value));
  return [...rows.values()].sort(
    (a, b) => b.tokens - a.tokens || b.requests - a.requests || compareKeys(a.model, b.model) || compareKeys(a.provider, b.provider)
  );
}

function nameOf(row: UnpricedModel, all: readonly UnpricedModel[]): string {
  const name = row.model || '(no model)';
  // the same model name under two providers needs its provider to be told apart
  return all.filter((r) => r.model === row.model).length > 1 ? `${row.provider || '(no provider)'}/${name}` : name;
}

/**
 * "3 models used without a price: a, b, c — 4.20 M tokens" (requests instead when none of them
 * counted tokens); null when every used model has spend.
 */
export function unpricedWarning(models: readonly UnpricedModel[]): string | null {
  if (!models.length) {
    return null;
  }
  const names = models.slice(0, UNPRICED_NAMES_SHOWN).map((m) => nameOf(m, models));
  const more = models.length - names.length;
  const list = more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
  const tokens = models.reduce((s, m) => s + m.tokens, 0);
  const requests = models.reduce((s, m) => s + m.requests, 0);
  const amount = tokens > 0 ? `${siMagnitude(tokens)} tokens` : `${formatNumber(requests, 0)} requests`;
  return `${models.length} ${models.length === 1 ? 'model' : 'models'} used without a price: ${list} — ${amount}`;
}
