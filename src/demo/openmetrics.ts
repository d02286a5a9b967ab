/** Streams series families as OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`. */
import type { CounterSeries, GaugeSeries, SeriesFamily } from './series';
import { emptyTraffic, SlotTraffic, sumStreams, TrafficModel } from './traffic';

export type Sink = (chunk: string) => void | Promise<void>;

const CHUNK_BYTES = 1 << 16;

export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length ? `{${keys.map((k) => `${k}="${escapeLabelValue(labels[k])}"`).join(',')}}` : '';
}

export function formatValue(value: number): string {
  if (value === Infinity) {
    return '+Inf';
  }
  if (value === -Infinity) {
    return '-Inf';
  }
  return String(printedValue(value));
}

/** A finite value as the exposition prints it (and a scraper reads it back). */
export function printedValue(value: number): number {
  // micro-dollar precision keeps the text short; counts are integers anyway
  return Math.round(value * 1e6) / 1e6;
}

/** Buffers lines and hands them to the sink in chunks, waiting when the sink applies backpressure. */
class ChunkWriter {
  private buffer = '';
  bytes = 0;
  constructor(private readonly sink: Sink) {}
  /** Returns a promise only when the chunk was handed to the sink (awaiting every line is slow). */
  line(text: string): void | Promise<void> {
    this.buffer += text + '\n';
    if (this.buffer.length >= CHUNK_BYTES) {
      return this.flush();
    }
  }
  async flush() {
    if (this.buffer) {
      this.bytes += Buffer.byteLength(this.buffer);
      const chunk = this.buffer;
      this.buffer = '';
      await this.sink(chunk);
    }
  }
}

export interface WriteStats {
  series: number;
  samples: number;
  bytes: number;
}

/** The counter's value at sample k from its value at sample k - 1: reset at a restart, else add slot k - 1. */
export function nextCounterValue(value: number, k: number, model: TrafficModel, s: CounterSeries, restarts: Set<number>, scratch: SlotTraffic): number {
  if (restarts.has(k)) {
    return 0;
  }
  return k > 0 ? value + sumStreams(model, s.streams, k - 1, s.pick, scratch) : value;
}

/** Where one series stands while its samples are written slice after slice. */
export interface SeriesCursor {
  prefix: string;
  series: CounterSeries | GaugeSeries;
  restarts: Set<number>;
  /** the counter's value at the last sample written (or skipped before its first) */
  value: number;
  /** the first sample it has: a counter appears with its first stream's traffic */
  first: number;
}

export function cursorOf(model: TrafficModel, name: string, s: CounterSeries | GaugeSeries, restartsOfPod: (pod: number) => Set<number>): SeriesCursor {
  const first = s.kind === 'counter' ? Math.max(0, Math.min(...s.streams.map((st) => Math.floor((st.startMinute * 60) / model.slotSeconds)))) : 0;
  return { prefix: `${name}${formatLabels(s.labels)} `, series: s, restarts: s.kind === 'counter' ? restartsOfPod(s.pod) : new Set(), value: 0, first };
}

/**
 * Sample k of the cursor's series (k ≥ its first). A counter's samples must be asked in order:
 * sample k (time start + k·slot) reports the traffic of slots [0, k) since the pod's last restart.
 */
export function sampleAt(model: TrafficModel, c: SeriesCursor, k: number, scratch: SlotTraffic): number {
  const s = c.series;
  if (s.kind === 'gauge') {
    return s.at(k);
  }
  c.value = nextCounterValue(c.value, k, model, s, c.restarts, scratch);
  return c.value;
}

/** Writes samples [from, to) of one series; returns how many. */
async function writeSamples(w: ChunkWriter, model: TrafficModel, c: SeriesCursor, from: number, to: number, scratch: SlotTraffic): Promise<number> {
  let samples = 0;
  for (let k = Math.max(from, c.first); k < to; k++) {
    const seconds = Math.floor(model.startMs / 1000) + k * model.slotSeconds;
    const pending = w.line(`${c.prefix}${formatValue(sampleAt(model, c, k, scratch))} ${seconds}`);
    if (pending) {
      await pending;
    }
    samples++;
  }
  return samples;
}

/** Samples the history has in all: what a progress bar counts to. */
export function totalSamples(families: SeriesFamily[], model: TrafficModel): number {
  const noRestarts = () => new Set<number>();
  return families.flatMap((f) => f.series).reduce((n, s) => n + model.slots + 1 - cursorOf(model, '', s, noRestarts).first, 0);
}

/**
 * The history cut in time slices, each a complete OpenMetrics document of its own (TYPE lines,
 * `# EOF`): sample indices [boundaries[i], boundaries[i + 1]) go to `sinkOf(i)`. A slice can be
 * backfilled while the next one is written, and blocks of different slices never overlap.
 */
export async function writeFamilySlices(
  families: SeriesFamily[],
  model: TrafficModel,
  restartsOfPod: (pod: number) => Set<number>,
  boundaries: number[],
  sinkOf: (slice: number) => Sink | Promise<Sink>,
  onSamples: (samples: number) => void = () => undefined
): Promise<WriteStats> {
  const cursors = families.map((f) => f.series.map((s) => cursorOf(model, f.sample, s, restartsOfPod)));
  const stats: WriteStats = { series: cursors.flat().length, samples: 0, bytes: 0 };
  const scratch = emptyTraffic();
  for (let slice = 0; slice + 1 < boundaries.length; slice++) {
    const w = new ChunkWriter(await sinkOf(slice));
    for (const [i, family] of families.entries()) {
      await w.line(`# TYPE ${family.family} ${family.type}`);
      for (const cursor of cursors[i]) {
        const samples = await writeSamples(w, model, cursor, boundaries[slice], boundaries[slice + 1], scratch);
        stats.samples += samples;
        onSamples(samples);
      }
    }
    await w.line('# EOF');
    await w.flush();
    stats.bytes += w.bytes;
  }
  return stats;
}

/** The whole history as one OpenMetrics document. */
export function writeFamilies(
  families: SeriesFamily[],
  model: TrafficModel,
  restartsOfPod: (pod: number) => Set<number>,
  sink: Sink
): Promise<WriteStats> {
  return writeFamilySlices(families, model, restartsOfPod, [0, model.slots + 1], () => sink);
}
