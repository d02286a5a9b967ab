export { check, type CheckResult } from './check';
export { compileIR, compileToPromQL, windowedSumPromQL, type CompileResult } from './compile';
export { evaluateFormula, evaluateInstant, evaluateRange, type CanonicalSeries, type InstantResult, type RangeResult, type Sample } from './evaluate';
export { FUNCTIONS } from './functions';
export { MEASURES, WINDOW_CONSTANTS } from './measures';
export type { Diagnostic, EvaluationOptions, Expr, Filters, Mode } from './types';
export { LIMITS } from './types';
