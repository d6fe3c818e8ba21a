import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Icon, LogoMark } from "../../components/icons";
import { Loading, Spinner } from "../../components/Spinner";
import type { Language } from "../../lib/api";
import { LANGUAGES } from "../../lib/api";
import { useLoadSample, useSystemDefaults, useTimeZones } from "../../lib/queries";
import { SetupForm } from "./SetupForm";

type WelcomeProps = {
  language: Language;
  onLanguageChange: (language: Language) => void;
};

function LanguageToggle({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t("welcome.languageLabel")}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="segmented__option"
          aria-pressed={option === language}
          onClick={() => onChange(option)}
          data-testid={`welcome-language-${option}`}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}

function SetupStep({ language, onLanguageChange, onBack }: WelcomeProps & { onBack: () => void }) {
  const { t } = useTranslation();
  const defaults = useSystemDefaults();
  const zones = useTimeZones();
  if (defaults.isError || zones.isError) {
    const error = defaults.error ?? zones.error;
    return (
      <Alert
        message={error?.message ?? t("app.errorTitle")}
        onRetry={() => {
          void defaults.refetch();
          void zones.refetch();
        }}
      />
    );
  }
  if (defaults.isPending || zones.isPending) return <Loading label={t("app.loading")} />;
  return (
    <SetupForm
      language={language}
      onLanguageChange={onLanguageChange}
      defaultTimeZone={defaults.data.timeZone}
      timeZones={zones.data}
      onBack={onBack}
    />
  );
}

/** First run: set up your own business, or explore a sample plan. */
export function Welcome({ language, onLanguageChange }: WelcomeProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<"choose" | "setup">("choose");
  const sample = useLoadSample();
  const setupButton = useRef<HTMLButtonElement>(null);
  const returningFromSetup = useRef(false);

  useEffect(() => {
    if (step === "choose" && returningFromSetup.current) {
      returningFromSetup.current = false;
      setupButton.current?.focus();
    }
  }, [step]);

  return (
    <main className="welcome" data-testid="welcome">
      <div className="welcome__card">
        <header className="welcome__header">
          <LogoMark className="welcome__logo" />
          <div className="welcome__heading">
            <h1 className="welcome__title">{t("welcome.title")}</h1>
            <p className="welcome__subtitle">{t("welcome.subtitle")}</p>
          </div>
          <LanguageToggle language={language} onChange={onLanguageChange} />
        </header>

        {step === "choose" ? (
          <section className="welcome__choices" aria-labelledby="welcome-choices-title">
            <h2 className="welcome__choices-title" id="welcome-choices-title">
              {t("welcome.choicesLabel")}
            </h2>
            <div className="choice-grid">
              <button
                ref={setupButton}
                type="button"
                className="choice choice--primary"
                onClick={() => setStep("setup")}
                disabled={sample.isPending}
                data-testid="welcome-setup"
              >
                <Icon name="objectives" className="choice__icon" />
                <span className="choice__title">{t("welcome.setupTitle")}</span>
                <span className="choice__body">{t("welcome.setupBody")}</span>
              </button>
              <button
                type="button"
                className="choice"
                onClick={() => sample.mutate(language)}
                disabled={sample.isPending}
                aria-busy={sample.isPending || undefined}
                data-testid="welcome-sample"
              >
                <Icon name="media" className="choice__icon" />
                <span className="choice__title">{t("welcome.sampleTitle")}</span>
                <span className="choice__body">
                  {sample.isPending ? (
                    <>
                      <Spinner className="spinner--inline" /> {t("welcome.sampleLoading")}
                    </>
                  ) : (
                    t("welcome.sampleBody")
                  )}
                </span>
              </button>
            </div>
            {sample.error && <Alert message={sample.error.message} />}
          </section>
        ) : (
          <SetupStep
            language={language}
            onLanguageChange={onLanguageChange}
            onBack={() => {
              returningFromSetup.current = true;
              setStep("choose");
            }}
          />
        )}
      </div>
    </main>
  );
}
