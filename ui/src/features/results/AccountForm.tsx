import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { saveAccountMetrics } from "../../lib/api";
import type { AccountMetrics, AccountMetricsInput, AppError } from "../../lib/api";
import { platformLabel } from "../strategy/labels";
import { addDaysIso } from "./format";
import { parseCount } from "./QuickEntry";

const FIELDS = ["followers", "profileVisits", "webSessions", "ordersLeads"] as const;
type NumField = (typeof FIELDS)[number];

/** Account-level numbers for one platform and one week (followers, visits, sessions, orders). */
export function AccountForm({ platforms, today }: { platforms: string[]; today: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const choices = platforms.length > 0 ? platforms : ["instagram"];
  const [platform, setPlatform] = useState(choices[0] ?? "instagram");
  const [periodEnd, setPeriodEnd] = useState(addDaysIso(today, -1));
  const [values, setValues] = useState<Record<NumField, string>>({ followers: "", profileVisits: "", webSessions: "", ordersLeads: "" });
  const [bad, setBad] = useState<NumField[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const save = useMutation<AccountMetrics, AppError, AccountMetricsInput>({
    mutationFn: saveAccountMetrics,
    onSuccess: (m) => {
      setStatus(t("results.account.saved", { platform: platformLabel(m.platform), end: m.periodEnd }));
      void qc.invalidateQueries({ queryKey: ["results", "summary"] });
    },
    onError: (e) => setStatus(e.message),
  });

  function submit() {
    const parsed = FIELDS.map((f) => [f, parseCount(values[f])] as const);
    const invalid = parsed.filter(([, v]) => v === "invalid").map(([f]) => f);
    setBad(invalid);
    if (invalid.length > 0) return;
    const num = (f: NumField) => {
      const v = parsed.find(([k]) => k === f)?.[1];
      return typeof v === "number" ? v : null;
    };
    save.mutate({
      platform,
      periodStart: addDaysIso(periodEnd, -6),
      periodEnd,
      followers: num("followers"),
      profileVisits: num("profileVisits"),
      webSessions: num("webSessions"),
      ordersLeads: num("ordersLeads"),
    });
  }

  return (
    <form
      className="account-form"
      data-testid="account-form"
      aria-labelledby="account-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id="account-form-title">{t("results.account.title")}</h3>
      <p className="results-section__hint">{t("results.account.hint")}</p>
      <div className="account-form__grid">
        <Field label={t("results.account.platform")}>
          {(c) => (
            <select {...c} className="input select" value={platform} onChange={(e) => setPlatform(e.target.value)}>
              {choices.map((p) => (
                <option key={p} value={p}>
                  {platformLabel(p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("results.account.weekEnding")}>
          {(c) => <input {...c} type="date" className="input" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} />}
        </Field>
        {FIELDS.map((f) => (
          <Field key={f} label={t(`results.account.${f}`)} error={bad.includes(f) ? t("results.entry.invalid") : null}>
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="numeric"
                value={values[f]}
                data-testid={`account-${f}`}
                onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
              />
            )}
          </Field>
        ))}
      </div>
      <div>
        <Button type="submit" variant="primary" busy={save.isPending} data-testid="account-save">
          {t("results.account.save")}
        </Button>
      </div>
      <StatusMessage message={status} testId="account-status" />
    </form>
  );
}
