import React from 'react';
import { Alert } from '@grafana/ui';
import { SPENDER_DIMENSIONS } from '../../analysis/topSpenders';

/** A drilldown URL whose dimension is none of team, user, api_key, model (edited or stale link). */
export function UnknownDimension({ dimension }: { dimension?: string }) {
  return (
    <Alert severity="error" title="Unknown spender dimension">
      &quot;{dimension}&quot; is not one of {SPENDER_DIMENSIONS.join(', ')}. Open Top spenders and pick a spender from
      the table.
    </Alert>
  );
}
