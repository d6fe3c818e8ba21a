import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field, RadioGroup } from "../../components/Field";
import { Loading } from "../../components/Spinner";
import { EMOJI_USES } from "../../lib/api";
import type { AccountDesign, AccountDesignInput, Platform } from "../../lib/api";
import { useLocalize } from "./localize";
import { useAccountDesign, useSaveAccountDesign } from "./queries";
import { countText } from "./text";

const lines = (s: string) => s.split("\n");
const joinLines = (l: string[]) => l.join("\n");

export function CompletenessMeter({ design, testId }: { design: AccountDesign; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="completeness" data-testid={testId}>
      <span className="completeness__label">{t("platforms.design.completeness", { percent: design.completeness })}</span>
      <progress className="completeness__bar" max={100} value={design.completeness} aria-label={t("platforms.design.completenessLabel")} />
    </div>
  );
}

function Editor({ platform, saved, onClose }: { platform: Platform; saved: AccountDesign; onClose: () => void }) {
  const { t } = useTranslation();
  const loc = useLocalize();
  const [form, setForm] = useState<AccountDesignInput>(saved.design);
  const [listText, setListText] = useState({
    dos: joinLines(saved.design.dos),
    donts: joinLines(saved.design.donts),
    samplePhrases: joinLines(saved.design.samplePhrases),
    toneWords: saved.design.toneWords.join(", "),
  });
  const save = useSaveAccountDesign();
  const set = (patch: Partial<AccountDesignInput>) => setForm({ ...form, ...patch });
  const err = (field: string) => (save.error ? save.error.forField(field) : null);
  const bioLimit = platform.textLimits.bio;
  const bioLength = countText(bioLimit.counting, form.bio.trim());
  const bioOver = bioLength > bioLimit.max;
  const current = save.data ?? saved;

  const submit = () => {
    save.mutate({
      ...form,
      toneWords: listText.toneWords.split(/[,、]/).map((s) => s.trim()),
      dos: lines(listText.dos),
      donts: lines(listText.donts),
      samplePhrases: lines(listText.samplePhrases),
    });
  };

  const textarea = (field: "dos" | "donts" | "samplePhrases", testId: string) => (
    <Field label={t(`platforms.design.${field}`)} hint={t("platforms.design.oneByLine")} error={err(field)}>
      {(control) => (
        <textarea
          {...control}
          className="input"
          rows={3}
          value={listText[field]}
          onChange={(e) => setListText({ ...listText, [field]: e.target.value })}
          data-testid={testId}
        />
      )}
    </Field>
  );

  return (
    <form
      className="form design-form"
      data-testid="account-design"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="design-form__top">
        <h2 className="form__title">{t("platforms.design.title", { name: loc(platform.names) })}</h2>
        <CompletenessMeter design={current} testId="design-completeness" />
      </div>
      <Field label={t("platforms.design.concept")} hint={t("platforms.design.conceptHint")} error={err("concept")}>
        {(control) => (
          <textarea {...control} className="input" rows={2} value={form.concept} onChange={(e) => set({ concept: e.target.value })} data-testid="design-concept" />
        )}
      </Field>
      <Field label={t("platforms.design.toneWords")} hint={t("platforms.design.toneWordsHint")} error={err("toneWords")}>
        {(control) => (
          <input {...control} className="input" value={listText.toneWords} onChange={(e) => setListText({ ...listText, toneWords: e.target.value })} data-testid="design-tone" />
        )}
      </Field>
      <div className="design-form__pair">
        {textarea("dos", "design-dos")}
        {textarea("donts", "design-donts")}
      </div>
      <RadioGroup
        legend={t("platforms.design.emojiUse")}
        name="design-emoji"
        value={form.emojiUse}
        options={EMOJI_USES.map((e) => ({ value: e, label: t(`platforms.emoji.${e}`) }))}
        onChange={(emojiUse) => set({ emojiUse })}
        testIdPrefix="design-emoji"
      />
      {textarea("samplePhrases", "design-phrases")}
      <Field label={t("platforms.design.bio")} hint={t(`platforms.counting.${bioLimit.counting}`)} error={err("bio")}>
        {(control) => (
          <textarea {...control} className="input" rows={3} value={form.bio} onChange={(e) => set({ bio: e.target.value })} data-testid="design-bio" />
        )}
      </Field>
      <p className={bioOver ? "counter counter--over" : "counter"} data-testid="design-bio-count" aria-live="polite">
        {t("platforms.design.bioCount", { length: bioLength, limit: bioLimit.max })}
      </p>
      <div className="design-form__pair">
        <Field label={t("platforms.design.handle")} error={err("handle")}>
          {(control) => <input {...control} className="input" value={form.handle} onChange={(e) => set({ handle: e.target.value })} data-testid="design-handle" />}
        </Field>
        <Field label={t("platforms.design.link")} hint={t(`platforms.link.${platform.links.inPost}`)} error={err("link")}>
          {(control) => <input {...control} className="input" type="url" value={form.link} onChange={(e) => set({ link: e.target.value })} data-testid="design-link" />}
        </Field>
      </div>
      <fieldset className="field field--group">
        <legend className="field__label">{t("platforms.design.checklist")}</legend>
        {err("checklistDone") && <p className="field__error">{err("checklistDone")}</p>}
        <div className="check-grid">
          {current.checklist.map((c) => (
            <label key={c.placement} className="check">
              <input
                type="checkbox"
                checked={form.checklistDone.includes(c.placement)}
                onChange={() =>
                  set({
                    checklistDone: form.checklistDone.includes(c.placement)
                      ? form.checklistDone.filter((p) => p !== c.placement)
                      : [...form.checklistDone, c.placement],
                  })
                }
                data-testid={`design-check-${c.placement}`}
              />
              <span>
                {t(`platforms.placement.${c.placement}`)} — {c.width}×{c.height} ({c.aspect})
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t("platforms.design.pinnedPost")} hint={t("platforms.design.pinnedHint")} error={err("pinnedPost")}>
        {(control) => (
          <textarea {...control} className="input" rows={2} value={form.pinnedPost} onChange={(e) => set({ pinnedPost: e.target.value })} data-testid="design-pinned" />
        )}
      </Field>
      {save.error && !save.error.field && <Alert message={save.error.message} />}
      <StatusMessage message={save.isSuccess ? t("platforms.design.saved") : null} testId="design-saved" />
      <div className="form__actions form__actions--start">
        <Button variant="primary" type="submit" busy={save.isPending} data-testid="design-save">
          {t("platforms.design.save")}
        </Button>
        <Button variant="ghost" onClick={onClose} data-testid="design-close">
          {t("platforms.design.back")}
        </Button>
      </div>
    </form>
  );
}

/** Account design for one active platform, with a live bio counter and completeness meter. */
export function AccountDesignEditor({ platform, onClose }: { platform: Platform; onClose: () => void }) {
  const { t } = useTranslation();
  const design = useAccountDesign(platform.id);
  if (design.isPending) return <Loading label={t("platforms.loading")} />;
  if (design.error) return <Alert message={design.error.message} onRetry={() => void design.refetch()} />;
  return <Editor key={platform.id} platform={platform} saved={design.data} onClose={onClose} />;
}
