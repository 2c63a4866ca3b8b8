/**
 * Writes a firm (securities, prices, models, households, accounts, lots, transactions, settings)
 * in one transaction: a feed or a demo either lands whole or not at all.
 */
import type { AccountSettings, ModelTarget, TaxStatus } from '../domain/index.js';
import { insertChunked } from './chunked-insert.js';
import { insertLots } from './insert-lots.js';
import type { Db } from './open-store.js';
import { refreshStatistics } from './refresh-statistics.js';
import {
  accountSettings,
  accounts,
  auditLog,
  households,
  models,
  prices,
  securities,
  transactions,
  type TransactionType,
} from './schema/index.js';

/** Decimal values are strings (exact); numbers are accepted and written as their shortest form. */
export type DecimalInput = string | number;

export interface FirmSecurity {
  id: string;
  name?: string;
  assetClass?: string | null;
  sector?: string | null;
  tags?: string[];
  washGroup?: string | null;
  lotSize?: DecimalInput | null;
  cashEquivalent?: boolean;
  taxDrag?: DecimalInput | null;
}
export interface FirmPrice {
  securityId: string;
  date: string;
  close: DecimalInput;
}
export interface FirmModel {
  id: string;
  name?: string;
  targets: ModelTarget[];
}
export interface FirmHousehold {
  id: string;
  name?: string;
  advisor?: string;
  shortTermRate: DecimalInput;
  longTermRate: DecimalInput;
  modelId?: string | null;
}
export interface FirmAccount {
  id: string;
  householdId: string;
  name?: string;
  taxStatus: TaxStatus;
  tradable?: boolean;
  modelId: string | null;
  cash: DecimalInput;
}
export interface FirmLot {
  accountId: string;
  id: string;
  securityId: string;
  quantity: DecimalInput;
  costBasis: DecimalInput;
  acquired: string;
}
export interface FirmTransaction {
  accountId: string;
  date: string;
  type: TransactionType;
  securityId?: string | null;
  quantity?: DecimalInput | null;
  price?: DecimalInput | null;
  amount: DecimalInput;
  realizedGain?: DecimalInput | null;
  /** Sells: the sum of the losses of the lots relieved (≤ 0). */
  realizedLoss?: DecimalInput | null;
}
export interface FirmSettings {
  accountId: string;
  settings: AccountSettings;
  note?: string;
}

/** Everything a feed or the demo brings; every part optional. */
export interface FirmData {
  securities?: FirmSecurity[];
  prices?: FirmPrice[];
  models?: FirmModel[];
  households?: FirmHousehold[];
  accounts?: FirmAccount[];
  lots?: FirmLot[];
  transactions?: FirmTransaction[];
  settings?: FirmSettings[];
}

const dec = (v: DecimalInput): string => (typeof v === 'number' ? String(v) : v);
const decOrNull = (v: DecimalInput | null | undefined): string | null =>
  v === undefined || v === null ? null : dec(v);

/** Counts of rows written, per kind. */
export type FirmCounts = Record<keyof FirmData, number>;

/**
 * Writes `data` in one transaction. Securities, households and accounts must be new ids;
 * models and settings are written as version 1 (new) — later changes go through
 * `saveModelVersion` / `saveAccountSettings`, which keep the history. `actor` is recorded in
 * the audit log. The planner's statistics are refreshed afterwards (see refresh-statistics.ts).
 */
export async function writeFirm(db: Db, data: FirmData, actor: string): Promise<FirmCounts> {
  const counts: FirmCounts = {
    securities: data.securities?.length ?? 0,
    prices: data.prices?.length ?? 0,
    models: data.models?.length ?? 0,
    households: data.households?.length ?? 0,
    accounts: data.accounts?.length ?? 0,
    lots: data.lots?.length ?? 0,
    transactions: data.transactions?.length ?? 0,
    settings: data.settings?.length ?? 0,
  };
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await insertChunked(
      t,
      securities,
      (data.securities ?? []).map((s) => ({
        id: s.id,
        name: s.name ?? '',
        assetClass: s.assetClass ?? null,
        sector: s.sector ?? null,
        tags: s.tags ?? [],
        washGroup: s.washGroup ?? null,
        lotSize: decOrNull(s.lotSize),
        cashEquivalent: s.cashEquivalent ?? false,
        taxDrag: decOrNull(s.taxDrag),
      })),
    );
    await insertChunked(
      t,
      prices,
      (data.prices ?? []).map((p) => ({
        securityId: p.securityId,
        date: p.date,
        close: dec(p.close),
      })),
    );
    await insertChunked(
      t,
      models,
      (data.models ?? []).map((m) => ({
        id: m.id,
        version: 1,
        name: m.name ?? '',
        targets: m.targets,
        changedBy: actor,
      })),
    );
    await insertChunked(
      t,
      households,
      (data.households ?? []).map((h) => ({
        id: h.id,
        name: h.name ?? '',
        advisor: h.advisor ?? '',
        shortTermRate: dec(h.shortTermRate),
        longTermRate: dec(h.longTermRate),
        modelId: h.modelId ?? null,
      })),
    );
    await insertChunked(
      t,
      accounts,
      (data.accounts ?? []).map((a) => ({
        id: a.id,
        householdId: a.householdId,
        name: a.name ?? '',
        taxStatus: a.taxStatus,
        tradable: a.tradable ?? true,
        modelId: a.modelId,
        cash: dec(a.cash),
      })),
    );
    await insertLots(
      t,
      (data.lots ?? []).map((l) => ({
        accountId: l.accountId,
        id: l.id,
        securityId: l.securityId,
        quantity: dec(l.quantity),
        costBasis: dec(l.costBasis),
        acquired: l.acquired,
      })),
    );
    await insertChunked(
      t,
      transactions,
      (data.transactions ?? []).map((x) => ({
        accountId: x.accountId,
        date: x.date,
        type: x.type,
        securityId: x.securityId ?? null,
        quantity: decOrNull(x.quantity),
        price: decOrNull(x.price),
        amount: dec(x.amount),
        realizedGain: decOrNull(x.realizedGain),
        realizedLoss: decOrNull(x.realizedLoss),
      })),
    );
    await insertChunked(
      t,
      accountSettings,
      (data.settings ?? []).map((s) => ({
        accountId: s.accountId,
        version: 1,
        settings: s.settings,
        changedBy: actor,
        note: s.note ?? '',
      })),
    );
    await t.insert(auditLog).values({
      actor,
      action: 'firm.write',
      entity: 'firm',
      entityId: '-',
      detail: counts,
    });
  });
  await refreshStatistics(db);
  return counts;
}
