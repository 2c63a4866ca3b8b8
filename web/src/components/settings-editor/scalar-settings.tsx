/** The scalar account settings: cash, tax, risk, trading and drift, grouped as the spec does. */
import type { AccountSettings } from '../../api/types';
import { NumberField } from '../form/number-field';
import { CheckField } from '../form/check-field';

/** Props of {@link ScalarSettings}. */
export interface ScalarSettingsProps {
  value: AccountSettings;
  onChange: (value: AccountSettings) => void;
}

type Trading = NonNullable<AccountSettings['trading']>;
type Mode = NonNullable<Trading['mode']>;

/** Field groups. */
export function ScalarSettings({ value: s, onChange }: ScalarSettingsProps) {
  const cash = s.cash ?? {};
  const tax = s.tax ?? {};
  const risk = s.risk ?? {};
  const trading = s.trading ?? {};
  const budget = tax.gainBudget;
  const setBudget = (k: 'shortTerm' | 'longTerm' | 'total', v: number | undefined): void => {
    // Partial on purpose: the server names a missing term, which is clearer than a silent 0.
    const next = { ...budget, [k]: v } as NonNullable<typeof tax.gainBudget>;
    const empty = Object.values(next).every((x) => x === undefined);
    onChange({ ...s, tax: { ...tax, gainBudget: empty ? undefined : next } });
  };
  return (
    <div className="settings-grid">
      <fieldset className="fieldset">
        <legend>Cash</legend>
        <NumberField
          label="Target"
          unit="percent"
          value={cash.target}
          onChange={(target) => onChange({ ...s, cash: { ...cash, target } })}
        />
        <NumberField
          label="Minimum"
          unit="percent"
          value={cash.min}
          onChange={(min) => onChange({ ...s, cash: { ...cash, min } })}
        />
        <NumberField
          label="Withdrawal"
          unit="money"
          value={cash.withdrawal}
          onChange={(withdrawal) => onChange({ ...s, cash: { ...cash, withdrawal } })}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Tax</legend>
        <CheckField
          label="Harvest losses"
          checked={tax.harvestLosses}
          onChange={(harvestLosses) => onChange({ ...s, tax: { ...tax, harvestLosses } })}
        />
        <CheckField
          label="Avoid short-term gains"
          checked={tax.avoidShortTermGains}
          onChange={(avoidShortTermGains) =>
            onChange({ ...s, tax: { ...tax, avoidShortTermGains } })
          }
        />
        <NumberField
          label="Smallest loss to harvest"
          unit="money"
          value={tax.minHarvest}
          onChange={(minHarvest) => onChange({ ...s, tax: { ...tax, minHarvest } })}
        />
        <NumberField
          label="Gain budget, short term"
          unit="money"
          value={budget?.shortTerm}
          onChange={(v) => setBudget('shortTerm', v)}
        />
        <NumberField
          label="Gain budget, long term"
          unit="money"
          value={budget?.longTerm}
          onChange={(v) => setBudget('longTerm', v)}
        />
        <NumberField
          label="Gain budget, total"
          unit="money"
          value={budget?.total}
          onChange={(v) => setBudget('total', v)}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Risk and drift</legend>
        <NumberField
          label="Max tracking error"
          unit="percent"
          value={risk.maxTrackingError}
          onChange={(maxTrackingError) => onChange({ ...s, risk: { ...risk, maxTrackingError } })}
        />
        <NumberField
          label="Risk aversion"
          value={risk.riskAversion}
          hint="default 50"
          onChange={(riskAversion) => onChange({ ...s, risk: { ...risk, riskAversion } })}
        />
        <NumberField
          label="Drift threshold"
          unit="percent"
          value={s.drift?.threshold}
          hint="default 2%"
          onChange={(threshold) => onChange({ ...s, drift: { threshold } })}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Trading</legend>
        <label className="field">
          <span>Mode</span>
          <select
            value={trading.mode ?? ''}
            onChange={(e) =>
              onChange({
                ...s,
                trading: { ...trading, mode: (e.target.value || undefined) as Mode | undefined },
              })
            }
          >
            <option value="">full (default)</option>
            <option value="buyOnly">buy only</option>
            <option value="sellOnly">sell only</option>
            <option value="cashOnly">cash only</option>
          </select>
        </label>
        <NumberField
          label="Smallest trade"
          unit="money"
          value={trading.minTradeValue}
          onChange={(minTradeValue) => onChange({ ...s, trading: { ...trading, minTradeValue } })}
        />
        <NumberField
          label="Max turnover"
          unit="percent"
          value={trading.maxTurnover}
          onChange={(maxTurnover) => onChange({ ...s, trading: { ...trading, maxTurnover } })}
        />
        <CheckField
          label="Fractional shares"
          checked={trading.allowFractional}
          onChange={(allowFractional) =>
            onChange({ ...s, trading: { ...trading, allowFractional } })
          }
        />
      </fieldset>
    </div>
  );
}
