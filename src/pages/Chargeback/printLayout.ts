/**
 * The print stylesheet of the Chargeback report, so that the browser's Print (or Save as PDF)
 * gives the report alone: every element that neither is nor holds the report is not printed
 * (Grafana's menus, page header, controls: whatever Grafana version draws them), the boxes that
 * hold it stop scrolling and clipping, ink is black on white, and each section starts a page with
 * the period and scope on top; icons (tooltips' info marks) are left off. It applies only while a
 * report is on the page (`:has`).
 */
export const REPORT_CLASS = 'aispend-chargeback-report';
/** shown on paper only: the running header of each section */
export const PRINT_ONLY = 'aispend-print-only';
/** inside the report, left off paper */
export const NO_PRINT = 'aispend-no-print';
/** a report section: a page of its own */
export const PRINT_SECTION = 'aispend-print-section';

const R = `.${REPORT_CLASS}`;

export const PRINT_CSS = `
@media screen {
  ${R} .${PRINT_ONLY} { display: none !important; }
}
@page { size: A4 landscape; margin: 12mm; }
@media print {
  html:has(${R}), body:has(${R}) {
    background: #fff !important; height: auto !important; min-height: 0 !important; overflow: visible !important;
    margin: 0 !important; padding: 0 !important;
  }
  body:has(${R}) *:has(${R}) {
    display: block !important; position: static !important; overflow: visible !important;
    height: auto !important; min-height: 0 !important; max-height: none !important;
    width: auto !important; min-width: 0 !important; max-width: none !important;
    margin: 0 !important; padding: 0 !important; border: 0 !important;
    transform: none !important; background: #fff !important; box-shadow: none !important;
  }
  body:has(${R}) *:not(:has(${R})):not(${R}):not(${R} *) { display: none !important; }
  ${R}, ${R} * {
    color: #000 !important; background: transparent !important; border-color: #999 !important;
    box-shadow: none !important; overflow: visible !important; height: auto !important;
  }
  ${R} .${NO_PRINT}, ${R} svg { display: none !important; }
  ${R} .${PRINT_SECTION} + .${PRINT_SECTION} { break-before: page; }
  /* the column headers again on every page of a long table, the total only once at its end */
  ${R} thead { display: table-header-group; }
  ${R} tfoot { display: table-row-group; }
  ${R} tr { break-inside: avoid; }
  ${R} h2, ${R} h3 { break-after: avoid; }
}
`;
