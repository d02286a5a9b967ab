/**
 * Stands in for Grafana core's pie chart panel (which @grafana/ui no longer exports): one slice per
 * reduced value, coloured by the field's colour, with @grafana/ui's legend showing value and percent.
 */
import React from 'react';
import { css } from '@emotion/css';
import { FieldDisplay, formattedValueToString, PanelProps } from '@grafana/data';
import { useStyles2, VizLegend, VizLegendItem } from '@grafana/ui';
import { ReduceOptionsHolder, useFieldDisplays } from './displayValues';

export interface PieChartOptions extends ReduceOptionsHolder {
  pieType?: 'pie' | 'donut';
}

function arcPath(cx: number, cy: number, r: number, start: number, end: number, inner: number): string {
  const point = (radius: number, angle: number) => `${cx + radius * Math.sin(angle)} ${cy - radius * Math.cos(angle)}`;
  const large = end - start > Math.PI ? 1 : 0;
  const outer = `M ${point(r, start)} A ${r} ${r} 0 ${large} 1 ${point(r, end)}`;
  return inner > 0
    ? `${outer} L ${point(inner, end)} A ${inner} ${inner} 0 ${large} 0 ${point(inner, start)} Z`
    : `${outer} L ${cx} ${cy} Z`;
}

function slices(values: FieldDisplay[]) {
  const positive = values.filter((v) => (v.display.numeric ?? 0) > 0);
  const total = positive.reduce((sum, v) => sum + v.display.numeric, 0);
  let angle = 0;
  return positive.map((v) => {
    // a single full slice would start and end at the same point: draw it just short of 2π
    const sweep = Math.min((v.display.numeric / total) * 2 * Math.PI, 2 * Math.PI - 1e-6);
    const slice = { value: v, start: angle, end: angle + sweep, percent: (100 * v.display.numeric) / total };
    angle += sweep;
    return slice;
  });
}

export function PieChartPanel(props: PanelProps<PieChartOptions>) {
  const styles = useStyles2(getStyles);
  const values = useFieldDisplays({
    ...props,
    options: { ...props.options, reduceOptions: { values: false, ...props.options.reduceOptions } },
  });
  const parts = slices(values);
  const legendHeight = Math.min(props.height / 2, 24 * parts.length);
  const size = Math.max(0, Math.min(props.width, props.height - legendHeight) - 8);
  const r = size / 2;
  const items: VizLegendItem[] = parts.map((p, i) => ({
    label: p.value.display.title ?? `slice ${i}`,
    color: p.value.display.color,
    yAxis: 1,
    getDisplayValues: () => [
      { numeric: p.value.display.numeric, text: formattedValueToString(p.value.display), title: 'Value' },
      { numeric: p.percent, text: `${p.percent.toFixed(1)} %`, title: 'Percent' },
    ],
  }));
  if (parts.length === 0) {
    return <div>{props.fieldConfig.defaults.noValue ?? 'No data'}</div>;
  }
  return (
    <div className={styles.container}>
      <svg width={size} height={size} role="img" aria-label="pie chart">
        {parts.map((p) => (
          <path
            key={p.value.display.title}
            d={arcPath(r, r, r, p.start, p.end, props.options.pieType === 'donut' ? r * 0.6 : 0)}
            fill={p.value.display.color}
          >
            <title>{`${p.value.display.title}: ${formattedValueToString(p.value.display)} (${p.percent.toFixed(1)} %)`}</title>
          </path>
        ))}
      </svg>
      <div className={styles.legend} style={{ maxHeight: legendHeight }}>
        <VizLegend items={items} displayMode={'list' as never} placement="bottom" />
      </div>
    </div>
  );
}

const getStyles = () => ({
  container: css({ display: 'flex', flexDirection: 'column', alignItems: 'center', height: '100%' }),
  legend: css({ overflow: 'auto', width: '100%' }),
});
