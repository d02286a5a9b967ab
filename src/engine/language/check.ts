/**
 * From jsep's tree to the typed formula (IR), collecting diagnostics with positions.
 * Never throws: every problem, including an internal one, is a diagnostic.
 */
import { GROUP_BY_LABELS, GroupByLabel } from '../conventions';
import { FUNCTIONS, FUNCTIONS_BY_NAME } from './functions';
import { MEASURES, MEASURES_BY_NAME, WINDOW_CONSTANTS } from './measures';
import { blankComments, Node, parseFormula, Span, spanOf } from './parse';
import { suggest } from './suggest';
import { ArithmeticOp, ComparisonOp, Diagnostic, Expr, LIMITS, Scope, ScopeLabel } from './types';

export interface CheckResult {
  ok: boolean;
  ir?: Expr;
  diagnostics: Diagnostic[];
  /** the number of measure references (for limits and tests) */
  measureCount: number;
}

const ARITHMETIC = new Set(['+', '-', '*', '/']);
const COMPARISON = new Set(['>', '>=', '<', '<=', '==', '!=']);
const SCOPE_LABELS = new Set<string>(['provider', 'model', 'team']);
const KEYWORDS = new Set(['all', 'previous', 'Math', ...SCOPE_LABELS, ...MEASURES.map((m) => m.name), ...WINDOW_CONSTANTS.map((c) => c.name)]);
const IDENTIFIER_CANDIDATES = [...MEASURES.map((m) => m.name), ...WINDOW_CONSTANTS.map((c) => c.name)];

class CheckError extends Error {
  constructor(message: string, readonly span: Span, readonly suggestion?: string) {
    super(message);
  }
}

export function toDiagnostic(source: string, message: string, span: Span, suggestion?: string): Diagnostic {
  const position = (offset: number) => {
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
  };
  const start = position(Math.min(span.start, source.length));
  const endOffset = Math.max(span.end - 1, span.start);
  const end = position(Math.min(endOffset, source.length));
  return {
    message,
    line: start.line,
    startColumn: start.column,
    endColumn: end.line === start.line ? end.column : start.column,
    severity: 'error',
    ...(suggestion ? { suggestion } : {}),
  };
}

class Converter {
  measureCount = 0;

  convert(node: Node, depth: number): Expr {
    if (depth > LIMITS.maxDepth) {
      throw new CheckError(`formula nested deeper than ${LIMITS.maxDepth} levels`, spanOf(node));
    }
    switch (node.type) {
      case 'Literal':
        return this.literal(node);
      case 'Identifier':
        return this.identifier(node);
      case 'MemberExpression':
        return this.member(node);
      case 'CallExpression':
        return this.call(node, depth);
      case 'UnaryExpression':
        return this.unary(node, depth);
      case 'BinaryExpression':
        return this.binary(node, depth);
      case 'ConditionalExpression':
        return {
          kind: 'conditional',
          test: this.convert(node.test as Node, depth + 1),
          then: this.convert(node.consequent as Node, depth + 1),
          otherwise: this.convert(node.alternate as Node, depth + 1),
        };
      case 'Compound': {
        const second = (node.body as Node[])[1];
        throw new CheckError('expected an operator between two expressions', spanOf(second ?? node));
      }
      default:
        throw new CheckError(`unexpected ${describe(node)}`, spanOf(node));
    }
  }

  private literal(node: Node): Expr {
    if (typeof node.value === 'number') {
      return { kind: 'number', value: node.value };
    }
    throw new CheckError(`unexpected ${describe(node)}: strings only name a provider, model or team, as in team["data-science"]`, spanOf(node));
  }

  private identifier(node: Node): Expr {
    const name = node.name as string;
    const constant = WINDOW_CONSTANTS.find((c) => c.name === name);
    if (constant) {
      return { kind: 'window', name: constant.name };
    }
    return this.measure(node, name, {});
  }

  private measure(node: Node, name: string, scope: Scope, span = spanOf(node)): Expr {
    const measure = MEASURES_BY_NAME.get(name as never);
    if (!measure) {
      const hint = suggest(name, IDENTIFIER_CANDIDATES);
      if (hint) {
        throw new CheckError(`unknown measure \`${name}\` — did you mean \`${hint}\`?`, span, hint);
      }
      if (SCOPE_LABELS.has(name) || name === 'all' || name === 'previous') {
        throw new CheckError(`\`${name}\` is a scope: follow it with a measure, e.g. ${name === 'all' || name === 'previous' ? `${name}.total_cost` : `${name}["…"].total_cost`}`, span);
      }
      throw new CheckError(`unknown measure \`${name}\``, span);
    }
    this.measureCount++;
    if (this.measureCount > LIMITS.maxMeasures) {
      throw new CheckError(`more than ${LIMITS.maxMeasures} measure references`, span);
    }
    return { kind: 'measure', measure: measure.name, scope };
  }

