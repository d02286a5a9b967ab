/**
 * Progress of the long steps (history generation, backfills) the way a terminal user expects:
 * a bar with percent and ETA redrawn in place on a terminal; on a log (CI, a pipe) one line per
 * 10 %, so logs stay short but still show that work goes on.
 */
import { siMagnitude } from '../../src/format/numbers';

export interface ProgressLine {
  label: string;
  done: number;
  total: number;
  elapsedMs: number;
  /** how `done`/`total` read, e.g. samples → "1.2 M" */
  unit?: (n: number) => string;
  /** extra state after the figures, e.g. "slice 2/4 backfilled" */
  note?: string;
}

const BAR_WIDTH = 24;

/** 1 m 05 s, 42 s */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds >= 60 ? `${Math.floor(seconds / 60)} m ${String(seconds % 60).padStart(2, '0')} s` : `${seconds} s`;
}

/** 999, 12.3 k, 4.56 M: the app's own SI format */
export const formatCount = siMagnitude;

/** Remaining time at the rate so far; unknown until there is a rate to go by. */
export function estimateRemainingMs(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || total <= 0 || elapsedMs < 500) {
    return null;
  }
  return (elapsedMs * Math.max(0, total - done)) / done;
}

export function formatProgressLine(p: ProgressLine): string {
  const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  const unit = p.unit ?? formatCount;
  const remaining = estimateRemainingMs(p.done, p.total, p.elapsedMs);
  const eta = fraction >= 1 ? `done in ${formatDuration(p.elapsedMs)}` : remaining === null ? 'ETA …' : `ETA ${formatDuration(remaining)}`;
  const note = p.note ? `, ${p.note}` : '';
  return `${p.label} ${bar} ${Math.floor(fraction * 100)} % (${unit(p.done)} / ${unit(p.total)}${note}) ${eta}`;
}

export interface Progress {
  update(done: number, note?: string): void;
  /** prints the final line (100 %, time taken) */
  finish(note?: string): void;
}

interface ProgressOptions {
  unit?: (n: number) => string;
  stream?: NodeJS.WriteStream;
  now?: () => number;
}

const REDRAW_MS = 200;

export function startProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const started = now();
  const tty = Boolean(stream.isTTY);
  let lastDraw = -Infinity;
  let lastDecile = -1;
  let done = 0;
  let note: string | undefined;
  const line = () => formatProgressLine({ label, done, total, elapsedMs: now() - started, unit: options.unit, note });
  const draw = (final: boolean) => {
    if (tty) {
      stream.write(`\r\x1b[K${line()}${final ? '\n' : ''}`);
      return;
    }
    // 100 % is for finish(), which says how long it took
    const decile = Math.min(9, Math.floor((10 * done) / Math.max(total, 1)));
    if (final || decile > lastDecile) {
      lastDecile = decile;
      stream.write(`${line()}\n`);
    }
  };
  return {
    update(value, newNote) {
      done = value;
      note = newNote ?? note;
      const t = now();
      if (!tty || t - lastDraw >= REDRAW_MS) {
        lastDraw = t;
        draw(false);
      }
    },
    finish(finalNote) {
      done = total;
      note = finalNote ?? note;
      draw(true);
    },
  };
}
