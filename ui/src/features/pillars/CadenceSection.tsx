import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import type { Cadence, Platform } from "../../lib/api";
import { useLocalize } from "../platforms/localize";
import { useActivePlatforms } from "../platforms/queries";
import { useWorkspace } from "../../lib/queries";
import { presetRange, zonedToday } from "./dates";
import { useCadenceGaps, useCadences, useSetCadence } from "./queries";

/** Posts per week and preferred times per active platform, and the weeks that fall short. */
export function CadenceSection({ today: fixedToday }: { today?: Date }) {
  const workspace = useWorkspace();
  const today = fixedToday ?? zonedToday(new Date(), workspace.data?.timeZone);
  const { t } = useTranslation();
  const localize = useLocalize();
  const { platforms, isPending } = useActivePlatforms();
  const cadences = useCadences();
  const range = presetRange("next_4_weeks", today);
  const gaps = useCadenceGaps(range.from, range.to);
  const nameOf = (id: string) => {
    const p = platforms.find((x) => x.id === id);
    return p ? localize(p.names) : id;
  };

  return (
    <section className="card pillars-section" aria-labelledby="cadence-title" data-testid="cadence-section">
      <h2 className="pillars-section__title" id="cadence-title">
        {t("pillars.cadence.title")}
      </h2>
      <p className="pillars-section__intro">{t("pillars.cadence.intro")}</p>
      {cadences.isError && <Alert title={t("pillars.cadence.loadError")} message={cadences.error.message} />}
      {!isPending && platforms.length === 0 && <p className="mix-empty">{t("pillars.cadence.noPlatforms")}</p>}
      {cadences.data && (
        <ul className="cadence-list">
          {platforms.map((p) => (
            <CadenceRow
              key={`${p.id}-${JSON.stringify(cadences.data.find((c) => c.platform === p.id) ?? null)}`}
              platform={p}
              name={localize(p.names)}
              current={cadences.data.find((c) => c.platform === p.id) ?? null}
            />
          ))}
        </ul>
      )}
      <h3 className="pillars-section__subtitle">{t("pillars.cadence.gapsTitle")}</h3>
      {gaps.isError && <Alert title={t("pillars.cadence.loadError")} message={gaps.error.message} />}
      {gaps.data &&
        (gaps.data.length === 0 ? (
          <p className="mix-empty" data-testid="gaps-none">
            {t("pillars.cadence.noGaps")}
          </p>
        ) : (
          <ul className="gap-list" data-testid="gaps">
            {gaps.data.map((g) => (
              <li key={`${g.platform}-${g.weekStart}`}>
                {t("pillars.cadence.gap", {
                  platform: nameOf(g.platform),
                  date: g.weekStart,
                  planned: g.planned,
                  target: g.target,
                })}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function CadenceRow({ platform, name, current }: { platform: Platform; name: string; current: Cadence | null }) {
  const { t } = useTranslation();
  const [posts, setPosts] = useState(String(current?.postsPerWeek ?? 0));
  const [slots, setSlots] = useState((current?.timeSlots ?? []).join(", "));
  const save = useSetCadence();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({
      platform: platform.id,
      postsPerWeek: Number.parseInt(posts, 10) || 0,
      timeSlots: slots
        .split(/[,、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    });
  };
  const err = save.error;
  return (
    <li className="cadence-row" data-testid={`cadence-${platform.id}`}>
      <form onSubmit={submit} className="cadence-row__form">
        <h3 className="cadence-row__name">{name}</h3>
        <Field label={t("pillars.cadence.postsPerWeek")} error={err?.forField("postsPerWeek") ?? null}>
          {(c) => (
            <input
              {...c}
              className="input cadence-row__number"
              type="number"
              min={0}
              max={50}
              value={posts}
              onChange={(e) => setPosts(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t("pillars.cadence.timeSlots")}
          hint={t("pillars.cadence.timeSlotsHint")}
          error={err?.forField("timeSlots") ?? null}
        >
          {(c) => <input {...c} className="input" value={slots} onChange={(e) => setSlots(e.target.value)} />}
        </Field>
        <Button type="submit" busy={save.isPending}>
          {t("pillars.cadence.save")}
        </Button>
      </form>
      {err && !err.field && <p className="field__error">{err.message}</p>}
      <StatusMessage message={save.isSuccess ? t("pillars.cadence.saved", { platform: name }) : null} />
    </li>
  );
}