  private member(node: Node): Expr {
    const whole = spanOf(node);
    if (node.computed) {
      throw new CheckError('a scope needs a measure after it, e.g. team["data-science"].total_cost', whole);
    }
    const property = (node.property as Node).name as string;
    const objectNode = node.object as Node;
    if (objectNode.type === 'Identifier' && objectNode.name === 'Math') {
      throw new CheckError(`Math.${property} is ${FUNCTIONS_BY_NAME.has(`Math.${property}`) ? 'a function: call it, e.g. ' + `Math.${property}(total_cost)` : 'not a supported function'}`, whole);
    }
    const scope: Scope = {};
    this.collectScope(objectNode, scope);
    const propertySpan = { start: whole.end - property.length, end: whole.end };
    if (WINDOW_CONSTANTS.some((c) => c.name === property)) {
      throw new CheckError(`\`${property}\` does not take a scope`, propertySpan);
    }
    return this.measure(node, property, scope, propertySpan);
  }

  private collectScope(node: Node, scope: Scope): void {
    const span = spanOf(node);
    if (node.type === 'Identifier') {
      return this.addScope(scope, node.name as string, span);
    }
    if (node.type !== 'MemberExpression') {
      throw new CheckError(`a scope is all., previous., a provider name or provider["…"], model["…"], team["…"]`, span);
    }
    if (node.computed) {
      // `…team["x"]`: the bracket belongs to the last name before it, the rest is more scope
      const labelNode = node.object as Node;
      const label = labelNode.type === 'Identifier' ? (labelNode.name as string) : memberName(labelNode);
      const value = node.property as Node;
      if (!SCOPE_LABELS.has(label)) {
        throw new CheckError(`only provider[…], model[…] and team[…] take a name in brackets`, span);
      }
      if (labelNode.type === 'MemberExpression') {
        this.collectScope(labelNode.object as Node, scope);
      }
      if (value.type !== 'Literal' || typeof value.value !== 'string') {
        throw new CheckError(`${label}[…] takes a quoted name, e.g. ${label}["name"]`, spanOf(value));
      }
      return this.setScope(scope, label as ScopeLabel, value.value, span);
    }
    this.collectScope(node.object as Node, scope);
    const name = (node.property as Node).name as string;
    const whole = spanOf(node);
    this.addScope(scope, name, { start: whole.end - name.length, end: whole.end });
  }

  private addScope(scope: Scope, name: string, span: Span): void {
    if (name === 'all' || name === 'previous') {
      if (scope[name]) {
        throw new CheckError(`scope \`${name}\` used twice`, span);
      }
      scope[name] = true;
      return;
    }
    if (KEYWORDS.has(name)) {
      throw new CheckError(`\`${name}\` cannot be used as a scope`, span);
    }
    this.setScope(scope, 'provider', name, span);
  }

  private setScope(scope: Scope, label: ScopeLabel, value: string, span: Span): void {
    if (scope[label] !== undefined) {
      throw new CheckError(`scope \`${label}\` used twice`, span);
    }
    scope[label] = value;
  }

  private call(node: Node, depth: number): Expr {
    const callee = node.callee as Node;
    const name = calleeName(callee);
    const def = name ? FUNCTIONS_BY_NAME.get(name) : undefined;
    const span = spanOf(node);
    if (!def) {
      const hint = name ? suggest(name, FUNCTIONS.map((f) => f.name)) : undefined;
      throw new CheckError(`unknown function \`${name ?? '?'}\`${hint ? ` — did you mean \`${hint}\`?` : ''}`, spanOf(callee).end > 0 ? spanOf(callee) : span, hint);
    }
    const args = node.arguments as Node[];
    if (args.length < def.minArgs || args.length > def.maxArgs) {
      const expected = def.minArgs === def.maxArgs ? `${def.minArgs}` : `at least ${def.minArgs}`;
      throw new CheckError(`${def.name} takes ${expected} argument${def.minArgs === 1 ? '' : 's'}: ${def.signature}`, span);
    }
    if (def.target.kind === 'math') {
      return { kind: 'math', fn: def.target.fn, args: args.map((a) => this.convert(a, depth + 1)) };
    }
    const labelNode = args[0];
    const label = labelNode.type === 'Identifier' ? (labelNode.name as string) : '';
    if (!(GROUP_BY_LABELS as readonly string[]).includes(label)) {
      throw new CheckError(`${def.name} groups by one of ${GROUP_BY_LABELS.join(', ')}`, spanOf(labelNode), suggest(label, [...GROUP_BY_LABELS]));
    }
    return { kind: 'by', fn: def.target.fn, label: label as GroupByLabel, arg: this.convert(args[1], depth + 1) };
  }

  private unary(node: Node, depth: number): Expr {
    const arg = this.convert(node.argument as Node, depth + 1);
    if (node.operator === '-') {
      return { kind: 'negate', arg };
    }
    if (node.operator === '!') {
      return { kind: 'not', arg };
    }
    throw new CheckError(`unsupported operator \`${node.operator}\``, spanOf(node));
  }

