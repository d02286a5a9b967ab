/**
 * A time range that follows the page's end: the `days` before it, and optionally on to the end
 * of that UTC month (a chart that shows a month-end forecast beyond the data). The page's time
 * picker and refresh still drive it; only the start (and the shown end) differ.
 */
import { dateTime, TimeRange } from '@grafana/data';
import { SceneTimeRangeLike, SceneTimeRangeState, SceneTimeRangeTransformerBase } from '@grafana/scenes';
import { utcMonthOf } from '../analysis/forecast';

const DAY_MS = 86_400_000;

interface TrailingTimeRangeState extends SceneTimeRangeState {
  days: number;
  /** show up to the end of the month that holds the page's end */
  throughMonthEnd?: boolean;
}

/** [end − days, end] or [end − days, end of its UTC month]. */
export function trailingRange(endMs: number, days: number, throughMonthEnd = false): TimeRange {
  const from = dateTime(endMs - days * DAY_MS);
  const to = dateTime(throughMonthEnd ? utcMonthOf(endMs / 1000).endSec * 1000 : endMs);
  return { from, to, raw: { from, to } };
}

export class TrailingTimeRange
  extends SceneTimeRangeTransformerBase<TrailingTimeRangeState>
  implements SceneTimeRangeLike
{
  constructor(state: { days: number; throughMonthEnd?: boolean }) {
    const value = trailingRange(Date.now(), state.days, state.throughMonthEnd);
    super({ ...state, from: value.from.toISOString(), to: value.to.toISOString(), value });
  }

  protected ancestorTimeRangeChanged(ancestor: SceneTimeRangeState): void {
    const value = trailingRange(ancestor.value.to.valueOf(), this.state.days, this.state.throughMonthEnd);
    this.setState({ timeZone: ancestor.timeZone, from: value.from.toISOString(), to: value.to.toISOString(), value });
  }
}
