/** Lays out one visualisation per value in a row or column, as Grafana's VizRepeater does. */
import React, { ReactNode } from 'react';

const GAP = 8;

export interface ValueGridProps<T> {
  values: T[];
  width: number;
  height: number;
  direction: 'row' | 'column';
  render: (value: T, width: number, height: number) => ReactNode;
}

export function ValueGrid<T>({ values, width, height, direction, render }: ValueGridProps<T>) {
  const count = Math.max(values.length, 1);
  const itemWidth = direction === 'row' ? (width - GAP * (count - 1)) / count : width;
  const itemHeight = direction === 'column' ? (height - GAP * (count - 1)) / count : height;
  return (
    <div style={{ display: 'flex', flexDirection: direction, gap: GAP, width, height }}>
      {values.map((value, i) => (
        <div key={i} style={{ width: itemWidth, height: itemHeight }}>
          {render(value, itemWidth, itemHeight)}
        </div>
      ))}
    </div>
  );
}
