/**
 * The custom KPI editor's form as data: the draft (what the inputs hold, as text), the id derived
 * from the name, validation, and conversion to and from the saved setting. Pure: every rule is a
 * table test.
 */
import { STANDARD_KPIS, type KpiDirection, type ThresholdState } from '../../../engine/catalog';
import { check, type Diagnostic } from '../../../engine/language';
import type { CustomKpiSetting } from '../../../settings/model';

export interface ThresholdDraft {
  value: string;
  state: ThresholdState;
}

export interface KpiDraft {
  name: string;
  id: string;
  /** false once the user typed an id of their own: the name no longer rewrites it */
  idFromName: boolean;
  formula: string;
  unit: string;
  decimals: string;
  direction: KpiDirection;
  thresholds: ThresholdDraft[];
  description: string;
}

export const MAX_ID_LENGTH = 64;
export const MAX_NAME_LENGTH = 100;
export const MAX_DECIMALS = 10;
const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const STANDARD_IDS = new Set(STANDARD_KPIS.map((k) => k.id));

export const EMPTY_DRAFT: KpiDraft = {
  name: '',
  id: '',
  idFromName: true,
  formula: '',
  unit: 'USD',
  decimals: '2',
  direction: 'neutral',
  thresholds: [],
  description: '',
};

function slug(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const id = /^[a-z]/.test(base) ? base : base ? `kpi_${base}` : '';
  return id.slice(0, MAX_ID_LENGTH).replace(/_+$/, '');
}

/** An id for `name` that no KPI has yet: "Anthropic share" → anthropic_share, then anthropic_share_2… */
export function idFromName(name: string, takenIds: ReadonlySet<string>): string {
  const base = slug(name);
  if (!base || (!takenIds.has(base) && !STANDARD_IDS.has(base))) {
    return base;
  }
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = base.slice(0, MAX_ID_LENGTH - suffix.length) + suffix;
    if (!takenIds.has(candidate) && !STANDARD_IDS.has(candidate)) {
      return candidate;
    }
  }
}

export type DraftField = 'name' | 'id' | 'formula' | 'decimals' | 'thresholds';

export interface DraftValidation {
  ok: boolean;
  /** the formula's diagnostics, for the editor to show at their columns */
  diagnostics: Diagnostic[];
  errors: Partial<Record<DraftField, string>>;
}

export interface ValidationContext {
  /** ids of the saved custom KPIs */
  customIds: readonly string[];
  /** the id of the KPI being edited (it may keep its own id) */
  editingId?: string;
}

function idError(id: string, ctx: ValidationContext): string | undefined {
  if (!id) {
    return 'An id is required';
  }
  if (!ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH) {
    return `Lower-case letters, digits and _, starting with a letter, at most ${MAX_ID_LENGTH} characters`;
  }
  if (STANDARD_IDS.has(id)) {
    return `"${id}" is a standard KPI's id`;
  }
  if (id !== ctx.editingId && ctx.customIds.includes(id)) {
    return `A custom KPI with the id "${id}" already exists`;
  }
  return undefined;
}

function thresholdsError(thresholds: readonly ThresholdDraft[]): string | undefined {
  const values = thresholds.map((t) => Number(t.value));
  if (thresholds.some((t, i) => t.value.trim() === '' || !Number.isFinite(values[i]))) {
    return 'Every threshold needs a number';
  }
  if (new Set(values).size !== values.length) {
    return 'Two thresholds have the same value';
  }
  return undefined;
}

export function validateDraft(draft: KpiDraft, ctx: ValidationContext): DraftValidation {
  const errors: DraftValidation['errors'] = {};
  const name = draft.name.trim();
  if (!name) {
    errors.name = 'A name is required';
  } else if (name.length > MAX_NAME_LENGTH) {
    errors.name = `At most ${MAX_NAME_LENGTH} characters`;
  }
  const idProblem = idError(draft.id, ctx);
  if (idProblem) {
    errors.id = idProblem;
  }
  const diagnostics = draft.formula.trim() ? check(draft.formula).diagnostics : [];
  if (!draft.formula.trim()) {
    errors.formula = 'A formula is required';
  } else if (diagnostics.length) {
    errors.formula = `The formula has ${diagnostics.length === 1 ? 'a problem' : `${diagnostics.length} problems`}: fix ${diagnostics.length === 1 ? 'it' : 'them'} to save`;
  }
  const decimals = Number(draft.decimals);
  if (draft.decimals.trim() === '' || !Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    errors.decimals = `A whole number from 0 to ${MAX_DECIMALS}`;
  }
  const thresholdProblem = thresholdsError(draft.thresholds);
  if (thresholdProblem) {
    errors.thresholds = thresholdProblem;
  }
  return { ok: Object.keys(errors).length === 0, diagnostics, errors };
}

/** The saved form of a valid draft; thresholds in ascending order. */
export function draftToSetting(draft: KpiDraft): CustomKpiSetting {
  return {
    id: draft.id,
    name: draft.name.trim(),
    formula: draft.formula,
    unit: draft.unit.trim(),
    decimals: Number(draft.decimals),
    direction: draft.direction,
    thresholds: draft.thresholds
      .map((t) => ({ value: Number(t.value), state: t.state }))
      .sort((a, b) => a.value - b.value),
    description: draft.description.trim(),
  };
}

export function settingToDraft(kpi: CustomKpiSetting): KpiDraft {
  return {
    name: kpi.name,
    id: kpi.id,
    idFromName: false,
    formula: kpi.formula,
    unit: kpi.unit,
    decimals: String(kpi.decimals),
    direction: kpi.direction,
    thresholds: kpi.thresholds.map((t) => ({ value: String(t.value), state: t.state })),
    description: kpi.description,
  };
}

/** The draft after the name changed: the id follows the name until the user set one. */
export function renamed(draft: KpiDraft, name: string, takenIds: ReadonlySet<string>): KpiDraft {
  return draft.idFromName ? { ...draft, name, id: idFromName(name, takenIds) } : { ...draft, name };
}
