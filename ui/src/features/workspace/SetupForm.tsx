import { useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import type { Language, WeekStart } from "../../lib/api";
import { useSaveWorkspace } from "../../lib/queries";
import { checkName, defaultWeekStart } from "./profile";
import type { ProfileValues } from "./profile";
import { LanguageSelect, ProfileFields, WeekStartField } from "./ProfileFields";

type SetupFormProps = {
  language: Language;
  onLanguageChange: (language: Language) => void;
  defaultTimeZone: string;
  timeZones: readonly string[];
  onBack: () => void;
};

/** First-run business profile. The language field drives the UI language right away. */
export function SetupForm({ language, onLanguageChange, defaultTimeZone, timeZones, onBack }: SetupFormProps) {
  const { t } = useTranslation();
  const save = useSaveWorkspace();
  const nameRef = useRef<HTMLInputElement>(null);
  const [submitted, setSubmitted] = useState(false);
  const [values, setValues] = useState<ProfileValues>({
    name: "",
    industry: "other",
    audience: "b2c",
    timeZone: defaultTimeZone,
  });
  // `null` = follow the language's usual first day until the user picks one.
  const [chosenWeekStart, setChosenWeekStart] = useState<WeekStart | null>(null);
  const weekStart = chosenWeekStart ?? defaultWeekStart(language);
  const nameProblem = submitted ? checkName(values.name) : null;

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (checkName(values.name) !== null) {
      nameRef.current?.focus();
      return;
    }
    save.mutate({
      name: values.name.trim(),
      industry: values.industry,
      audience: values.audience,
      timeZone: values.timeZone,
      language,
      weekStart,
    });
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-labelledby="setup-title">
      <h2 className="form__title" id="setup-title">
        {t("setup.title")}
      </h2>
      <p className="form__intro">{t("setup.intro")}</p>
      <ProfileFields
        idPrefix="setup"
        values={values}
        onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
        nameProblem={nameProblem}
        nameRef={nameRef}
        timeZones={timeZones}
      />
      <LanguageSelect testId="setup-language" label={t("profile.language")} value={language} onChange={onLanguageChange} />
      <WeekStartField idPrefix="setup" value={weekStart} onChange={setChosenWeekStart} />
      {save.error && <Alert message={save.error.message} />}
      <div className="form__actions">
        <Button variant="ghost" onClick={onBack} disabled={save.isPending} data-testid="setup-back">
          {t("welcome.back")}
        </Button>
        <Button variant="primary" type="submit" busy={save.isPending} data-testid="setup-submit">
          {save.isPending ? t("setup.submitting") : t("setup.submit")}
        </Button>
      </div>
    </form>
  );
}
