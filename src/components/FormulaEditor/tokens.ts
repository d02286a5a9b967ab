/**
 * Lexical classes for highlighting a formula while it is typed. This is not the parser
 * (that is engine/language/parse.ts): it never fails and colours half-typed input too.
 */
export type TokenKind = 'comment' | 'number' | 'string' | 'identifier' | 'operator' | 'punctuation' | 'space' | 'other';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based offset in the formula */
  start: number;
}

const RULES: Array<[TokenKind, RegExp]> = [
  ['comment', /#[^\n]*/y],
  ['space', /\s+/y],
  ['number', /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y],
  ['string', /"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?/y],
  ['identifier', /[A-Za-z_$][\w$]*/y],
  ['operator', /&&|\|\||[<>=!]=|[-+*/<>!?:]/y],
  ['punctuation', /[()[\].,]/y],
];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  while (offset < text.length) {
    const lineStart = offset === 0 || text[offset - 1] === '\n';
    let matched = false;
    for (const [kind, pattern] of RULES) {
      // a comment is only a comment at the start of a line (after optional spaces)
      if (kind === 'comment' && !(lineStart || /^\s*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset)))) {
        continue;
      }
      pattern.lastIndex = offset;
      const match = pattern.exec(text);
      if (match && match[0].length > 0) {
        tokens.push({ kind, text: match[0], start: offset });
        offset += match[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      tokens.push({ kind: 'other', text: text[offset], start: offset });
      offset++;
    }
  }
  return tokens;
}
