/**
 * The proposal lifecycle over HTTP — approve, order, export, fill; a stale approval; rejecting
 * and bulk approval — and the PM's side: settings, customization requests, models.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixMessage } from '../io/index.js';
import { propose } from '../store/lifecycle-testing.js';
import type { ErrorBody } from './contract/index.js';
import { as, openTestApp, type TestApp } from './testing/test-app.js';

describe('the lifecycle over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => t?.close());

  const call = async (
    role: Parameters<typeof as>[1],
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const res = await t.app.request(path, as(t, role, method, body));
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      json: (text.startsWith('{') ? JSON.parse(text) : null) as Record<string, unknown> & ErrorBody,
    };
  };

  it('approves a proposal, orders it, exports the order as CSV and fills it', async () => {
    const id = await propose(t.store.db, 'H1', [
      { account: 'H1-TAX', security: 'BND', side: 'buy', quantity: 10, price: 72.4 },
    ]);
    const approved = await call('trader', 'POST', `/v1/proposals/${id}/approve`, { note: 'fine' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({
      proposalId: id,
      status: 'approved',
      decidedBy: 'trader1',
      note: 'fine',
    });
    const made = await call('trader', 'POST', '/v1/orders');
    expect(made.status).toBe(201);
    const orders = made.json['orders'] as {
      id: string;
      quantity: number;
      allocationCount: number;
    }[];
    expect(orders).toEqual([expect.objectContaining({ quantity: 10, allocationCount: 1 })]);
    const csv = await call('trader', 'GET', '/v1/orders/export?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'order_id,symbol,side,order_quantity,account,allocation_quantity,household,proposal,trade',
    );
    expect(csv.text).toContain(`${orders[0]!.id},BND,buy,10,H1-TAX,10,H1,${id},`);
    const fix = await call('admin', 'GET', '/v1/orders/export?format=fix&sender=ME&target=THEM');
    const fields = fix.text.trimEnd().split('\u0001');
    expect(fields.slice(0, 3)).toEqual(['8=FIX.4.4', expect.stringMatching(/^9=\d+$/), '35=D']);
    expect(fields).toEqual(expect.arrayContaining(['49=ME', '56=THEM']));
    const filled = await call('trader', 'POST', `/v1/orders/${orders[0]!.id}/fill`, {
      price: 72.5,
      date: '2026-11-21',
    });
    expect(filled.status).toBe(200);
    expect(filled.json).toMatchObject({
      bookings: [{ accountId: 'H1-TAX', quantity: 10, amountUsd: -725 }],
      proposals: [{ id, status: 'filled' }],
    });
    const again = await call('trader', 'POST', `/v1/orders/${orders[0]!.id}/fill`, { price: 72.5 });
    expect(again.status).toBe(409);
    const detail = await call('viewer', 'GET', `/v1/orders/${orders[0]!.id}`);
    expect(detail.json).toMatchObject({
      status: 'filled',
      fillPriceUsd: 72.5,
      allocations: [{ accountId: 'H1-TAX', quantity: 10 }],
    });
    expect((await call('viewer', 'GET', `/v1/proposals/${id}`)).json).toMatchObject({
      status: 'filled',
      decisions: [{ decision: 'approved', decidedBy: 'trader1' }],
    });
  });

  it('fills an order in two parts; the export sends what is still open; too many shares is a 400 naming quantity', async () => {
    const id = await propose(t.store.db, 'H3', [
      { account: 'H3-TAX', security: 'BND', side: 'buy', quantity: 9, price: 72.4 },
    ]);
    expect((await call('trader', 'POST', `/v1/proposals/${id}/approve`)).status).toBe(200);
    const made = await call('trader', 'POST', '/v1/orders');
    const order = (made.json['orders'] as { id: string }[])[0]!.id;
    const part = await call('trader', 'POST', `/v1/orders/${order}/fill`, {
      price: 72,
      quantity: 4,
    });
    expect(part.status).toBe(200);
    expect(part.json).toMatchObject({
      status: 'open',
      filledQuantity: 4,
      remainingQuantity: 5,
      // Nothing is booked to the account until the order is complete (at the average price).
      bookings: [],
      proposals: [],
    });
    const csv = await call('trader', 'GET', '/v1/orders/export?format=csv');
    expect(csv.text).toContain(`${order},BND,buy,5,H3-TAX,5,H3,${id},`);
    const tooMany = await call('trader', 'POST', `/v1/orders/${order}/fill`, {
      price: 72,
      quantity: 6,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.problems).toEqual([
      {
        path: ['quantity'],
        code: 'bad_quantity',
        message: 'quantity 6 is more than the 5 shares the order still needs',
      },
    ]);
    // The rest comes back from the broker as FIX execution reports: one not of a trade, one
    // of the 5 shares; sent twice, booked once.
    const reports = [
      fixMessage([
        [35, '8'],
        [11, order],
        [17, 'X-0'],
        [150, '0'],
        [39, '0'],
      ]),
      fixMessage([
        [35, '8'],
        [11, order],
        [17, 'X-1'],
        [150, 'F'],
        [32, '5'],
        [31, '73'],
      ]),
    ].join('\n');
    const booked = await call('trader', 'POST', '/v1/orders/executions', {
      format: 'fix',
      text: reports,
    });
    expect(booked.json).toEqual({
      booked: 1,
      undone: 0,
      alreadyBooked: 0,
      refused: 0,
      ignored: 1,
      problems: [],
      results: [
        {
          at: 'message 2',
          orderId: order,
          execId: 'X-1',
          outcome: 'booked',
          message:
            'filled 5 shares at 73; the order is complete, booked to 1 account at its average price',
          status: 'filled',
          filledQuantity: 9,
          remainingQuantity: 0,
        },
      ],
    });
    const twice = await call('trader', 'POST', '/v1/orders/executions', {
      format: 'fix',
      text: reports,
    });
    expect(twice.json).toMatchObject({ booked: 0, alreadyBooked: 1, results: [{ execId: 'X-1' }] });
    // The broker busts X-1 after the order filled and booked: refused, with what to do.
    const bust = fixMessage([
      [35, '8'],
      [11, order],
      [17, 'X-2'],
      [19, 'X-1'],
      [150, 'H'],
    ]);
    const busted = await call('trader', 'POST', '/v1/orders/executions', {
      format: 'fix',
      text: bust,
    });
    expect(busted.json).toMatchObject({
      booked: 0,
      undone: 0,
      refused: 1,
      results: [
        {
          execId: 'X-2',
          outcome: 'refused',
          message: expect.stringMatching(
            /^the trade bust X-2 of execution X-1 is not applied: order \S+ is filled, .*\(tailor import\)$/,
          ),
          status: null,
        },
      ],
    });
    const unreadable = await call('trader', 'POST', '/v1/orders/executions', {
      format: 'csv',
      text: 'order,qty\n',
    });
    expect(unreadable.status).toBe(400);
    expect(unreadable.json.error.problems?.[0]).toMatchObject({
      path: ['text'],
      message: expect.stringMatching(
        /^line 1: the header lacks order_id, exec_id, quantity, price/,
      ),
    });
    expect(
      (await call('viewer', 'POST', '/v1/orders/executions', { format: 'fix', text: reports }))
        .status,
    ).toBe(403);
    const detail = await call('viewer', 'GET', `/v1/orders/${order}`);
    expect(detail.json).toMatchObject({
      status: 'filled',
      filledQuantity: 9,
      fillPriceUsd: 72.55555556,
      allocations: [{ accountId: 'H3-TAX', quantity: 9, filledQuantity: 9 }],
      fills: [
        { quantity: 4, priceUsd: 72, filledBy: 'trader1' },
        { quantity: 5, priceUsd: 73, filledBy: 'trader1' },
      ],
    });
    const listed = await call('viewer', 'GET', '/v1/orders?status=filled');
    expect(listed.json['items']).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: order, filledQuantity: 9 })]),
    );
  });

  it('refuses a stale approval with 409 and says to re-run', async () => {
    const id = await propose(t.store.db, 'H3', [
      { account: 'H3-TAX', security: 'BND', side: 'buy', quantity: 5, price: 72.4 },
    ]);
    const put = await call('pm', 'PUT', '/v1/accounts/H3-TAX/settings', {
      settings: { drift: { threshold: 0.05 } },
      note: 'wider band',
    });
    expect(put.json).toEqual({ accountId: 'H3-TAX', version: 1 });
    const stale = await call('trader', 'POST', `/v1/proposals/${id}/approve`);
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: 'conflict', reason: 'stale' });
    expect(stale.json.error.message).toMatch(/re-run/);
  });

  it('rejects only with a note, once; approves in bulk with a reason per refusal', async () => {
    const id = await propose(t.store.db, 'H2', [
      { account: 'H2-TAX', security: 'VTI', side: 'buy', quantity: 1, price: 301.25 },
    ]);
    const bare = await call('trader', 'POST', `/v1/proposals/${id}/reject`, {});
    expect(bare.status).toBe(400);
    expect(bare.json.error.problems?.[0]?.path).toEqual(['note']);
    expect(
      (await call('trader', 'POST', `/v1/proposals/${id}/reject`, { note: 'client away' })).status,
    ).toBe(200);
    expect(
      (await call('trader', 'POST', `/v1/proposals/${id}/reject`, { note: 'again' })).json.error
        .reason,
    ).toBe('notProposed');
    const fresh = await propose(t.store.db, 'H3', [
      { account: 'H3-TAX', security: 'VTI', side: 'buy', quantity: 1, price: 301.25 },
    ]);
    const bulk = await call('admin', 'POST', '/v1/proposals/approve', { ids: [fresh, 'nope', id] });
    expect(bulk.json, bulk.text).toMatchObject({
      approved: 1,
      refused: 2,
      items: [
        { ok: true, proposalId: fresh, status: 'approved' },
        { ok: false, proposalId: 'nope', code: 'notFound' },
        { ok: false, proposalId: id, code: 'notProposed' },
      ],
    });
  });

  it('turns an approved customization request into a settings version, once', async () => {
    const asked = await call('advisor', 'POST', '/v1/customization-requests', {
      account: 'H1-IRA',
      settings: { restrictions: [{ security: 'BND', rule: 'noBuy' }] },
      note: 'client dislikes bonds',
    });
    expect(asked.status).toBe(201);
    const reqId = asked.json['id'] as string;
    expect(asked.json).toMatchObject({
      status: 'pending',
      requestedBy: 'advisor1',
      householdId: 'H1',
    });
    expect(
      (await call('advisor', 'POST', `/v1/customization-requests/${reqId}/approve`)).status,
    ).toBe(403);
    const ok = await call('pm', 'POST', `/v1/customization-requests/${reqId}/approve`, {
      note: 'agreed',
    });
    expect(ok.json).toMatchObject({ status: 'approved', decidedBy: 'pm1', settingsVersion: 1 });
    expect(
      (await call('pm', 'POST', `/v1/customization-requests/${reqId}/reject`, { note: 'no' })).json
        .error.reason,
    ).toBe('notPending');
    const history = await call('advisor', 'GET', '/v1/accounts/H1-IRA/settings');
    expect(history.json['items']).toEqual([
      expect.objectContaining({
        version: 1,
        changedBy: 'pm1',
        settings: { restrictions: [{ security: 'BND', rule: 'noBuy' }] },
      }),
    ]);
  });

  it('creates models and versions them, refusing unknown references and cycles', async () => {
    const targets = [
      { security: 'VTI', weight: 0.8 },
      { security: 'BND', weight: 0.2 },
    ];
    const made = await call('pm', 'POST', '/v1/models', {
      id: 'growth',
      name: 'Growth 80/20',
      targets,
    });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ id: 'growth', version: 1, changedBy: 'pm1' });
    expect(
      (await call('pm', 'POST', '/v1/models', { id: 'growth', targets })).json.error.reason,
    ).toBe('exists');
    expect(
      (
        await call('pm', 'PUT', '/v1/models/growth', {
          name: 'Growth',
          targets: [{ security: 'VTI', weight: 1 }],
        })
      ).json,
    ).toMatchObject({ version: 2 });
    expect((await call('pm', 'PUT', '/v1/models/none', { targets })).status).toBe(404);
    const bad = await call('pm', 'PUT', '/v1/models/balanced', {
      targets: [
        { model: 'growth', weight: 0.5 },
        { security: 'XYZ', weight: 0.1 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.problems?.map((p) => p.path)).toEqual([['targets', 1, 'security']]);
    const over = await call('pm', 'PUT', '/v1/models/growth', {
      targets: [
        { security: 'VTI', weight: 0.8 },
        { security: 'VTI', weight: 0.3 },
      ],
    });
    expect(over.json.error.problems?.map((p) => p.code)).toEqual([
      'weights_exceed_one',
      'duplicate_target',
    ]);
    const detail = await call('viewer', 'GET', '/v1/models/growth');
    expect((detail.json['versions'] as { version: number }[]).map((v) => v.version)).toEqual([
      2, 1,
    ]);
  });

  it('records every change in the audit log with its actor', async () => {
    const page = await call('viewer', 'GET', '/v1/audit?limit=1000');
    const actions = (page.json['items'] as { actor: string; action: string }[]).map(
      (e) => `${e.actor} ${e.action}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'trader1 proposal.approve',
        'trader1 order.create',
        'trader1 order.fill',
        'pm1 settings.version',
        'advisor1 customization.request',
        'pm1 customization.approve',
        'pm1 model.create',
        'pm1 model.version',
      ]),
    );
    const byPm = await call('viewer', 'GET', '/v1/audit?actor=pm1&limit=2');
    expect((byPm.json['items'] as unknown[]).length).toBe(2);
    expect(byPm.json['nextBefore']).toEqual(expect.any(Number));
  });
});
