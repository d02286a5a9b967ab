/** The colour of a number in the app's own tables; the numbers' text is format/numbers.ts. */

/** Colour of a change in spend: more is bad, less is good, none (or missing) is neutral. */
export type ChangeTone = 'bad' | 'good' | 'neutral';

export function spendChangeTone(change: number | null | undefined): ChangeTone {
  if (change === null || change === undefined || Number.isNaN(change) || change === 0) {
    return 'neutral';
  }
  return change > 0 ? 'bad' : 'good';
}
