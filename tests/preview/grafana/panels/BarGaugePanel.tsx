/** Stands in for Grafana core's bar gauge panel: @grafana/ui's BarGauge per reduced value. */
import React from 'react';
import { PanelProps, VizOrientation } from '@grafana/data';
import { BarGauge, BarGaugeDisplayMode, useTheme2 } from '@grafana/ui';
import { ReduceOptionsHolder, useFieldDisplays } from './displayValues';
import { ValueGrid } from './ValueGrid';

export interface BarGaugeOptions extends ReduceOptionsHolder {
  orientation?: VizOrientation;
  displayMode?: BarGaugeDisplayMode;
}

export function BarGaugePanel(props: PanelProps<BarGaugeOptions>) {
  const theme = useTheme2();
  const values = useFieldDisplays(props);
  const orientation =
    props.options.orientation === VizOrientation.Vertical ? VizOrientation.Vertical : VizOrientation.Horizontal;
  return (
    <ValueGrid
      values={values}
      width={props.width}
      height={props.height}
      direction={orientation === VizOrientation.Horizontal ? 'column' : 'row'}
      render={(value, width, height) => (
        <BarGauge
          value={value.display}
          field={value.field}
          width={width}
          height={height}
          theme={theme}
          orientation={orientation}
          displayMode={props.options.displayMode ?? BarGaugeDisplayMode.Gradient}
          itemSpacing={8}
        />
      )}
    />
  );
}
