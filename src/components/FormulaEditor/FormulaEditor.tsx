/**
 * A formula input with highlighting, diagnostics underlined at their columns and completion.
 * A transparent textarea over a highlighted copy of the text: the browser keeps native
 * editing, selection and accessibility; the layer below only paints.
 */
import React, { KeyboardEvent, useMemo, useRef, useState } from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { Completion, completionsAt, Vocabulary } from './completion';
import { tokenize } from './tokens';

export interface EditorDiagnostic {
  message: string;
  /** 1-based line (default 1) and 1-based columns, end inclusive */
  line?: number;
  startColumn: number;
  endColumn: number;
  suggestion?: string;
}

export interface FormulaEditorProps {
  value: string;
  onChange(value: string): void;
  diagnostics: EditorDiagnostic[];
  vocabulary: Vocabulary;
  id?: string;
  'aria-label'?: string;
  placeholder?: string;
  onBlur?(): void;
}

export function diagnosticRange(text: string, d: EditorDiagnostic): [number, number] {
  const lines = text.split('\n');
  const line = Math.min(Math.max(d.line ?? 1, 1), lines.length);
  const lineStart = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  const start = Math.min(lineStart + d.startColumn - 1, text.length);
  const end = Math.min(lineStart + Math.max(d.endColumn, d.startColumn), text.length);
  return [start, Math.max(end, start)];
}

function Highlight({ text, diagnostics }: { text: string; diagnostics: EditorDiagnostic[] }) {
  const styles = useStyles2(getStyles);
  const ranges = diagnostics.map((d) => diagnosticRange(text, d));
  const inError = (offset: number) => ranges.some(([s, e]) => offset >= s && offset < Math.max(e, s + 1));
  const chars = tokenize(text).flatMap((t) => [...t.text].map((ch, i) => ({ ch, kind: t.kind, offset: t.start + i })));
  const errorAtEnd = ranges.some(([s]) => s >= text.length);
  return (
    <pre aria-hidden className={styles.layer}>
      {chars.map(({ ch, kind, offset }) => (
        <span key={offset} className={cx(styles.tokens[kind], inError(offset) && styles.error)}>
          {ch}
        </span>
      ))}
      {errorAtEnd && <span className={styles.error}>{' '}</span>}
      {'\n'}
    </pre>
  );
}

export function FormulaEditor(props: FormulaEditorProps) {
  const { value, onChange, diagnostics, vocabulary } = props;
  const styles = useStyles2(getStyles);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [completion, setCompletion] = useState<Completion>();
  const [selected, setSelected] = useState(0);
  const listId = `${props.id ?? 'formula'}-completions`;

  const update = (text: string, cursor: number) => {
    onChange(text);
    setCompletion(completionsAt(text, cursor, vocabulary));
    setSelected(0);
  };

  const accept = (index: number) => {
    if (!completion) {
      return;
    }
    const item = completion.items[index];
    const next = value.slice(0, completion.from) + item.insert + value.slice(completion.to);
    const cursor = completion.from + item.insert.length;
    update(next, cursor);
    requestAnimationFrame(() => textarea.current?.setSelectionRange(cursor, cursor));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!completion) {
      return;
    }
    const moves: Record<string, () => void> = {
      ArrowDown: () => setSelected((selected + 1) % completion.items.length),
      ArrowUp: () => setSelected((selected - 1 + completion.items.length) % completion.items.length),
      Enter: () => accept(selected),
      Tab: () => accept(selected),
      Escape: () => setCompletion(undefined),
    };
    if (moves[e.key]) {
      e.preventDefault();
      moves[e.key]();
    }
  };

  const lines = useMemo(() => Math.min(Math.max(value.split('\n').length, 1), 12), [value]);

  return (
    <div className={styles.wrapper}>
      <div className={styles.editor}>
        <Highlight text={value} diagnostics={diagnostics} />
        <textarea
          ref={textarea}
          id={props.id}
          aria-label={props['aria-label'] ?? 'Formula'}
          aria-invalid={diagnostics.length > 0}
          aria-autocomplete="list"
          aria-controls={completion ? listId : undefined}
          aria-expanded={Boolean(completion)}
          role="combobox"
          spellCheck={false}
          rows={lines}
          placeholder={props.placeholder}
          className={styles.input}
          value={value}
          onChange={(e) => update(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setCompletion(undefined);
            props.onBlur?.();
          }}
        />
      </div>
      {completion && (
        <ul id={listId} role="listbox" aria-label="Completions" className={styles.list}>
          {completion.items.map((item, i) => (
            <li
              key={`${item.kind}:${item.label}`}
              role="option"
              aria-selected={i === selected}
              className={cx(styles.item, i === selected && styles.selected)}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(i);
              }}
            >
              <span>{item.label}</span>
              <span className={styles.detail}>{item.detail ?? item.kind}</span>
            </li>
          ))}
        </ul>
      )}
      {diagnostics.length > 0 && (
        <ul aria-label="Formula problems" className={styles.problems}>
          {diagnostics.map((d, i) => (
            <li key={i} data-column={d.startColumn}>
              {(d.line ?? 1) > 1 ? `line ${d.line}, ` : ''}column {d.startColumn}: {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const text = css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    lineHeight: '20px',
    padding: theme.spacing(0.5, 1),
    margin: 0,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    border: '1px solid transparent',
  });
  return {
    wrapper: css({ position: 'relative', width: '100%' }),
    editor: css({
      position: 'relative',
      background: theme.components.input.background,
      border: `1px solid ${theme.components.input.borderColor}`,
      borderRadius: theme.shape.radius.default,
    }),
    layer: cx(text, css({ position: 'absolute', inset: 0, pointerEvents: 'none', color: theme.colors.text.primary, background: 'none' })),
    input: cx(
      text,
      css({
        position: 'relative',
        display: 'block',
        width: '100%',
        resize: 'vertical',
        background: 'transparent',
        color: 'transparent',
        caretColor: theme.colors.text.primary,
        outline: 'none',
        '&:focus-visible': { boxShadow: `0 0 0 2px ${theme.colors.primary.main}` },
      })
    ),
    error: css({ textDecoration: `underline wavy ${theme.colors.error.main}`, textDecorationSkipInk: 'none' }),
    tokens: {
      comment: css({ color: theme.colors.text.secondary, fontStyle: 'italic' }),
      number: css({ color: theme.visualization.getColorByName('orange') }),
      string: css({ color: theme.visualization.getColorByName('green') }),
      identifier: css({ color: theme.visualization.getColorByName('blue') }),
      operator: css({ color: theme.visualization.getColorByName('purple') }),
      punctuation: css({ color: theme.colors.text.primary }),
      space: css({}),
      other: css({ color: theme.colors.error.text }),
    },
    list: css({
      position: 'absolute',
      zIndex: theme.zIndex.dropdown,
      listStyle: 'none',
      margin: 0,
      padding: theme.spacing(0.5, 0),
      minWidth: 320,
      maxHeight: 260,
      overflowY: 'auto',
      background: theme.colors.background.primary,
      border: `1px solid ${theme.colors.border.medium}`,
      boxShadow: theme.shadows.z3,
    }),
    item: css({ display: 'flex', justifyContent: 'space-between', gap: theme.spacing(2), padding: theme.spacing(0.5, 1), cursor: 'pointer' }),
    selected: css({ background: theme.colors.action.selected }),
    detail: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
    problems: css({ listStyle: 'none', margin: theme.spacing(0.5, 0, 0), padding: 0, color: theme.colors.error.text, fontSize: theme.typography.bodySmall.fontSize }),
  };
};
