import type { TierContext } from '../tierPlan';
/** The typed form of a checked formula, shared by the compiler and the reference evaluator. */
import type { GroupByLabel } from '../conventions';

export type MeasureId =
  | 'total_cost'
  | 'total_inferences'
  | 'failed_inferences'
  | 'input_tokens'
  | 'output_tokens'
  | 'total_tokens'
  | 'cache_hits'
  | 'retries'
  | 'fallbacks'
  | 'budget_limit'
  | 'budget_spend';

export type ScopeLabel = 'provider' | 'model' | 'team';

export interface Scope {
  provider?: string;
  model?: string;
  team?: string;
  /** ignore the query's group-by */
  all?: boolean;
  /** the window of equal length just before */
  previous?: boolean;
}

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '>' | '>=' | '<' | '<=' | '==' | '!=';
export type LogicalOp = '&&' | '||';
export type MathFn = 'round' | 'floor' | 'ceil' | 'abs' | 'min' | 'max';
export type ByFn = 'max_by' | 'min_by' | 'count_by';
export type WindowConstant = 'days_in_window' | 'hours_in_window';

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'window'; name: WindowConstant }
  | { kind: 'measure'; measure: MeasureId; scope: Scope }
  | { kind: 'negate'; arg: Expr }
  | { kind: 'not'; arg: Expr }
  | { kind: 'arithmetic'; op: ArithmeticOp; left: Expr; right: Expr }
  | { kind: 'compare'; op: ComparisonOp; left: Expr; right: Expr }
  | { kind: 'logical'; op: LogicalOp; left: Expr; right: Expr }
  | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr }
  | { kind: 'math'; fn: MathFn; args: Expr[] }
  | { kind: 'by'; fn: ByFn; label: GroupByLabel; arg: Expr };

export interface Diagnostic {
  message: string;
  /** 1-based line and columns; endColumn is inclusive */
  line: number;
  startColumn: number;
  endColumn: number;
  severity: 'error';
  suggestion?: string;
}

export interface Filters {
  provider?: string[];
  model?: string[];
  team?: string[];
}

export type Mode = 'instant' | 'range';

export interface EvaluationOptions {
  mode: Mode;
  /** instant mode: the window; range mode: ignored (the step is the window) */
  windowSeconds?: number;
  /** range mode: the step */
  stepSeconds?: number;
  groupBy: GroupByLabel[];
  filters?: Filters;
  /** where the query runs and which tier buckets exist: windows then read the coarsest exact tiers */
  tiers?: TierContext;
}

export const LIMITS = {
  maxLength: 4096,
  maxDepth: 64,
  maxMeasures: 200,
};
