export const testIds = {
  /** how much of a period has data, where it is under 90 % (a panel's title bar) */
  coverageNote: 'data-testid coverage-note',
  /** models used without a price (spend 0 or missing) beside a page's spend */
  unpricedNote: 'data-testid unpriced-note',
  overview: {
    tile: (kpiId: string) => `data-testid overview-tile-${kpiId}`,
    tileValue: (kpiId: string) => `data-testid overview-tile-value-${kpiId}`,
    /** the change vs the previous period, or the coverage sentence in its place */
    tileChange: (kpiId: string) => `data-testid overview-tile-change-${kpiId}`,
  },
  appConfig: {
    container: 'data-testid ac-container',
    prometheus: 'data-testid ac-prometheus',
    profile: 'data-testid ac-profile',
    anomalySigma: 'data-testid ac-anomaly-sigma',
    budgetWarning: 'data-testid ac-budget-warning',
    budgetCritical: 'data-testid ac-budget-critical',
    submit: 'data-testid ac-submit-form',
    status: 'data-testid ac-status',
    readOnlyNote: 'data-testid ac-read-only',
    kpiDatasource: 'data-testid ac-kpi-datasource',
    createKpiDatasource: 'data-testid ac-create-kpi-datasource',
    families: 'data-testid ac-families',
    family: (familyId: string) => `data-testid ac-family-${familyId}`,
    recordingHealth: 'data-testid ac-recording-health',
    /** index: position in the list, errors first */
    healthFinding: (index: number) => `data-testid ac-health-finding-${index}`,
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
    /** how much of each period has data, where "what changed" shows no shares */
    whatChangedCoverage: 'data-testid kpi-what-changed-coverage',
    /** a growth KPI's value withheld for lack of data in a period */
    withheldValue: 'data-testid kpi-withheld-value',
    recommendations: 'data-testid kpi-recommendations',
  },
  budgets: {
    table: 'data-testid budgets-table',
    /** rowKey: the team, or "(global)" for the global budget */
    row: (rowKey: string) => `data-testid budgets-row-${rowKey}`,
    team: (rowKey: string) => `data-testid budgets-team-${rowKey}`,
    utilization: (rowKey: string) => `data-testid budgets-utilization-${rowKey}`,
    gauge: (rowKey: string) => `data-testid budgets-gauge-${rowKey}`,
    alertRules: 'data-testid budgets-alert-rules',
    /** the page note when the burn window lacks data */
    burnCoverage: 'data-testid budgets-burn-coverage',
    createRules: 'data-testid budgets-create-rules',
    ruleState: (ruleUid: string) => `data-testid budgets-rule-state-${ruleUid}`,
  },
  topSpenders: {
    table: 'data-testid top-spenders-table',
    /** cells of the ranked rows, rank 1 = the top spender */
    spender: (rank: number) => `data-testid top-spenders-spender-${rank}`,
    spend: (rank: number) => `data-testid top-spenders-spend-${rank}`,
    change: (rank: number) => `data-testid top-spenders-change-${rank}`,
    changePercent: (rank: number) => `data-testid top-spenders-change-percent-${rank}`,
    /** how much of each period has data, where the changes are not percentages */
    coverage: 'data-testid top-spenders-coverage',
    total: 'data-testid top-spenders-total',
  },
  chargeback: {
    report: 'data-testid chargeback-report',
    /** the period and scope, as the report's (and the printed page's) header says them */
    heading: 'data-testid chargeback-heading',
    previousMonth: 'data-testid chargeback-previous-month',
    nextMonth: 'data-testid chargeback-next-month',
    month: 'data-testid chargeback-month',
    scopeValue: 'data-testid chargeback-scope-value',
    total: 'data-testid chargeback-total',
    /** why no report could be made */
    problems: 'data-testid chargeback-problems',
    warnings: 'data-testid chargeback-warnings',
    downloadCsv: 'data-testid chargeback-download-csv',
    print: 'data-testid chargeback-print',
    allocation: 'data-testid chargeback-allocation',
    allocationTeam: 'data-testid chargeback-allocation-team',
    saveAllocation: 'data-testid chargeback-save-allocation',
    /** a section's panel: teams, api_keys, models, providers, daily, forecast, anomalies */
    section: (section: string) => `data-testid chargeback-section-${section}`,
  },
  forecasts: {
    table: 'data-testid forecasts-table',
    projected: (model: string) => `data-testid forecasts-projected-${model}`,
    trend: (model: string) => `data-testid forecasts-trend-${model}`,
    anomalies: 'data-testid forecasts-anomalies',
    anomalyRulesMissing: 'data-testid forecasts-anomaly-rules-missing',
    noAnomalies: 'data-testid forecasts-no-anomalies',
    sigma: 'data-testid forecasts-anomaly-sigma',
  },
};
