export const testIds = {
  overview: {
    tile: (kpiId: string) => `data-testid overview-tile-${kpiId}`,
    tileValue: (kpiId: string) => `data-testid overview-tile-value-${kpiId}`,
  },
  appConfig: {
    container: 'data-testid ac-container',
    prometheus: 'data-testid ac-prometheus',
    profile: 'data-testid ac-profile',
    anomalySigma: 'data-testid ac-anomaly-sigma',
    submit: 'data-testid ac-submit-form',
  },
  kpis: {
    catalog: 'data-testid kpi-catalog',
    newKpi: 'data-testid kpi-new',
    editor: 'data-testid kpi-editor',
    previewValue: 'data-testid kpi-editor-preview',
    save: 'data-testid kpi-editor-save',
    deepDive: 'data-testid kpi-deep-dive',
    exportCsv: 'data-testid kpi-export-csv',
    copyPromql: 'data-testid kpi-copy-promql',
    addToDashboard: 'data-testid kpi-add-to-dashboard',
    createAlert: 'data-testid kpi-create-alert',
    whatChanged: 'data-testid kpi-what-changed',
    recommendations: 'data-testid kpi-recommendations',
  },
};
