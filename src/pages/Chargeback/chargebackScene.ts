/**
 * Chargeback: who pays for what in a month or a custom period, for all teams, one team or one API
 * key — the seven sections of seed 002 from src/chargeback, the allocation rule for spend without a
 * team, CSV and a print layout. The page has its own period picker instead of the time picker: a
 * report is about calendar months and whole UTC days.
 */
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout } from '@grafana/scenes';
import type { PageDatasources } from '../../scenes/withPrometheusDatasource';
import { ChargebackReportScene } from './ChargebackReportScene';

export function chargebackScene({ kpi, prometheus }: PageDatasources): EmbeddedScene {
  return new EmbeddedScene({
    body: new SceneFlexLayout({
      direction: 'column',
      children: [new SceneFlexItem({ ySizing: 'content', body: new ChargebackReportScene({ kpi, prometheus }) })],
    }),
  });
}
