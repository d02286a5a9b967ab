/**
 * The only module that configures jsep. Formulas are JavaScript-expression-like; jsep gives
 * the tree, this module adds source positions (jsep has none) and blanks `#` comment lines
 * so that columns stay those of the text the user typed.
 */
import jsep from 'jsep';

export interface Span {
  /** 0-based offsets into the formula, end exclusive */
  start: number;
  end: number;
}

export type Node = jsep.Expression & Partial<Span>;

export type ParseResult = { ok: true; ast: Node; source: string } | { ok: false; message: string; index: number; source: string };

// Operators outside the language are removed so they are reported, not silently accepted.
for (const op of ['|', '^', '&', '===', '!==', '<<', '>>', '>>>', '%', '**', '??', 'in', 'instanceof']) {
  jsep.removeBinaryOp(op);
}
for (const op of ['~', '+', 'typeof', 'void', 'delete']) {
  jsep.removeUnaryOp(op);
}
jsep.removeAllLiterals();

const starts: number[] = [];
let configured = false;

function configurePositions() {
  if (configured) {
    return;
  }
  configured = true;
  jsep.hooks.add('gobble-token', function (this: any, env: any) {
    starts.push(this.index);
    const ch = this.code;
    // numbers take a path without the after-token hook: parse them here so every token gets one
    if ((ch >= 48 && ch <= 57) || (ch === 46 && /[0-9]/.test(this.expr.charAt(this.index + 1)))) {
      env.node = this.gobbleNumericLiteral();
    }
  });
  jsep.hooks.add('after-token', function (this: any, env: any) {
    const start = starts.pop();
    if (env.node && start !== undefined) {
      let end = this.index;
      // jsep has already skipped the spaces after the token
      while (end > start && /\s/.test(this.expr.charAt(end - 1))) {
        end--;
      }
      assignChainPositions(env.node, start, end, this.expr);
    }
  });
}

/**
 * jsep gobbles `a.b["c"].d(…)` as one token: only the whole chain passes the hooks. The links
 * get their spans here, from the outside in, by finding the `.`, `[` or `(` that joins them.
 */
function assignChainPositions(node: Node, start: number, end: number, source: string): void {
  if (node.start !== undefined || end <= start) {
    return;
  }
  node.start = start;
  node.end = end;
  const trimEnd = (at: number) => {
    while (at > start && /\s/.test(source.charAt(at - 1))) {
      at--;
    }
    return at;
  };
  if (node.type === 'MemberExpression') {
    const property = node.property as Node;
    if (node.computed) {
      const open = source.lastIndexOf('[', spanOf(property).start - 1);
      return assignChainPositions(node.object as Node, start, trimEnd(open), source);
    }
    const name = String((property as { name?: string }).name ?? '');
    assignChainPositions(property, end - name.length, end, source);
    const dot = source.lastIndexOf('.', end - name.length - 1);
    return assignChainPositions(node.object as Node, start, trimEnd(dot), source);
  }
  if (node.type === 'CallExpression') {
    const args = (node.arguments ?? []) as Node[];
    const open = args.length ? source.lastIndexOf('(', spanOf(args[0]).start - 1) : source.lastIndexOf('(', end - 1);
    return assignChainPositions(node.callee as Node, start, trimEnd(open), source);
  }
}

/** Comment lines become spaces of the same length: positions in the rest stay true. */
export function blankComments(formula: string): string {
  return formula.replace(/^([ \t]*)#[^\n]*/gm, (line) => ' '.repeat(line.length));
}

export function parseFormula(formula: string): ParseResult {
  configurePositions();
  const source = blankComments(formula);
  starts.length = 0;
  try {
    const ast = jsep(source) as Node;
    return { ok: true, ast, source };
  } catch (e) {
    const err = e as { description?: string; message?: string; index?: number };
    return { ok: false, message: err.description ?? err.message ?? String(e), index: err.index ?? 0, source };
  }
}

/** The span of any node: jsep-built composite nodes get the union of their children's. */
export function spanOf(node: Node | undefined): Span {
  if (!node) {
    return { start: 0, end: 0 };
  }
  if (node.start !== undefined && node.end !== undefined) {
    return { start: node.start, end: node.end };
  }
  const children = ['left', 'right', 'argument', 'test', 'consequent', 'alternate', 'object', 'property', 'callee']
    .map((k) => (node as any)[k] as Node | undefined)
    .concat(((node as any).arguments ?? []) as Node[])
    .filter((c): c is Node => Boolean(c && typeof c === 'object'))
    .map(spanOf)
    .filter((s) => s.end > s.start);
  if (!children.length) {
    return { start: 0, end: 0 };
  }
  return { start: Math.min(...children.map((s) => s.start)), end: Math.max(...children.map((s) => s.end)) };
}
