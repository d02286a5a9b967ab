/**
 * Least-squares trend of a daily series and its classification (Forecasts & anomalies page).
 * Pure numbers in, numbers out: the page queries the daily series (see forecast.ts) and fits here.
 */

export type Trend = 'increasing' | 'decreasing' | 'stable';

/**
 * Dead band of the trend, as slope per day relative to the mean daily spend: within ±5 %/day the
 * trend is "stable". Why 5 %: with ordinary day-to-day noise of ~10 % of the mean, the slope fitted
 * on 7 points (x = 0…6, Σ(x − x̄)² = 28) has a standard error of 10 % / √28 ≈ 1.9 %/day, so ±5 % is
 * ~2.6 standard errors and noise alone rarely leaves the band; a real ±5 %/day trend moves spend by
 * about a third within the week. Boundaries are stable (strict inequalities below).
 * Caveat: 7 points cover one week, so a weekend dip at one end of the window tilts the slope.
 */
export const TREND_DEAD_BAND_PER_DAY = 0.05;

export interface Point {
  x: number;
  y: number;
}

export interface LinearFit {
  /** change of y per unit of x */
  slope: number;
  /** y at x = 0 */
  intercept: number;
  /** points fitted */
  n: number;
  meanY: number;
}

/**
 * Ordinary least squares y = intercept + slope · x, computed around the means (numerically stable
 * for timestamps). One point, or points that share one x, give a flat line through the mean.
 * No points: null.
 */
export function leastSquares(points: readonly Point[]): LinearFit | null {
  const n = points.length;
  if (n === 0) {
    return null;
  }
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: meanY - slope * meanX, n, meanY };
}

/** Slope per day relative to the mean daily value; 0 when the mean is not positive (no spend). */
export function relativeSlope(slopePerDay: number, meanDaily: number): number {
  return meanDaily > 0 ? slopePerDay / meanDaily : 0;
}

export function classifyTrend(slopePerDay: number, meanDaily: number, deadBand = TREND_DEAD_BAND_PER_DAY): Trend {
  const relative = relativeSlope(slopePerDay, meanDaily);
  if (relative > deadBand) {
    return 'increasing';
  }
  return relative < -deadBand ? 'decreasing' : 'stable';
}
