import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Icon } from "../../components/icons";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Spinner";
import { INDUSTRY_TEMPLATES, personaFromTemplate, toPersonaInput } from "../../lib/api";
import type { IndustryTemplate, PersonaInput } from "../../lib/api";
import { usePersonas } from "../strategy/queries";
import { PersonaCard } from "./PersonaCard";
import { BLANK_PERSONA, PersonaEditor } from "./PersonaEditor";

type Mode = { kind: "list" } | { kind: "edit"; input: PersonaInput; form: "wizard" | "page" };

/** Personas: cards with evidence status, a step-by-step builder and a one-page form. */
export function PersonasPage() {
  const { t } = useTranslation();
  const personas = usePersonas();
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [status, setStatus] = useState<string | null>(null);
  const [template, setTemplate] = useState<IndustryTemplate>("cafe_bakery");
  const [templateError, setTemplateError] = useState<string | null>(null);
  const [loadingTemplate, setLoadingTemplate] = useState(false);

  const page = (children: React.ReactNode) => (
    <Page testId="page-personas" title={t("pages.personas.title")} subtitle={t("pages.personas.subtitle")}>
      <StatusMessage message={status} testId="personas-status" />
      {children}
    </Page>
  );

  if (mode.kind === "edit") {
    return page(
      <PersonaEditor
        initial={mode.input}
        mode={mode.form}
        onDone={(message) => {
          setMode({ kind: "list" });
          setStatus(message);
        }}
      />,
    );
  }

  const startFromTemplate = async () => {
    setTemplateError(null);
    setLoadingTemplate(true);
    try {
      const input = await personaFromTemplate(template);
      setMode({ kind: "edit", input, form: "page" });
    } catch (cause) {
      setTemplateError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setLoadingTemplate(false);
    }
  };

  const starters = (
    <div className="strategy-toolbar persona-starters">
      <Button
        variant="primary"
        onClick={() => setMode({ kind: "edit", input: BLANK_PERSONA, form: "wizard" })}
        data-testid="persona-wizard"
      >
        <Icon name="plus" />
        <span>{t("strategy.personas.wizard")}</span>
      </Button>
      <Button onClick={() => setMode({ kind: "edit", input: BLANK_PERSONA, form: "page" })} data-testid="persona-blank">
        {t("strategy.personas.blank")}
      </Button>
      <span className="persona-starters__template">
        <label className="visually-hidden" htmlFor="persona-template">
          {t("strategy.personas.templateLabel")}
        </label>
        <select
          id="persona-template"
          className="input select"
          value={template}
          onChange={(e) => setTemplate(e.target.value as IndustryTemplate)}
          data-testid="persona-template"
        >
          {INDUSTRY_TEMPLATES.map((tpl) => (
            <option key={tpl} value={tpl}>
              {t("strategy.personas.templateLabel")}: {t(`strategy.template.${tpl}`)}
            </option>
          ))}
        </select>
        <Button onClick={() => void startFromTemplate()} busy={loadingTemplate} data-testid="persona-use-template">
          {t("strategy.personas.useTemplate")}
        </Button>
      </span>
      {templateError && <Alert message={templateError} />}
    </div>
  );

  if (personas.isPending) return page(<Loading label={t("app.loading")} />);
  if (personas.isError) {
    return page(
      <Alert
        title={t("strategy.personas.loadError")}
        message={personas.error.message}
        onRetry={() => void personas.refetch()}
        retrying={personas.isFetching}
      />,
    );
  }
  const list = personas.data;
  if (list.length === 0) {
    return page(
      <>
        <EmptyState
          icon="personas"
          title={t("empty.personas.title")}
          body={t("empty.personas.body")}
          nextLabel={t("app.nextLabel")}
          next={t("empty.personas.next")}
        />
        {starters}
      </>,
    );
  }
  return page(
    <>
      {starters}
      <ol className="persona-grid" aria-label={t("strategy.personas.listLabel")}>
        {list.map((p, index) => (
          <PersonaCard
            key={p.id}
            persona={p}
            ids={list.map((x) => x.id)}
            index={index}
            onEdit={() => setMode({ kind: "edit", input: toPersonaInput(p), form: "page" })}
            onStatus={setStatus}
          />
        ))}
      </ol>
    </>,
  );
}
