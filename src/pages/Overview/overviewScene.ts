/**
 * Overview: the eight seed KPIs as tiles for the selected range, provider / model / team filters,
 * and the page's one coverage query, which every tile's comparison reads.
 */
import { EmbeddedScene, SceneCSSGridLayout } from '@grafana/scenes';
import { comparisonPeriods } from '../../analysis/coverage';
import { findStandardKpi, OVERVIEW_KPI_IDS } from '../../engine/catalog';
import { CoverageProvider } from '../../scenes/coverageProvider';
import { defaultTimeRange, filterVariables, pageControls } from '../../scenes/filters';
import { UnpricedUsageNote } from '../../scenes/UnpricedUsageNote';
import type { PageDatasources } from '../../scenes/withPrometheusDatasource';
import { KpiTile } from './KpiTile';

/** The page's controls, with the unpriced-usage warning after the filters (spend totals miss those models). */
function overviewControls(prometheus: PageDatasources['prometheus']) {
  const [filters, ...rest] = pageControls();
  return [filters, new UnpricedUsageNote(prometheus), ...rest];
}

export function overviewScene({ kpi, prometheus }: PageDatasources): EmbeddedScene {
  const kpis = OVERVIEW_KPI_IDS.map((id) => findStandardKpi(id)!);
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    $variables: filterVariables(kpi),
    // as many periods back as the most demanding tile compares (growth's change reads three)
    $behaviors: [new CoverageProvider(prometheus, { periods: Math.max(...kpis.map((k) => comparisonPeriods(k.formula))) })],
    controls: overviewControls(prometheus),
    body: new SceneCSSGridLayout({
      templateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
      autoRows: '150px',
      children: kpis.map((k) => new KpiTile(k, kpi)),
    }),
  });
}
