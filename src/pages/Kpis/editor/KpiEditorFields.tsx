/** The inputs of the custom KPI editor, on a draft held by the drawer. */
import React from 'react';
import { Combobox, ComboboxOption, Field, Input, RadioButtonGroup, TextArea } from '@grafana/ui';
import type { KpiDirection } from '../../../engine/catalog';
import { FormulaEditor } from '../../../components/FormulaEditor/FormulaEditor';
import type { Vocabulary } from '../../../components/FormulaEditor/completion';
import type { DraftValidation, KpiDraft } from './kpiDraft';
import { ThresholdsEditor } from './ThresholdsEditor';

/** The units of the standard KPIs; any other text is accepted (shown as a suffix). */
const UNITS = ['USD', 'USD/day', '%', 'tokens/h', 'ratio', 'count', 'days'];
const unitOptions: Array<ComboboxOption<string>> = UNITS.map((u) => ({ label: u, value: u }));

const FORMULA_HELP =
  'Measures (total_cost, total_inferences…), scopes (openai.total_cost, team["ml"].total_cost, previous.total_cost), Math.*, max_by / count_by; suggestions appear as you type.';

const DIRECTIONS: Array<{ label: string; value: KpiDirection; description: string }> = [
  { label: 'Higher is better', value: 'higher-is-better', description: 'e.g. cache hit rate' },
  { label: 'Lower is better', value: 'lower-is-better', description: 'e.g. cost per inference' },
  { label: 'Neutral', value: 'neutral', description: 'e.g. total spend' },
];

export interface KpiEditorFieldsProps {
  draft: KpiDraft;
  validation: DraftValidation;
  vocabulary: Vocabulary;
  /** the id cannot change once saved: queries and dashboards refer to it */
  idLocked: boolean;
  onName(name: string): void;
  onChange(change: Partial<KpiDraft>): void;
}

export function KpiEditorFields({ draft, validation, vocabulary, idLocked, onName, onChange }: KpiEditorFieldsProps) {
  const { errors } = validation;
  return (
    <>
      <Field label="Name" required invalid={Boolean(errors.name)} error={errors.name}>
        <Input
          id="kpi-name"
          value={draft.name}
          placeholder="e.g. Anthropic share"
          onChange={(e) => onName(e.currentTarget.value)}
        />
      </Field>
      <Field
        label="Id"
        description={
          idLocked
            ? 'Queries and dashboards refer to this id: it cannot change.'
            : 'Derived from the name; queries and dashboards use it (kpiId).'
        }
        invalid={Boolean(errors.id)}
        error={errors.id}
      >
        <Input
          id="kpi-id"
          value={draft.id}
          disabled={idLocked}
          onChange={(e) => onChange({ id: e.currentTarget.value, idFromName: false })}
        />
      </Field>
      <Field
        label="Formula"
        required
        invalid={Boolean(errors.formula)}
        error={errors.formula}
        description={FORMULA_HELP}
      >
        <FormulaEditor
          id="kpi-formula"
          aria-label="Formula"
          value={draft.formula}
          diagnostics={validation.diagnostics}
          vocabulary={vocabulary}
          placeholder="anthropic.total_cost / total_cost * 100"
          onChange={(formula) => onChange({ formula })}
        />
      </Field>
      <Field label="Unit">
        <Combobox
          id="kpi-unit"
          width={24}
          options={unitOptions}
          createCustomValue
          value={draft.unit}
          onChange={(option) => onChange({ unit: option.value })}
        />
      </Field>
      <Field label="Decimals" invalid={Boolean(errors.decimals)} error={errors.decimals}>
        <Input
          id="kpi-decimals"
          type="number"
          width={10}
          min={0}
          max={10}
          value={draft.decimals}
          onChange={(e) => onChange({ decimals: e.currentTarget.value })}
        />
      </Field>
      <Field
        label="Direction"
        description="Which way is an improvement: it colours changes and sets the state below the lowest threshold."
      >
        <RadioButtonGroup
          options={DIRECTIONS}
          value={draft.direction}
          onChange={(direction) => onChange({ direction })}
        />
      </Field>
      <Field label="Thresholds" invalid={Boolean(errors.thresholds)} error={errors.thresholds}>
        <ThresholdsEditor
          thresholds={draft.thresholds}
          direction={draft.direction}
          onChange={(thresholds) => onChange({ thresholds })}
        />
      </Field>
      <Field label="Description">
        <TextArea
          id="kpi-description"
          rows={2}
          value={draft.description}
          onChange={(e) => onChange({ description: e.currentTarget.value })}
        />
      </Field>
    </>
  );
}
