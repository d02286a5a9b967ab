/** A KPI panel's JSON to paste into any dashboard (Add > Paste panel), with a copy button. */
import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { ClipboardButton, Modal, TextArea, useStyles2 } from '@grafana/ui';

export interface AddToDashboardModalProps {
  kpiName: string;
  panelJson: string;
  onDismiss(): void;
}

export function AddToDashboardModal({ kpiName, panelJson, onDismiss }: AddToDashboardModalProps) {
  const styles = useStyles2(getStyles);
  const [copied, setCopied] = useState(false);
  return (
    <Modal title={`Add ${kpiName} to a dashboard`} isOpen onDismiss={onDismiss}>
      <p>
        Copy this panel, open a dashboard in edit mode and choose <strong>Add → Paste panel</strong>. It is a time
        series on the KPI datasource by KPI id: later edits of the KPI show up in the panel.
      </p>
      <TextArea aria-label="Panel JSON" readOnly rows={16} value={panelJson} className={styles.json} />
      <Modal.ButtonRow>
        {copied && <span className={styles.copied}>Panel JSON copied to the clipboard.</span>}
        <ClipboardButton icon="copy" getText={() => panelJson} onClipboardCopy={() => setCopied(true)}>
          Copy panel JSON
        </ClipboardButton>
      </Modal.ButtonRow>
    </Modal>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  json: css({ fontFamily: theme.typography.fontFamilyMonospace, fontSize: theme.typography.bodySmall.fontSize }),
  copied: css({ color: theme.colors.success.text, alignSelf: 'center' }),
});
