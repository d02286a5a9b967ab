/** Stands in for Grafana core's gauge panel: @grafana/ui's Gauge per reduced value. */
import React from 'react';
import { PanelProps } from '@grafana/data';
import { Gauge, useTheme2 } from '@grafana/ui';
import { ReduceOptionsHolder, useFieldDisplays } from './displayValues';
import { ValueGrid } from './ValueGrid';

export interface GaugeOptions extends ReduceOptionsHolder {
  showThresholdMarkers?: boolean;
  showThresholdLabels?: boolean;
}

export function GaugePanel(props: PanelProps<GaugeOptions>) {
  const theme = useTheme2();
  const values = useFieldDisplays(props);
  return (
    <ValueGrid
      values={values}
      width={props.width}
      height={props.height}
      direction="row"
      render={(value, width, height) => (
        <Gauge
          value={value.display}
          field={value.field}
          width={width}
          height={height}
          theme={theme}
          showThresholdMarkers={props.options.showThresholdMarkers ?? true}
          showThresholdLabels={props.options.showThresholdLabels ?? false}
        />
      )}
    />
  );
}
