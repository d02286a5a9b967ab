/** Stands in for Grafana core's time series panel: @grafana/ui's TimeSeries (uPlot) with its legend. */
import React from 'react';
import { PanelProps } from '@grafana/data';
import { LegendDisplayMode, VizLegendOptions } from '@grafana/schema';
import { TimeSeries } from '@grafana/ui';

export interface TimeSeriesOptions {
  legend?: Partial<VizLegendOptions>;
}

export function TimeSeriesPanel(props: PanelProps<TimeSeriesOptions>) {
  const frames = props.data.series.filter((frame) => frame.length > 0);
  if (frames.length === 0) {
    return <div>{props.fieldConfig.defaults.noValue ?? 'No data'}</div>;
  }
  const legend: VizLegendOptions = {
    displayMode: LegendDisplayMode.List,
    placement: 'bottom',
    showLegend: true,
    calcs: [],
    ...props.options.legend,
  };
  return (
    <TimeSeries
      frames={frames}
      structureRev={props.data.structureRev}
      timeRange={props.timeRange}
      timeZone={props.timeZone}
      width={props.width}
      height={props.height}
      legend={legend}
      options={props.options}
    />
  );
}
