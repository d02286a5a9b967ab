/**
 * Seeded random KPI formulas over every construct of the language (PRODUCT.md §4), for the
 * differential and fuzz tests, and mutations of them for bad input.
 */
import { mulberry32 } from '../../src/demo/random';
import { FUNCTIONS, MEASURES, WINDOW_CONSTANTS } from '../../src/engine/language';

export const FORMULA_PROVIDERS = ['openai', 'anthropic', 'self-hosted', 'absent'];
export const FORMULA_MODELS = ['gpt-4o', 'claude-3-5-sonnet', 'llama-3-70b', 'absent-model'];
export const FORMULA_TEAMS = ['platform', 'data-science', 'a"b\\c', 'absent-team'];

export class FormulaGenerator {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  scope(): string {
    const parts: string[] = [];
    if (this.chance(0.3)) {
      const provider = this.pick(FORMULA_PROVIDERS);
      parts.push(/^[a-z]+$/.test(provider) && this.chance(0.5) ? provider : `provider[${JSON.stringify(provider)}]`);
    }
    if (this.chance(0.15)) {
      parts.push(`model[${JSON.stringify(this.pick(FORMULA_MODELS))}]`);
    }
    if (this.chance(0.15)) {
      parts.push(`team[${JSON.stringify(this.pick(FORMULA_TEAMS))}]`);
    }
    if (this.chance(0.15)) {
      parts.push('all');
    }
    if (this.chance(0.15)) {
      parts.push('previous');
    }
    // scopes chain in any order
    return parts.sort(() => this.random() - 0.5).map((p) => `${p}.`).join('');
  }

  number(): string {
    return this.pick(['0', '1', '2', '0.5', '100', '1000', '1e6', '3']);
  }

  leaf(): string {
    const r = this.random();
    if (r < 0.7) {
      return this.scope() + this.pick(MEASURES).name;
    }
    if (r < 0.85) {
      return this.number();
    }
    return this.pick(WINDOW_CONSTANTS).name;
  }

  expression(depth: number): string {
    if (depth <= 0 || this.chance(0.25)) {
      return this.leaf();
    }
    const r = this.random();
    const sub = () => this.expression(depth - 1);
    if (r < 0.4) {
      return `${sub()} ${this.pick(['+', '-', '*', '/', '/', '*'])} ${sub()}`;
    }
    if (r < 0.5) {
      return `(${sub()})`;
    }
    if (r < 0.58) {
      return `${sub()} ${this.pick(['>', '>=', '<', '<=', '==', '!='])} ${sub()}`;
    }
    if (r < 0.64) {
      return `(${sub()} ${this.pick(['&&', '||'])} ${sub()})`;
    }
    if (r < 0.67) {
      return `!(${sub()})`;
    }
    if (r < 0.7) {
      return `-${this.leaf()}`;
    }
    if (r < 0.78) {
      return `(${sub()} ? ${sub()} : ${sub()})`;
    }
    const fn = this.pick(FUNCTIONS);
    if (fn.name.startsWith('Math.')) {
      const arity = fn.maxArgs > 1 ? 1 + Math.floor(this.random() * 3) : 1;
      return `${fn.name}(${Array.from({ length: arity }, sub).join(', ')})`;
    }
    return `${fn.name}(${this.pick(['provider', 'model', 'team', 'user', 'api_key'])}, ${sub()})`;
  }

  formula(): string {
    const body = this.expression(1 + Math.floor(this.random() * 4));
    return this.chance(0.05) ? `# generated\n${body}` : body;
  }

  /** A formula with one to three edits that usually break it. */
  mutate(formula: string): string {
    const pieces = ['(', ')', '[', ']', '"', "'", '.', ',', '?', ':', '!', '&', '|', '=', '<', '>', '#', '\\', '\n', ' ', 'x', '9', 'e', '%', '^', '{', '}', '`', 'é', '\u0000', 'Math.', 'total_cost', 'all.'];
    let text = formula;
    const edits = 1 + Math.floor(this.random() * 3);
    for (let i = 0; i < edits; i++) {
      const at = Math.floor(this.random() * (text.length + 1));
      const r = this.random();
      if (r < 0.4) {
        text = text.slice(0, at) + this.pick(pieces) + text.slice(at);
      } else if (r < 0.7) {
        text = text.slice(0, at) + text.slice(at + 1 + Math.floor(this.random() * 3));
      } else if (r < 0.85) {
        text = text.slice(0, at) + text.slice(at, at + 8).split('').reverse().join('') + text.slice(at + 8);
      } else {
        text = text + text.slice(at);
      }
    }
    return text;
  }

  /** Random characters, mostly those the language uses. */
  noise(maxLength: number): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz_.[]()"\'+-*/<>=!&|?:#, 0123456789\n\\eE';
    const length = Math.floor(this.random() * maxLength);
    return Array.from({ length }, () => alphabet[Math.floor(this.random() * alphabet.length)]).join('');
  }
}
