#!/usr/bin/env bash
# `npm test`: everything that runs on this machine, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - started))"; }

step "programs the tests run (prometheus, promtool, prometheus-alertmanager, amtool, victoria-metrics, vmalert, vmctl, chromium, pdftoppm, pdftotext)"
bash scripts/require-tools.sh prometheus promtool prometheus-alertmanager amtool victoria-metrics vmalert vmctl chromium pdftoppm pdftotext
step "typecheck"
npx tsc --noEmit
step "lint"
npx eslint --cache --max-warnings=0 .
step "unit and component tests, rules (promtool check + test)"
npx jest --selectProjects unit --ci
step "integration tests on a real Prometheus, VictoriaMetrics and Alertmanager"
npx jest --selectProjects integration --ci --runInBand
step "production build"
npm run build
step "checks of the built plugin"
npx jest --selectProjects dist --ci
step "the app's pages in Chromium on real Prometheus (preview)"
npx playwright test -c tests/preview/playwright.config.ts
printf '\n== all tests passed in %ss\n' "$((SECONDS - started))"
