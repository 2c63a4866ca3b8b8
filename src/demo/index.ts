/**
 * The demo firm (`tailor demo`): a realistic wealth-management book built from the shipped data
 * (data/README.md), deterministic by seed, ready for `tailor run`.
 */
export { buildDemoFirm, PRICE_WINDOW, type DemoFirm, type DemoOptions } from './demo-firm.js';
export { demoAsOf, loadDemoMarket, type DemoMarket } from './market-data.js';
export { DEMO_MODELS } from './models.js';
export { customizationKinds, demoSummaryText, summarizeDemo, type DemoSummary } from './summary.js';
