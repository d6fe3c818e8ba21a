import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { PILLAR_COLOURS } from "../../lib/api";
import type { Objective, Persona, Pillar, PillarInput } from "../../lib/api";
import { useSavePillar } from "./queries";

export const BLANK_PILLAR: PillarInput = {
  name: "",
  description: "",
  colour: "leaf",
  personaIds: [],
  objectiveId: null,
  sortOrder: null,
};

export function toPillarInput(p: Pillar): PillarInput {
  return {
    name: p.name,
    description: p.description,
    colour: p.colour,
    personaIds: p.personaIds,
    objectiveId: p.objectiveId,
    sortOrder: p.sortOrder,
  };
}

type Props = {
  id: string | null;
  initial: PillarInput;
  personas: Persona[];
  objectives: Objective[];
  onDone: (saved: Pillar | null) => void;
};

/** Create or edit one pillar; field errors from the core show next to their field. */
export function PillarEditor({ id, initial, personas, objectives, onDone }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<PillarInput>(initial);
  const save = useSavePillar();
  const err = save.error;
  const set = (patch: Partial<PillarInput>) => setForm((f) => ({ ...f, ...patch }));
  const fieldError = (f: string) => err?.forField(f) ?? null;
  const generalError = err && !err.field ? err.message : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({ id, input: form }, { onSuccess: (p) => onDone(p) });
  };

  return (
    <form className="card pillar-editor" onSubmit={submit} data-testid="pillar-editor" noValidate>
      <h3 className="pillar-editor__title">{id ? t("pillars.editor.editTitle") : t("pillars.editor.newTitle")}</h3>
      {generalError && <Alert title={t("pillars.editor.saveError")} message={generalError} />}
      <Field label={t("pillars.editor.name")} hint={t("pillars.editor.nameHint")} error={fieldError("name")}>
        {(c) => (
          <input
            {...c}
            className="input"
            value={form.name}
            data-testid="pillar-name"
            onChange={(e) => set({ name: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t("pillars.editor.description")}
        hint={t("pillars.editor.descriptionHint")}
        error={fieldError("description")}
      >
        {(c) => (
          <textarea
            {...c}
            className="input"
            rows={2}
            value={form.description}
            data-testid="pillar-description"
            onChange={(e) => set({ description: e.target.value })}
          />
        )}
      </Field>
      <fieldset className="field field--group">
        <legend className="field__label">{t("pillars.editor.colour")}</legend>
        <div className="pillar-swatches">
          {PILLAR_COLOURS.map((c) => (
            <label key={c} className="pillar-swatch">
              <input
                type="radio"
                name="pillar-colour"
                value={c}
                checked={form.colour === c}
                onChange={() => set({ colour: c })}
              />
              <span className={`pillar-dot pillar-dot--${c}`} aria-hidden="true" />
              <span>{t(`pillars.colours.${c}`)}</span>
            </label>
          ))}
        </div>
        {fieldError("colour") && <p className="field__error">{fieldError("colour")}</p>}
      </fieldset>
      <fieldset className="field field--group">
        <legend className="field__label">{t("pillars.editor.personas")}</legend>
        {personas.length === 0 ? (
          <p className="field__hint">{t("pillars.editor.noPersonas")}</p>
        ) : (
          <div className="pillar-checks">
            {personas.map((p) => (
              <label key={p.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.personaIds.includes(p.id)}
                  onChange={(e) =>
                    set({
                      personaIds: e.target.checked
                        ? [...form.personaIds, p.id]
                        : form.personaIds.filter((x) => x !== p.id),
                    })
                  }
                />
                <span>{p.name}</span>
              </label>
            ))}
          </div>
        )}
        {fieldError("personaIds") && <p className="field__error">{fieldError("personaIds")}</p>}
      </fieldset>
      <Field label={t("pillars.editor.objective")} error={fieldError("objectiveId")}>
        {(c) => (
          <select
            {...c}
            className="input"
            value={form.objectiveId ?? ""}
            onChange={(e) => set({ objectiveId: e.target.value || null })}
          >
            <option value="">{t("pillars.editor.noObjective")}</option>
            {objectives.map((o) => (
              <option key={o.id} value={o.id}>
                {o.statement}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="pillar-editor__actions">
        <Button type="submit" variant="primary" busy={save.isPending} data-testid="pillar-save">
          {t("pillars.editor.save")}
        </Button>
        <Button onClick={() => onDone(null)}>{t("pillars.editor.cancel")}</Button>
      </div>
    </form>
  );
}
