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
  // micro-dollar precision keeps the text short; counts are integers anyway
  return String(Math.round(value * 1e6) / 1e6);
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

async function writeCounter(w: ChunkWriter, model: TrafficModel, name: string, s: CounterSeries, restarts: Set<number>): Promise<number> {
  const prefix = `${name}${formatLabels(s.labels)} `;
  const scratch = emptyTraffic();
  const firstSlot = Math.min(...s.streams.map((st) => Math.floor((st.startMinute * 60) / model.slotSeconds)));
  let value = 0;
  let samples = 0;
  // sample k (time start + k·slot) reports the traffic of slots [0, k) since the pod's last restart
  for (let k = Math.max(firstSlot, 0); k <= model.slots; k++) {
    value = nextCounterValue(value, k, model, s, restarts, scratch);
    const seconds = Math.floor(model.startMs / 1000) + k * model.slotSeconds;
    const pending = w.line(`${prefix}${formatValue(value)} ${seconds}`);
    if (pending) {
      await pending;
    }
    samples++;
  }
  return samples;
}

async function writeGauge(w: ChunkWriter, model: TrafficModel, name: string, s: GaugeSeries): Promise<number> {
  const prefix = `${name}${formatLabels(s.labels)} `;
  for (let k = 0; k <= model.slots; k++) {
    const seconds = Math.floor(model.startMs / 1000) + k * model.slotSeconds;
    const pending = w.line(`${prefix}${formatValue(s.at(k))} ${seconds}`);
    if (pending) {
      await pending;
    }
  }
  return model.slots + 1;
}

export async function writeFamilies(
  families: SeriesFamily[],
  model: TrafficModel,
  restartsOfPod: (pod: number) => Set<number>,
  sink: Sink
): Promise<WriteStats> {
  const w = new ChunkWriter(sink);
  const stats: WriteStats = { series: 0, samples: 0, bytes: 0 };
  for (const family of families) {
    await w.line(`# TYPE ${family.family} ${family.type}`);
    for (const s of family.series) {
      stats.series++;
      stats.samples +=
        s.kind === 'counter'
          ? await writeCounter(w, model, family.sample, s, restartsOfPod(s.pod))
          : await writeGauge(w, model, family.sample, s);
    }
  }
  await w.line('# EOF');
  await w.flush();
  stats.bytes = w.bytes;
  return stats;
}
