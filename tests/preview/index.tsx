/**
 * Entry of the development-only preview (never part of dist/): boot data first, because
 * @grafana/runtime reads it when first imported; then the Grafana stand-ins and the app.
 */
import './grafana/bootData';
import { startPreview } from './main';

startPreview().catch((e) => {
  document.body.textContent = `preview failed to start: ${e?.message ?? e}`;
  throw e;
});
