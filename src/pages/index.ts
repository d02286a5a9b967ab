/** The app's pages in navigation order; App builds its SceneApp from this list. */
import type { SceneAppPage } from '@grafana/scenes';
import { overviewPage } from './Overview/overviewPage';
import { kpisPage } from './Kpis/kpisPage';
import { budgetsPage } from './Budgets/budgetsPage';
import { topSpendersPage } from './TopSpenders/topSpendersPage';
import { forecastsPage } from './Forecasts/forecastsPage';
import { chargebackPage } from './Chargeback/chargebackPage';

export function appPages(): SceneAppPage[] {
  return [overviewPage(), kpisPage(), budgetsPage(), topSpendersPage(), forecastsPage(), chargebackPage()];
}
