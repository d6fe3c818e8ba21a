import { useRef, useState } from "react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Loading } from "../../components/Spinner";
import type { Workspace } from "../../lib/api";
import { useSaveWorkspace, useTimeZones } from "../../lib/queries";
import { checkName, profileOf } from "../workspace/profile";
import type { ProfileWithWeekStart } from "../workspace/profile";
import { ProfileFields, WeekStartField } from "../workspace/ProfileFields";

type ProfileFormProps = {
  initial: ProfileWithWeekStart;
  timeZones: readonly string[];
  busy: boolean;
  onEdit: () => void;
  onSave: (values: ProfileWithWeekStart) => void;
};

function ProfileForm({ initial, timeZones, busy, onEdit, onSave }: ProfileFormProps) {
  const { t } = useTranslation();
  const nameRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const nameProblem = submitted ? checkName(values.name) : null;

  function update(patch: Partial<ProfileWithWeekStart>) {
    setValues((previous) => ({ ...previous, ...patch }));
    onEdit();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (checkName(values.name) !== null) {
      nameRef.current?.focus();
      return;
    }
    onSave({ ...values, name: values.name.trim() });
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label={t("settings.profile.title")}>
      <ProfileFields
        idPrefix="settings"
        values={values}
        onChange={update}
        nameProblem={nameProblem}
        nameRef={nameRef}
        timeZones={timeZones}
      />
      <WeekStartField idPrefix="settings" value={values.weekStart} onChange={(weekStart) => update({ weekStart })} />
      <div className="form__actions form__actions--start">
        <Button variant="primary" type="submit" busy={busy} data-testid="settings-save">
          {busy ? t("settings.profile.saving") : t("settings.profile.save")}
        </Button>
      </div>
    </form>
  );
}

export function ProfileSection({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const zones = useTimeZones();
  const save = useSaveWorkspace();

  let body;
  if (zones.isError) {
    body = <Alert message={zones.error.message} onRetry={() => void zones.refetch()} />;
  } else if (zones.isPending) {
    body = <Loading label={t("app.loading")} />;
  } else {
    body = (
      <ProfileForm
        // A restore (or any save) replaces the stored profile: start again from it.
        key={workspace.updatedAt}
        initial={profileOf(workspace)}
        timeZones={zones.data}
        busy={save.isPending}
        onEdit={() => {
          if (save.isSuccess || save.isError) save.reset();
        }}
        onSave={(values) => save.mutate({ ...values, language: workspace.language })}
      />
    );
  }

  return (
    <section className="card settings-section" aria-labelledby="settings-profile-title">
      <h2 className="settings-section__title" id="settings-profile-title">
        {t("settings.profile.title")}
      </h2>
      {body}
      {save.error && <Alert message={save.error.message} />}
      <StatusMessage message={save.isSuccess ? t("settings.profile.saved") : null} testId="settings-profile-status" />
    </section>
  );
}
