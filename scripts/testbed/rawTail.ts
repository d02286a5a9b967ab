/**
 * The raw gateway counters of the last minutes of a generated scale history, so that the shipped
 * rules have their input when their evaluation cost is measured at the history's end (rules that
 * read raw counters look back one or two minutes). The counters start from zero at the tail's
 * start: their level does not change what an evaluation reads.
 */
import { DemoOptions, setUpDemo } from '../../src/demo';
import { cursorOf, sampleAt } from '../../src/demo/openmetrics';
import { profileFamilies } from '../../src/demo/series';
import { emptyTraffic } from '../../src/demo/traffic';
import type { SeriesSink } from './canonicalGenerator';

export const RAW_TAIL_MINUTES = 10;

export function writeRawTail(options: Omit<DemoOptions, 'days'>, sink: SeriesSink, minutes = RAW_TAIL_MINUTES): void {
  const setup = setUpDemo({ ...options, days: minutes / 1440 });
  const { model } = setup;
  const times = Float64Array.from({ length: model.slots + 1 }, (_, k) => model.startMs + k * model.slotSeconds * 1000);
  const scratch = emptyTraffic();
  const noRestarts = () => new Set<number>();
  for (const family of profileFamilies(options.profile, setup.ctx)) {
    for (const series of family.series) {
      const cursor = cursorOf(model, family.sample, series, noRestarts);
      const values = new Float64Array(times.length);
      for (let k = cursor.first; k < times.length; k++) {
        values[k] = sampleAt(model, cursor, k, scratch);
      }
      sink({ __name__: family.sample, ...series.labels }, times, values, cursor.first, times.length);
    }
  }
}
