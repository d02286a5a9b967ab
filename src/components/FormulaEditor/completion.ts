/** What to suggest at the cursor of a formula: measures, scopes, functions, label values. */
export interface CompletionItem {
  label: string;
  /** text inserted in place of the word being typed */
  insert: string;
  kind: 'measure' | 'scope' | 'function' | 'constant' | 'provider' | 'model' | 'team';
  detail?: string;
}

export interface Vocabulary {
  measures: Array<{ name: string; description: string }>;
  functions: Array<{ name: string; signature: string }>;
  constants: Array<{ name: string; description: string }>;
  labelValues: { provider: string[]; model: string[]; team: string[] };
}

export interface Completion {
  /** 0-based range of the text the chosen item replaces */
  from: number;
  to: number;
  items: CompletionItem[];
}

const IDENTIFIER_BEFORE = /[A-Za-z_$][\w$.]*$/;
const BRACKET_OPEN = /\b(provider|model|team)\[\s*"([^"]*)$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_ITEMS = 30;

function scopeItems(v: Vocabulary): CompletionItem[] {
  const providerShortcuts = v.labelValues.provider
    .filter((p) => IDENTIFIER.test(p))
    .map((p) => ({ label: `${p}.`, insert: `${p}.`, kind: 'provider' as const, detail: 'provider scope' }));
  return [
    { label: 'all.', insert: 'all.', kind: 'scope', detail: 'ignore the group-by (for shares)' },
    { label: 'previous.', insert: 'previous.', kind: 'scope', detail: 'the window just before' },
    { label: 'provider["…"].', insert: 'provider["', kind: 'scope', detail: 'any provider name' },
    { label: 'model["…"].', insert: 'model["', kind: 'scope', detail: 'one model' },
    { label: 'team["…"].', insert: 'team["', kind: 'scope', detail: 'one team' },
    ...providerShortcuts,
  ];
}

function allItems(v: Vocabulary): CompletionItem[] {
  return [
    ...v.measures.map((m) => ({ label: m.name, insert: m.name, kind: 'measure' as const, detail: m.description })),
    ...v.constants.map((c) => ({ label: c.name, insert: c.name, kind: 'constant' as const, detail: c.description })),
    ...v.functions.map((f) => ({ label: f.name, insert: `${f.name}(`, kind: 'function' as const, detail: f.signature })),
    ...scopeItems(v),
  ];
}

export function completionsAt(text: string, cursor: number, vocabulary: Vocabulary): Completion | undefined {
  const before = text.slice(0, cursor);
  const bracket = BRACKET_OPEN.exec(before);
  if (bracket) {
    const label = bracket[1] as keyof Vocabulary['labelValues'];
    const prefix = bracket[2];
    const items = vocabulary.labelValues[label]
      .filter((value) => value.startsWith(prefix))
      .map((value) => ({ label: value, insert: `${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"].`, kind: label }));
    return items.length ? { from: cursor - prefix.length, to: cursor, items: items.slice(0, MAX_ITEMS) } : undefined;
  }
  const word = IDENTIFIER_BEFORE.exec(before)?.[0] ?? '';
  if (!word) {
    return undefined;
  }
  // After a scope ("openai.", "all.previous.") only the last segment is being typed.
  const lastDot = word.lastIndexOf('.');
  const isMath = word.startsWith('Math.');
  const prefix = isMath ? word : word.slice(lastDot + 1);
  const items = allItems(vocabulary).filter((item) => item.label.startsWith(prefix) && item.label !== prefix);
  if (!items.length) {
    return undefined;
  }
  return { from: cursor - prefix.length, to: cursor, items: items.slice(0, MAX_ITEMS) };
}
