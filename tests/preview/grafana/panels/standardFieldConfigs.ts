/**
 * Stands in for Grafana core's standard field options (public/app/core/components/OptionsUI/
 * registry.tsx): the registry @grafana/data applies field config defaults through. Without it
 * unit, decimals, thresholds, colour and "no value" of a panel's field config never reach its
 * fields. The preview never edits panels, so the options carry no editors.
 */
import {
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  FieldConfigPropertyItem,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  unitOverrideProcessor,
  valueMappingsOverrideProcessor,
} from '@grafana/data';

const NoEditor = () => null;

function option(id: string, process: FieldConfigPropertyItem['process']): FieldConfigPropertyItem {
  return {
    id,
    path: id,
    name: id,
    process,
    shouldApply: () => true,
    editor: NoEditor,
    override: NoEditor,
    category: ['Standard options'],
  };
}

export function registerStandardFieldConfigs(): void {
  standardFieldConfigEditorRegistry.setInit(() => [
    option('unit', unitOverrideProcessor),
    option('min', numberOverrideProcessor),
    option('max', numberOverrideProcessor),
    option('fieldMinMax', identityOverrideProcessor),
    option('decimals', numberOverrideProcessor),
    option('displayName', displayNameOverrideProcessor),
    option('color', identityOverrideProcessor),
    option('noValue', stringOverrideProcessor),
    option('thresholds', thresholdsOverrideProcessor),
    option('mappings', valueMappingsOverrideProcessor),
    option('links', dataLinksOverrideProcessor),
    option('filterable', identityOverrideProcessor),
  ]);
}
