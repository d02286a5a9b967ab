/** The reduce step Grafana's stat, gauge and bar gauge panels share (getFieldDisplayValues). */
import { FieldDisplay, getFieldDisplayValues, PanelProps, ReducerID } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';

export interface ReduceOptionsHolder {
  reduceOptions?: { calcs?: string[]; values?: boolean; fields?: string; limit?: number };
}

export function useFieldDisplays(props: PanelProps<ReduceOptionsHolder>): FieldDisplay[] {
  const theme = useTheme2();
  const reduceOptions = props.options.reduceOptions ?? {};
  return getFieldDisplayValues({
    fieldConfig: props.fieldConfig,
    reduceOptions: {
      calcs: reduceOptions.calcs?.length ? reduceOptions.calcs : [ReducerID.lastNotNull],
      values: reduceOptions.values ?? false,
      fields: reduceOptions.fields,
      limit: reduceOptions.limit,
    },
    replaceVariables: props.replaceVariables,
    theme,
    data: props.data.series,
    timeZone: props.timeZone,
    sparkline: true,
  });
}
