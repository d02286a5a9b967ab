/** Functions of the KPI language as data. */
import type { ByFn, MathFn } from './types';

export interface FunctionDefinition {
  /** as written in a formula */
  name: string;
  signature: string;
  minArgs: number;
  maxArgs: number;
  target: { kind: 'math'; fn: MathFn } | { kind: 'by'; fn: ByFn };
}

export const FUNCTIONS: FunctionDefinition[] = [
  { name: 'Math.round', signature: 'Math.round(x)', minArgs: 1, maxArgs: 1, target: { kind: 'math', fn: 'round' } },
  { name: 'Math.floor', signature: 'Math.floor(x)', minArgs: 1, maxArgs: 1, target: { kind: 'math', fn: 'floor' } },
  { name: 'Math.ceil', signature: 'Math.ceil(x)', minArgs: 1, maxArgs: 1, target: { kind: 'math', fn: 'ceil' } },
  { name: 'Math.abs', signature: 'Math.abs(x)', minArgs: 1, maxArgs: 1, target: { kind: 'math', fn: 'abs' } },
  { name: 'Math.min', signature: 'Math.min(a, b, …)', minArgs: 1, maxArgs: 64, target: { kind: 'math', fn: 'min' } },
  { name: 'Math.max', signature: 'Math.max(a, b, …)', minArgs: 1, maxArgs: 64, target: { kind: 'math', fn: 'max' } },
  { name: 'max_by', signature: 'max_by(label, expr)', minArgs: 2, maxArgs: 2, target: { kind: 'by', fn: 'max_by' } },
  { name: 'min_by', signature: 'min_by(label, expr)', minArgs: 2, maxArgs: 2, target: { kind: 'by', fn: 'min_by' } },
  { name: 'count_by', signature: 'count_by(label, expr)', minArgs: 2, maxArgs: 2, target: { kind: 'by', fn: 'count_by' } },
];

export const FUNCTIONS_BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));
