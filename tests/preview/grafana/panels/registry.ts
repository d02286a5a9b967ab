/**
 * Stands in for Grafana's panel plugin loader (public/app/features/plugins/importPanelPlugin.ts),
 * which scenes reaches through @grafana/runtime's plugin import utils: the core panels the app's
 * pages use, each a small stand-in built from @grafana/ui's own components.
 */
import {
  FieldColorModeId,
  FieldConfigEditorBuilder,
  identityOverrideProcessor,
  PanelPlugin,
  PanelPluginMeta,
  PluginType,
  ThresholdsMode,
} from '@grafana/data';
import { setPluginImportUtils } from '@grafana/runtime';
import { BarGaugePanel } from './BarGaugePanel';
import { GaugePanel } from './GaugePanel';
import { PieChartPanel } from './PieChartPanel';
import { registerStandardFieldConfigs } from './standardFieldConfigs';
import { StatPanel } from './StatPanel';
import { TablePanel } from './TablePanel';
import { TimeSeriesPanel } from './TimeSeriesPanel';

const NoEditor = () => null;

/** Grafana's time series defaults (public/app/plugins/panel/timeseries/config.ts), which uPlot reads. */
const TIME_SERIES_CUSTOM_DEFAULTS: Record<string, unknown> = {
  drawStyle: 'line',
  lineInterpolation: 'linear',
  lineWidth: 1,
  fillOpacity: 0,
  gradientMode: 'none',
  showPoints: 'auto',
  pointSize: 5,
  spanNulls: false,
  insertNulls: false,
  stacking: { mode: 'none', group: 'A' },
  barAlignment: 0,
  axisPlacement: 'auto',
  axisLabel: '',
  axisBorderShow: false,
  axisCenteredZero: false,
  axisColorMode: 'text',
  scaleDistribution: { type: 'linear' },
  thresholdsStyle: { mode: 'off' },
  hideFrom: { legend: false, tooltip: false, viz: false },
  lineStyle: { fill: 'solid' },
};

function customOptions(defaults: Record<string, unknown>) {
  return (builder: FieldConfigEditorBuilder<Record<string, unknown>>) => {
    for (const [id, defaultValue] of Object.entries(defaults)) {
      builder.addCustomEditor({
        id,
        path: id,
        name: id,
        editor: NoEditor,
        override: NoEditor,
        process: identityOverrideProcessor,
        shouldApply: () => true,
        defaultValue,
      });
    }
  };
}

const DEFAULT_THRESHOLDS = {
  mode: ThresholdsMode.Absolute,
  steps: [
    { value: -Infinity, color: 'green' },
    { value: 80, color: 'red' },
  ],
};

function meta(id: string, name: string): PanelPluginMeta {
  return {
    id,
    name,
    type: PluginType.panel,
    module: `core:plugin/${id}`,
    baseUrl: `public/app/plugins/panel/${id}`,
    sort: 0,
    info: {
      author: { name: 'Grafana Labs' },
      description: name,
      links: [],
      logos: { small: '', large: '' },
      screenshots: [],
      updated: '',
      version: '12.4.2',
    },
  };
}

function build(): Record<string, PanelPlugin> {
  const paletteByDefault = { color: { defaultValue: { mode: FieldColorModeId.PaletteClassic } } };
  const thresholdsByDefault = {
    thresholds: { defaultValue: DEFAULT_THRESHOLDS },
    color: { defaultValue: { mode: FieldColorModeId.Thresholds } },
  };
  const plugins: Record<string, PanelPlugin> = {
    timeseries: new PanelPlugin(TimeSeriesPanel).useFieldConfig({
      standardOptions: paletteByDefault,
      useCustomConfig: customOptions(TIME_SERIES_CUSTOM_DEFAULTS),
    }),
    stat: new PanelPlugin(StatPanel).useFieldConfig({ standardOptions: thresholdsByDefault }),
    gauge: new PanelPlugin(GaugePanel).useFieldConfig({ standardOptions: thresholdsByDefault }),
    bargauge: new PanelPlugin(BarGaugePanel).useFieldConfig({ standardOptions: thresholdsByDefault }),
    table: new PanelPlugin(TablePanel).useFieldConfig({
      standardOptions: thresholdsByDefault,
      useCustomConfig: customOptions({ align: 'auto', cellOptions: { type: 'auto' }, inspect: false }),
    }),
    piechart: new PanelPlugin(PieChartPanel).useFieldConfig({ standardOptions: paletteByDefault }),
  };
  for (const [id, plugin] of Object.entries(plugins)) {
    plugin.meta = meta(id, id);
  }
  return plugins;
}

export function registerPanelStandIns(): void {
  registerStandardFieldConfigs();
  const plugins = build();
  setPluginImportUtils({
    importPanelPlugin: async (id: string) => {
      const plugin = plugins[id];
      if (!plugin) {
        throw new Error(`The preview has no stand-in for the core panel "${id}"`);
      }
      return plugin;
    },
    getPanelPluginFromCache: (id: string) => plugins[id],
  });
}
