/** Stands in for Grafana core's table panel: @grafana/ui's Table on the first frame. */
import React from 'react';
import { PanelProps } from '@grafana/data';
import { Table } from '@grafana/ui';

export interface TableOptions {
  showHeader?: boolean;
}

export function TablePanel(props: PanelProps<TableOptions>) {
  const frame = props.data.series[0];
  if (!frame || frame.length === 0) {
    return <div>{props.fieldConfig.defaults.noValue ?? 'No data'}</div>;
  }
  return <Table data={frame} width={props.width} height={props.height} noHeader={props.options.showHeader === false} />;
}
