import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { Field, RadioGroup } from "../../components/Field";
import type { Language, WeekStart } from "../../lib/api";
import { AUDIENCES, INDUSTRIES, LANGUAGES, WEEK_STARTS } from "../../lib/api";
import { NAME_MAX_LENGTH, isIndustry, isLanguage, isWeekStart } from "./profile";
import type { NameProblem, ProfileValues } from "./profile";

type ProfileFieldsProps = {
  /** "setup" or "settings": prefixes the stable test ids. */
  idPrefix: string;
  values: ProfileValues;
  onChange: (patch: Partial<ProfileValues>) => void;
  nameProblem: NameProblem | null;
  nameRef?: Ref<HTMLInputElement>;
  timeZones: readonly string[];
};

/** Name, industry, audience and time zone: shared by first-run setup and Settings. */
export function ProfileFields({ idPrefix, values, onChange, nameProblem, nameRef, timeZones }: ProfileFieldsProps) {
  const { t } = useTranslation();
  const zones = timeZones.includes(values.timeZone) ? timeZones : [values.timeZone, ...timeZones];
  const nameError =
    nameProblem === "required"
      ? t("profile.nameRequired")
      : nameProblem === "tooLong"
        ? t("profile.nameTooLong", { max: NAME_MAX_LENGTH })
        : null;

  return (
    <>
      <Field label={t("profile.name")} hint={t("profile.nameHint")} error={nameError}>
        {(control) => (
          <input
            {...control}
            ref={nameRef}
            className="input"
            type="text"
            autoComplete="organization"
            required
            value={values.name}
            onChange={(event) => onChange({ name: event.target.value })}
            data-testid={`${idPrefix}-name`}
          />
        )}
      </Field>
      <Field label={t("profile.industry")}>
        {(control) => (
          <select
            {...control}
            className="input select"
            value={values.industry}
            onChange={(event) => {
              if (isIndustry(event.target.value)) onChange({ industry: event.target.value });
            }}
            data-testid={`${idPrefix}-industry`}
          >
            {INDUSTRIES.map((industry) => (
              <option key={industry} value={industry}>
                {t(`industry.${industry}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RadioGroup
        legend={t("profile.audience")}
        name={`${idPrefix}-audience`}
        value={values.audience}
        options={AUDIENCES.map((audience) => ({ value: audience, label: t(`audience.${audience}`) }))}
        onChange={(audience) => onChange({ audience })}
        testIdPrefix={`${idPrefix}-audience`}
      />
      <Field label={t("profile.timeZone")} hint={t("profile.timeZoneHint")}>
        {(control) => (
          <select
            {...control}
            className="input select"
            value={values.timeZone}
            onChange={(event) => onChange({ timeZone: event.target.value })}
            data-testid={`${idPrefix}-timezone`}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

export function WeekStartField({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: WeekStart;
  onChange: (value: WeekStart) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t("profile.weekStart")}>
      {(control) => (
        <select
          {...control}
          className="input select"
          value={value}
          onChange={(event) => {
            if (isWeekStart(event.target.value)) onChange(event.target.value);
          }}
          data-testid={`${idPrefix}-weekstart`}
        >
          {WEEK_STARTS.map((day) => (
            <option key={day} value={day}>
              {t(`weekStart.${day}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function LanguageSelect({
  testId,
  label,
  hint,
  value,
  onChange,
  busy = false,
}: {
  testId: string;
  label: string;
  hint?: string;
  value: Language;
  onChange: (value: Language) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <select
          {...control}
          className="input select"
          value={value}
          aria-busy={busy || undefined}
          onChange={(event) => {
            if (isLanguage(event.target.value)) onChange(event.target.value);
          }}
          data-testid={testId}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
