export const testIds = {
  appConfig: {
    container: 'data-testid ac-container',
    prometheus: 'data-testid ac-prometheus',
    profile: 'data-testid ac-profile',
    anomalySigma: 'data-testid ac-anomaly-sigma',
    submit: 'data-testid ac-submit-form',
  },
};
