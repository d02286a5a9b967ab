/** Stands in for Grafana core's stat panel: BigValue per reduced value, sparkline when asked. */
import React from 'react';
import { PanelProps } from '@grafana/data';
import {
  BigValue,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  useTheme2,
} from '@grafana/ui';
import { ReduceOptionsHolder, useFieldDisplays } from './displayValues';
import { ValueGrid } from './ValueGrid';

export interface StatOptions extends ReduceOptionsHolder {
  graphMode?: BigValueGraphMode;
  colorMode?: BigValueColorMode;
  justifyMode?: BigValueJustifyMode;
  textMode?: BigValueTextMode;
  orientation?: 'auto' | 'horizontal' | 'vertical';
}

export function StatPanel(props: PanelProps<StatOptions>) {
  const theme = useTheme2();
  const values = useFieldDisplays(props);
  const { options } = props;
  return (
    <ValueGrid
      values={values}
      width={props.width}
      height={props.height}
      direction={props.options.orientation === 'vertical' ? 'column' : 'row'}
      render={(value, width, height) => (
        <BigValue
          value={value.display}
          sparkline={options.graphMode === BigValueGraphMode.None ? undefined : value.sparkline}
          graphMode={options.graphMode ?? BigValueGraphMode.Area}
          colorMode={options.colorMode ?? BigValueColorMode.Value}
          justifyMode={options.justifyMode ?? BigValueJustifyMode.Auto}
          textMode={options.textMode ?? BigValueTextMode.Auto}
          width={width}
          height={height}
          theme={theme}
        />
      )}
    />
  );
}
