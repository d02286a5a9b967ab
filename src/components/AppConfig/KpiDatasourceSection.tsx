import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { DataSourceInstanceSettings, GrafanaTheme2, locationUtil } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button, FieldSet, Stack, Text, useStyles2 } from '@grafana/ui';
import { KPI_DATASOURCE_NAME, KPI_DATASOURCE_PLUGIN_ID } from '../../constants';
import type { KpiDataSourceOptions } from '../../datasource/types';
import { testIds } from '../testIds';
import {
  compareKpiDatasources,
  createKpiDatasource,
  datasourceEditUrl,
  datasourceName,
  KpiDatasourceFinding,
  KpiDatasourceTarget,
  newKpiDatasource,
} from './kpiDatasource';
import { reloadPage } from './reloadPage';
import { errorMessage } from './settingsForm';

interface Props {
  target: KpiDatasourceTarget;
  canCreate: boolean;
}

function Finding({ finding }: { finding: KpiDatasourceFinding }) {
  const styles = useStyles2(getStyles);
  // a plain link: Grafana routes in-app anchors itself, and the base URL covers sub-path installs
  const link = (
    <a className={styles.link} href={locationUtil.assureBaseUrl(datasourceEditUrl(finding.uid))}>
      {finding.name}
    </a>
  );
  if (!finding.differences.length) {
    return (
      <Text element="p">
        {link} exists and queries the Prometheus datasource of these settings.
      </Text>
    );
  }
  return (
    <Alert severity="warning" title={`${finding.name} differs from these settings`}>
      {finding.differences.map((d) => (
        <div key={d}>{d}</div>
      ))}
      <div>The app&apos;s pages read data through it: open {link} to change it.</div>
    </Alert>
  );
}

function CreateKpiDatasource({ target, canCreate }: Props) {
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string>();
  const onCreate = async () => {
    setCreating(true);
    setError(undefined);
    try {
      await createKpiDatasource(newKpiDatasource(target));
      reloadPage();
    } catch (e) {
      setError(errorMessage(e));
      setCreating(false);
    }
  };
  return (
    <Stack direction="column" gap={1} alignItems="flex-start">
      <Text element="p">
        There is no {KPI_DATASOURCE_NAME} datasource yet. The app&apos;s pages and the FinOps dashboard query through it.
      </Text>
      {canCreate ? (
        <>
          <Button
            data-testid={testIds.appConfig.createKpiDatasource}
            icon={creating ? 'spinner' : 'plus'}
            disabled={creating || !target.prometheusUid}
            onClick={onCreate}
          >
            Create the {KPI_DATASOURCE_NAME} datasource
          </Button>
          {!target.prometheusUid && <Text color="secondary">Pick the Prometheus datasource first.</Text>}
        </>
      ) : (
        <Text color="secondary">Only organization Admins can create datasources: ask one to open this page.</Text>
      )}
      {error && <Alert severity="error" title={`Could not create the ${KPI_DATASOURCE_NAME} datasource`}>{error}</Alert>}
    </Stack>
  );
}

/** Whether the app's KPI datasource exists and agrees with the settings, or a button that creates it. */
export function KpiDatasourceSection({ target, canCreate }: Props) {
  const instances = useMemo(
    () =>
      getDataSourceSrv().getList({ pluginId: KPI_DATASOURCE_PLUGIN_ID }) as Array<
        DataSourceInstanceSettings<KpiDataSourceOptions>
      >,
    []
  );
  const findings = compareKpiDatasources(instances, target, datasourceName);
  return (
    <FieldSet label="KPI datasource">
      <div data-testid={testIds.appConfig.kpiDatasource}>
        {findings.length ? (
          findings.map((f) => <Finding key={f.uid} finding={f} />)
        ) : (
          <CreateKpiDatasource target={target} canCreate={canCreate} />
        )}
      </div>
    </FieldSet>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // underlined: a link inside text must not be told apart by colour alone (WCAG 1.4.1)
  link: css({ color: theme.colors.text.link, textDecoration: 'underline' }),
});