  private binary(node: Node, depth: number): Expr {
    const op = node.operator as string;
    // a flat chain `a + b + … + z` is one level however long; parentheses are counted in
    // the text by bracketTooDeep, since jsep keeps no node for them
    const left = this.convert(node.left as Node, depth);
    const right = this.convert(node.right as Node, depth);
    if (ARITHMETIC.has(op)) {
      return { kind: 'arithmetic', op: op as ArithmeticOp, left, right };
    }
    if (COMPARISON.has(op)) {
      return { kind: 'compare', op: op as ComparisonOp, left, right };
    }
    if (op === '&&' || op === '||') {
      return { kind: 'logical', op, left, right };
    }
    throw new CheckError(`unsupported operator \`${op}\``, spanOf(node));
  }
}

/** the name after the last `.` of a plain member link, '' for anything else */
function memberName(node: Node): string {
  return node.type === 'MemberExpression' && !node.computed ? String((node.property as Node).name ?? '') : '';
}

function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') {
    return callee.name as string;
  }
  if (callee.type === 'MemberExpression' && !callee.computed && (callee.object as Node).type === 'Identifier') {
    return `${(callee.object as Node).name}.${(callee.property as Node).name}`;
  }
  return undefined;
}

function describe(node: Node): string {
  switch (node.type) {
    case 'Literal':
      return `value ${node.raw}`;
    case 'ArrayExpression':
      return 'list';
    case 'ThisExpression':
      return '`this`';
    default:
      return 'expression';
  }
}

export function check(formula: string): CheckResult {
  try {
    if (typeof formula !== 'string') {
      return fail('formula must be text', '', { start: 0, end: 0 });
    }
    if (formula.length > LIMITS.maxLength) {
      return fail(`formula longer than ${LIMITS.maxLength} characters (${formula.length})`, formula, { start: LIMITS.maxLength, end: formula.length });
    }
    if (!formula.replace(/^[ \t]*#.*$/gm, '').trim()) {
      return fail('empty formula: write a measure such as total_cost', formula, { start: 0, end: 0 });
    }
    const tooDeep = bracketTooDeep(formula);
    if (tooDeep !== undefined) {
      return fail(`formula nested deeper than ${LIMITS.maxDepth} levels`, formula, { start: tooDeep, end: tooDeep + 1 });
    }
    const parsed = parseFormula(formula);
    if (!parsed.ok) {
      return fail(parsed.message, parsed.source, { start: parsed.index, end: parsed.index + 1 });
    }
    const converter = new Converter();
    try {
      const ir = converter.convert(parsed.ast, 1);
      return { ok: true, ir, diagnostics: [], measureCount: converter.measureCount };
    } catch (e) {
      if (e instanceof CheckError) {
        return fail(e.message, parsed.source, e.span, e.suggestion);
      }
      throw e;
    }
  } catch (e) {
    return fail(`internal error: ${(e as Error)?.message ?? String(e)}`, String(formula ?? ''), { start: 0, end: 0 });
  }
}

/** the offset of the first bracket past the depth limit, strings and comments skipped */
function bracketTooDeep(formula: string): number | undefined {
  // comments become spaces of the same length, so offsets stay those of the formula
  const text = blankComments(formula);
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') {
        i++;
      } else if (ch === quote) {
        quote = undefined;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '(' || ch === '[') {
      if (++depth > LIMITS.maxDepth) {
        return i;
      }
    } else if (ch === ')' || ch === ']') {
      depth--;
    }
  }
  return undefined;
}

function fail(message: string, source: string, span: Span, suggestion?: string): CheckResult {
  return { ok: false, diagnostics: [toDiagnostic(source, message, span, suggestion)], measureCount: 0 };
}
