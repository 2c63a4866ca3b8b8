/**
 * The whole loop in a real browser, as the central team does it: a pm logs in, opens an account
 * with a restriction and runs a rebalance; a trader reads the reasons, approves, creates the
 * block orders, exports them, fills one in two parts and books another from a broker's
 * executions file (sent twice, booked once); a viewer cannot approve, and reads
 * the evidence (the demo backtest); an admin manages users. Every main page is saved as a
 * screenshot under test-results/screenshots/ (desktop 1280×800 and tablet 820×1180).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/ensure-web-build.js';
import { browserAvailable, launchBrowser } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const PASSWORD = 'tailor-demo';
const run = browserAvailable();

interface Found {
  household: string;
  account: string;
}

/** The fields of an order (`GET /v1/orders`) the fill step reads. */
interface OrderView {
  id: string;
  quantity: number;
  filledQuantity: number;
  status: string;
  fillPriceUsd: number | null;
}

/** `text` matched as itself inside a RegExp (an order id may hold `.` or `+`). */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shares as the dashboard writes them (`1,234.5`; web/src/format quantity). */
const sharesText = (x: number): string =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(x);

describe.skipIf(!run)('the dashboard, end to end in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let restricted: Found;
  let runId: string;
  let proposalId: string;

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startDemoServer(60, 150_000), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  async function logIn(username: string, width = 1280, height = 800): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height },
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByTestId('current-user').textContent(), { timeout: 20_000 })
      .toContain(username);
    return page;
  }

  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  /** Reads JSON through the page's own session (cookie), as the dashboard does. */
  async function getJson<T>(page: Page, path: string): Promise<T> {
    const r = await page.request.get(`${server.url}${path}`);
    expect(r.status(), `${path}: ${await r.text()}`).toBe(200);
    return (await r.json()) as T;
  }

  it('a pm logs in and opens an account with a restriction', async () => {
    const page = await logIn('pm');
    await page.getByTestId('kpi-assets').waitFor({ timeout: 30_000 });
    await shoot(page, 'book');
    const list = await getJson<{ items: { id: string }[] }>(page, '/v1/households?limit=1000');
    let found: Found | undefined;
    for (const h of list.items) {
      const detail = await getJson<{
        accounts: { id: string; settings: { restrictions?: unknown[] } }[];
      }>(page, `/v1/households/${h.id}`);
      const a = detail.accounts.find((x) => (x.settings.restrictions?.length ?? 0) > 0);
      if (a) {
        found = { household: h.id, account: a.id };
        break;
      }
    }
    expect(found, 'the demo firm has an account with a restriction').toBeDefined();
    restricted = found!;
    await page.getByTestId('nav-households').click();
    await page.getByTestId('households-table').waitFor();
    await shoot(page, 'households');
    // The list covers the book (the demo's fits one page), and filters to what is off target.
    const all = await getJson<{ total: number }>(page, '/v1/households?limit=1');
    const out = await getJson<{ total: number }>(
      page,
      '/v1/households?limit=1&outOfTolerance=true',
    );
    expect(out.total).toBeGreaterThan(0);
    expect(out.total).toBeLessThan(all.total);
    const coverage = page.getByTestId('households-coverage');
    expect(await coverage.textContent()).toBe(`${all.total.toLocaleString('en-US')} households`);
    const counted = `${all.total} of ${all.total}`;
    expect(await page.getByTestId('households-table-count').textContent()).toBe(counted);
    await page.getByTestId('households-out-only').check();
    await page
      .getByText(`${out.total.toLocaleString('en-US')} households out of tolerance`)
      .waitFor();
    expect(await page.locator('[data-testid^="household-row-"]').count()).toBe(out.total);
    await page.goto(`${server.url}/households/${restricted.household}`);
    await page.getByTestId(`account-link-${restricted.account}`).click();
    await page.getByTestId('holdings-table').waitFor();
    expect(await page.getByTestId('account-restriction').count()).toBeGreaterThan(0);
    await page.getByTestId('drift-chart').waitFor();
    await shoot(page, 'account');
    await page.getByTestId('nav-models').click();
    await page.getByTestId('models-table').waitFor();
    await shoot(page, 'models');
    await page.getByTestId('nav-customization-requests').click();
    await page.getByTestId('customization-requests-table').waitFor();
    await shoot(page, 'customization-requests');
  });

  it("an account of a household with a model of its own shows the household's drift", async () => {
    const page = await logIn('pm');
    const list = await getJson<{ items: { id: string }[] }>(page, '/v1/households?limit=1000');
    let found: { id: string; accounts: { id: string; maxDrift: number | null }[] } | undefined;
    for (const h of list.items) {
      const detail = await getJson<{
        modelId: string | null;
        accounts: { id: string; maxDrift: number | null }[];
      }>(page, `/v1/households/${h.id}`);
      if (detail.modelId !== null && detail.accounts.length > 1) {
        found = { id: h.id, accounts: detail.accounts };
        break;
      }
    }
    expect(found, 'the demo firm has a household with a model of its own').toBeDefined();
    // One portfolio: every account carries the household's figure.
    expect(new Set(found!.accounts.map((a) => a.maxDrift)).size).toBe(1);
    await page.goto(`${server.url}/accounts/${found!.accounts[0]!.id}`);
    await page.getByTestId('holdings-table').waitFor();
    expect(await page.getByTestId('kpi-drift').textContent()).toContain('Household drift');
    expect(await page.getByTestId('drift-chart-card').textContent()).toContain(
      'Household drift from target',
    );
  });

  it('the pm runs a rebalance of that household and watches it finish', async () => {
    const page = await logIn('pm');
    await page.getByTestId('nav-runs').click();
    await page.getByTestId('run-selection').selectOption('households');
    await page.getByTestId('run-households').fill(restricted.household);
    await page.getByTestId('run-start').click();
    await page.waitForURL(/\/runs\/[^/]+$/, { timeout: 20_000 });
    runId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByTestId('run-summary').waitFor({ timeout: 60_000 });
    const bar = page.getByTestId('run-progress');
    expect(await bar.getAttribute('data-done')).toBe(await bar.getAttribute('data-total'));
    await shoot(page, 'run');
  });

  it('a trader reads each trade’s reasons and approves the proposal', async () => {
    const page = await logIn('trader');
    const proposals = await getJson<{ items: { id: string; status: string }[] }>(
      page,
      `/v1/proposals?run=${encodeURIComponent(runId)}`,
    );
    expect(proposals.items).toHaveLength(1);
    proposalId = proposals.items[0]!.id;
    expect(proposals.items[0]!.status).toBe('proposed');
    await page.goto(`${server.url}/proposals?run=${encodeURIComponent(runId)}`);
    await page.getByTestId(`proposal-row-${proposalId}-toggle`).click();
    await page.getByTestId('trades-table').waitFor();
    const reasons = await page.getByTestId('trade-reasons').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => r.trim().length > 0)).toBe(true);
    await shoot(page, 'proposal');
    await page.getByTestId(`approve-${proposalId}`).click();
    await expect
      .poll(
        async () => (await getJson<{ status: string }>(page, `/v1/proposals/${proposalId}`)).status,
      )
      .toBe('approved');
  });

  it('the trader creates block orders and exports them as CSV and FIX', async () => {
    const page = await logIn('trader');
    await page.getByTestId('nav-orders').click();
    await page.getByTestId('orders-create').click();
    await expect
      .poll(() => page.getByTestId('order-outcome').textContent(), { timeout: 20_000 })
      .toMatch(/orders from 1 proposals/);
    await page.getByTestId('orders-table').waitFor();
    await shoot(page, 'orders');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const csvText = await readDownload(csv);
    const lines = csvText.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).some((l) => l.includes(restricted.account))).toBe(true);
    const [fix] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-fix').click(),
    ]);
    const fixText = await readDownload(fix);
    expect(fixText).toContain('35=D');
    expect(fixText).toContain('8=FIX.4.4');
  });

  it('the trader fills part of an order, sees it partly filled and open, then fills the rest', async () => {
    const page = await logIn('trader');
    const open = await getJson<{ items: OrderView[] }>(page, '/v1/orders?status=open&limit=1000');
    // Any order of two shares or more splits in two whole parts; whole shares read best.
    const order =
      open.items.find((o) => o.quantity >= 2 && Number.isInteger(o.quantity)) ??
      open.items.find((o) => o.quantity >= 2);
    expect(order, 'the block orders include one of two shares or more').toBeDefined();
    const { id, quantity } = order!;
    const part = Math.floor(quantity / 2);
    const rest = Math.round((quantity - part) * 1e8) / 1e8; // no float noise (10.5 − 5)
    await page.getByTestId('nav-orders').click();
    await page.getByTestId(`order-row-${id}-toggle`).click();
    const shares = page.getByTestId(`fill-quantity-${id}`);
    expect(await shares.getAttribute('placeholder')).toBe(String(quantity));
    await shares.fill(String(part));
    await page.getByTestId(`fill-price-${id}`).fill('100');
    await page.getByTestId(`fill-${id}`).click();
    await expect
      .poll(() => page.getByTestId('order-outcome').textContent(), { timeout: 20_000 })
      .toMatch(
        new RegExp(
          `^Filled ${literal(id)}: ${sharesText(part)} of ${sharesText(quantity)} shares so far, ${sharesText(rest)} still open;`,
        ),
      );
    // Still in the open list, its Filled cell saying how far it got, its fill in the detail.
    await expect
      .poll(() => page.getByTestId(`order-filled-${id}`).textContent(), { timeout: 20_000 })
      .toBe(`${sharesText(part)} of ${sharesText(quantity)}`);
    expect(await page.getByTestId(`order-row-${id}`).textContent()).toContain('open');
    await page.getByTestId('order-fills').waitFor();
    expect(await page.locator('[data-testid="order-fills"] tbody tr').count()).toBe(1);
    expect(await shares.getAttribute('placeholder')).toBe(String(rest));
    const partly = await getJson<OrderView>(page, `/v1/orders/${id}`);
    expect([partly.status, partly.filledQuantity]).toEqual(['open', part]);
    await shoot(page, 'order-partly-filled');
    // The shares box left empty: the rest fills.
    expect(await shares.inputValue()).toBe('');
    await page.getByTestId(`fill-price-${id}`).fill('102');
    await page.getByTestId(`fill-${id}`).click();
    await expect
      .poll(() => page.getByTestId('order-outcome').textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^Filled ${literal(id)}: .* proposals? settled\\.`));
    await page.getByTestId('orders-status').selectOption('filled');
    await expect
      .poll(() => page.getByTestId(`order-filled-${id}`).textContent(), { timeout: 20_000 })
      .toBe(`${sharesText(quantity)} of ${sharesText(quantity)}`);
    expect(await page.getByTestId(`order-row-${id}`).textContent()).toContain('filled');
    const filled = await getJson<OrderView & { fills: { quantity: number }[] }>(
      page,
      `/v1/orders/${id}`,
    );
    expect(filled.status).toBe('filled');
    expect(filled.fills.map((f) => f.quantity)).toEqual([part, rest]);
    expect(filled.fillPriceUsd).toBeCloseTo((part * 100 + rest * 102) / quantity, 4);
  });

  it('the trader imports a broker’s executions file: the order fills, a bad line is named, a resend books nothing', async () => {
    const page = await logIn('trader');
    const open = await getJson<{ items: OrderView[] }>(page, '/v1/orders?status=open&limit=1000');
    // An order the fill step above left alone, of two shares or more, so two executions fill it.
    const untouched = open.items.filter((o) => o.filledQuantity === 0 && o.quantity >= 2);
    const order = untouched.find((o) => Number.isInteger(o.quantity)) ?? untouched[0];
    expect(order, 'an unfilled open order of two shares or more is left').toBeDefined();
    const { id, quantity } = order!;
    const part = Math.floor(quantity / 2);
    const rest = Math.round((quantity - part) * 1e8) / 1e8; // no float noise (10.5 − 5)
    // The bad line sits between the good ones: it is named and left out, the rest still books.
    const csv = [
      'order_id,exec_id,quantity,price',
      `${id},E2E-1,${part},50.25`,
      `${id},E2E-BAD,-5,50.25`,
      `${id},E2E-2,${rest},50.75`,
      '',
    ].join('\n');
    const file = { name: 'executions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await page.getByTestId('nav-orders').click();
    await page.getByTestId(`order-row-${id}`).waitFor({ timeout: 20_000 });
    await page.getByTestId('executions-file').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('executions-outcome').textContent(), { timeout: 20_000 })
      .toMatch(/^Booked 2 executions; 1 line unreadable\.(×)?$/);
    const rows = page.locator('[data-testid="executions-problems"] tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/^line 3 \(quantity\).*quantity must be/);
    // It names the order and execution its readable cells give, to chase with the broker.
    expect(await rows.first().textContent()).toContain(`${id}E2E-BAD`);
    // The list reloaded: the order, now filled, has left the open ones.
    await expect
      .poll(() => page.getByTestId(`order-row-${id}`).count(), { timeout: 20_000 })
      .toBe(0);
    const filled = await getJson<OrderView & { fills: { quantity: number }[] }>(
      page,
      `/v1/orders/${id}`,
    );
    expect(filled.status).toBe('filled');
    expect(filled.fills.map((f) => f.quantity)).toEqual([part, rest]);
    expect(filled.fillPriceUsd).toBeCloseTo((part * 50.25 + rest * 50.75) / quantity, 4);
    await shoot(page, 'executions-imported');
    // The same file again (as after a timeout): both executions are known, nothing books twice.
    await page.getByTestId('executions-file').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('executions-outcome').textContent(), { timeout: 20_000 })
      .toMatch(/^Booked 0 executions, 2 already booked; 1 line unreadable\.(×)?$/);
    const again = await getJson<OrderView & { fills: unknown[] }>(page, `/v1/orders/${id}`);
    expect([again.status, again.filledQuantity, again.fills.length]).toEqual([
      'filled',
      quantity,
      2,
    ]);
  });

  it('a viewer sees the queue but cannot approve, in the page or through the API', async () => {
    const page = await logIn('viewer');
    await page.goto(`${server.url}/proposals?status=all`);
    await page.getByTestId('proposals-table').waitFor();
    expect(await page.locator('[data-testid^="approve-"]').count()).toBe(0);
    expect(await page.getByTestId('bulk-approve').count()).toBe(0);
    const session = await getJson<{ csrfToken: string }>(page, '/v1/session');
    const r = await page.request.post(`${server.url}/v1/proposals/${proposalId}/reject`, {
      headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      data: { note: 'not mine to decide' },
    });
    expect(r.status()).toBe(403);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await shoot(page, 'audit');
  });

  it('a viewer opens the evidence: the demo backtest, its KPIs, charts and report', async () => {
    const page = await logIn('viewer');
    const list = await getJson<{ items: { id: string; scenario: string }[] }>(
      page,
      '/v1/backtests',
    );
    expect(list.items.map((b) => b.scenario)).toEqual(['etf-model']);
    const id = list.items[0]!.id;
    await page.getByTestId('nav-evidence').click();
    await page.getByTestId(`backtest-row-${id}`).waitFor();
    await shoot(page, 'evidence');
    await page.getByTestId(`backtest-link-${id}`).click();
    await page.waitForURL(/\/evidence\/[^/]+$/);
    await expect
      .poll(() => page.getByTestId('kpi-tax-alpha').textContent(), { timeout: 20_000 })
      .toMatch(/Tax alpha a year-?\d+\.\d\d%/);
    // A string: the test's TypeScript has no DOM types; the page evaluates it.
    const drawn = `Array.from(document.querySelectorAll('img[data-testid^="backtest-chart-"]'))
      .filter((i) => i.complete && i.naturalWidth > 0).length`;
    await expect.poll(() => page.evaluate<number>(drawn), { timeout: 20_000 }).toBe(5);
    expect(await page.getByTestId('backtest-year-2019').count()).toBe(1);
    expect(await page.locator('[data-testid="backtest-assumptions"] li').count()).toBeGreaterThan(
      0,
    );
    await shoot(page, 'backtest');
    // The full report opens in the browser with its inline stylesheet applied (CSP by hash).
    const report = await page.getByTestId('backtest-report-link').getAttribute('href');
    expect(report).toBe(`/v1/backtests/${id}/report`);
    const reportPage = await page.context().newPage();
    const violations: string[] = [];
    reportPage.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await reportPage.goto(`${server.url}${report}`);
    expect(res?.status()).toBe(200);
    expect(await reportPage.locator('h1').textContent()).toContain('etf-model');
    expect(await reportPage.evaluate<string>('getComputedStyle(document.body).maxWidth')).toBe(
      '980px',
    );
    expect(violations).toEqual([]);
    await shoot(reportPage, 'backtest-report');
    // On a tablet the page keeps to the screen's width.
    const tablet = await logIn('viewer', 820, 1180);
    await tablet.goto(`${server.url}/evidence/${encodeURIComponent(id)}`);
    await tablet.getByTestId('kpi-tax-alpha').waitFor();
    await expect.poll(() => tablet.evaluate<number>(drawn), { timeout: 20_000 }).toBe(5);
    await shoot(tablet, 'tablet-backtest');
    const overflow = await tablet.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow, 'the page itself never scrolls sideways').toBeLessThanOrEqual(0);
  });

  it('an admin manages users', async () => {
    const page = await logIn('admin');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-row-viewer').waitFor();
    expect(await page.locator('[data-testid^="user-row-"]').count()).toBe(5);
    await shoot(page, 'users');
  });

  it('works on a tablet', async () => {
    const page = await logIn('admin', 820, 1180);
    await page.getByTestId('kpi-assets').waitFor({ timeout: 30_000 });
    await shoot(page, 'tablet-book');
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('nav-proposals').click();
    await page.getByTestId('proposals-table').waitFor();
    await shoot(page, 'tablet-proposals');
    // A string: the test's TypeScript has no DOM types; the page evaluates it.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow, 'the page itself never scrolls sideways').toBeLessThanOrEqual(0);
  });
});

async function readDownload(d: { path(): Promise<string | null> }): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const path = await d.path();
  if (path === null) throw new Error('the download did not complete');
  return readFile(path, 'utf8');
}
