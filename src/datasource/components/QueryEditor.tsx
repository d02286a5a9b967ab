import React, { useEffect, useMemo, useState } from 'react';
import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { Combobox, ComboboxOption, InlineField, InlineFieldRow, Input, RadioButtonGroup, Switch } from '@grafana/ui';
import { GROUP_BY_LABELS, GroupByLabel } from '../../engine/conventions';
import { check } from '../../engine/language';
import { FormulaEditor } from '../../components/FormulaEditor/FormulaEditor';
import { useFormulaVocabulary } from '../../components/FormulaEditor/useFormulaVocabulary';
import type { KpiDataSource } from '../datasource';
import { planKpiQuery } from '../queryPlan';
import type { KpiDataSourceOptions, KpiMode, KpiQuery } from '../types';

export type KpiQueryEditorProps = QueryEditorProps<KpiDataSource, KpiQuery, KpiDataSourceOptions>;

const FORMULA = '__formula__';
const modeOptions: Array<SelectableValue<KpiMode>> = [
  { label: 'Time series', value: 'range', description: 'one value per step' },
  { label: 'Instant', value: 'instant', description: 'one value for the whole range' },
];
const NO_GROUPING = '__none__';
const groupOptions: Array<ComboboxOption<string>> = [
  { label: 'none', value: NO_GROUPING },
  ...GROUP_BY_LABELS.map((label) => ({ label, value: label })),
];

export function QueryEditor({ query, onChange, onRunQuery, datasource, range }: KpiQueryEditorProps) {
  const [kpis, setKpis] = useState(datasource.catalog.all());
  const [showPromQL, setShowPromQL] = useState(false);
  // The preview needs some "now" when the editor has no time range (e.g. in Explore tests);
  // it is taken once so renders stay pure.
  const [mountedAtMs] = useState(() => Date.now());
  const vocabulary = useFormulaVocabulary(datasource);
  useEffect(() => {
    datasource.catalog.refresh(false).then(() => setKpis(datasource.catalog.all()));
  }, [datasource]);

  const kpiOptions: Array<ComboboxOption<string>> = [
    ...kpis.map((k) => ({ label: k.name, value: k.id, description: `${k.description} — ${k.formula}` })),
    { label: 'Formula…', value: FORMULA, description: 'write your own formula' },
  ];
  const usingFormula = !query.kpiId;
  const diagnostics = useMemo(() => (usingFormula ? check(query.formula ?? '').diagnostics : []), [usingFormula, query.formula]);
  const preview = useMemo(() => {
    const now = range?.to.valueOf() ?? mountedAtMs;
    return planKpiQuery(query, {
      fromMs: range?.from.valueOf() ?? now - 86400_000,
      toMs: now,
      intervalMs: 60_000,
      ruleIntervalSeconds: datasource.ruleIntervalSeconds,
      filters: {},
      findKpi: (id) => kpis.find((k) => k.id === id),
    });
  }, [query, range, datasource, kpis, mountedAtMs]);

  const set = (change: Partial<KpiQuery>, run = true) => {
    onChange({ ...query, ...change });
    if (run) {
      onRunQuery();
    }
  };

  return (
    <div>
      <InlineFieldRow>
        <InlineField label="KPI" htmlFor={`aispend-kpi-picker-${query.refId}`} labelWidth={12} tooltip="A standard or custom KPI, or your own formula">
          <Combobox
            id={`aispend-kpi-picker-${query.refId}`}
            width={40}
            options={kpiOptions}
            value={query.kpiId ?? FORMULA}
            onChange={(v) =>
              v.value === FORMULA
                ? set({ kpiId: undefined, formula: query.formula ?? kpis.find((k) => k.id === query.kpiId)?.formula ?? '' }, false)
                : set({ kpiId: v.value })
            }
          />
        </InlineField>
        <InlineField label="Mode" labelWidth={8}>
          <RadioButtonGroup options={modeOptions} value={query.mode ?? 'range'} onChange={(mode) => set({ mode })} />
        </InlineField>
      </InlineFieldRow>
      {usingFormula && (
        <InlineFieldRow>
          <InlineField label="Formula" labelWidth={12} grow invalid={diagnostics.length > 0}>
            <FormulaEditor
              id={`aispend-formula-${query.refId}`}
              aria-label="Formula"
              value={query.formula ?? ''}
              diagnostics={diagnostics}
              vocabulary={vocabulary}
              placeholder="anthropic.total_cost / total_cost * 100"
              onChange={(formula) => set({ formula }, false)}
              onBlur={() => diagnostics.length === 0 && onRunQuery()}
            />
          </InlineField>
        </InlineFieldRow>
      )}
      <InlineFieldRow>
        <InlineField label="Group by" htmlFor={`aispend-group-by-${query.refId}`} labelWidth={12}>
          <Combobox
            id={`aispend-group-by-${query.refId}`}
            width={20}
            options={groupOptions}
            value={query.groupBy ?? NO_GROUPING}
            onChange={(v) => set({ groupBy: v.value === NO_GROUPING ? undefined : (v.value as GroupByLabel) })}
          />
        </InlineField>
        {(query.mode ?? 'range') === 'range' && (
          <InlineField label="Step" labelWidth={8} tooltip="e.g. 1h or 1d; empty = the panel interval (at least the rule interval)">
            <Input
              aria-label="Step"
              width={10}
              placeholder="auto"
              defaultValue={query.step}
              onBlur={(e) => set({ step: e.currentTarget.value.trim() || undefined })}
            />
          </InlineField>
        )}
        <InlineField label="Legend" labelWidth={8} tooltip="e.g. {{team}}">
          <Input
            aria-label="Legend"
            width={20}
            placeholder="auto"
            defaultValue={query.legendFormat}
            onBlur={(e) => set({ legendFormat: e.currentTarget.value || undefined })}
          />
        </InlineField>
        <InlineField label="PromQL" labelWidth={8}>
          <Switch aria-label="Show PromQL" value={showPromQL} onChange={() => setShowPromQL(!showPromQL)} />
        </InlineField>
      </InlineFieldRow>
      {showPromQL && (
        <pre aria-label="Compiled PromQL">{preview.ok ? preview.promql : preview.message}</pre>
      )}
    </div>
  );
}
