/** Number semantics of the language (JavaScript's), used for constants and by the evaluator. */
import type { ArithmeticOp, ComparisonOp, MathFn } from './types';

export const ARITHMETIC: Record<ArithmeticOp, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

export const COMPARISON: Record<ComparisonOp, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** true for non-zero numbers; NaN is false, as in JavaScript */
export function truthy(value: number): boolean {
  return value !== 0 && !Number.isNaN(value);
}

export const UNARY_MATH: Record<Exclude<MathFn, 'min' | 'max'>, (x: number) => number> = {
  round: (x) => Math.floor(x + 0.5),
  floor: Math.floor,
  ceil: Math.ceil,
  abs: Math.abs,
};

/** Math.min / Math.max of two values: NaN wins, as in JavaScript. */
export function extreme(fn: 'min' | 'max', a: number, b: number): number {
  return fn === 'min' ? Math.min(a, b) : Math.max(a, b);
}
