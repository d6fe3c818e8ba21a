import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { useBackupNow, useRestoreFromBackup } from "../../lib/queries";

export function BackupSection() {
  const { t } = useTranslation();
  const backup = useBackupNow();
  const restore = useRestoreFromBackup();
  const [confirming, setConfirming] = useState(false);
  const restoreButton = useRef<HTMLButtonElement>(null);
  const confirmId = useId();
  const busy = backup.isPending || restore.isPending;

  function closeConfirm() {
    setConfirming(false);
    restoreButton.current?.focus();
  }

  const report = restore.data ?? null;
  const restoredMessage = report
    ? `${t("settings.backup.restored", { path: report.path })} ${t("settings.backup.safetyCopy", { path: report.safetyBackup })}`
    : null;

  return (
    <section className="card settings-section" aria-labelledby="settings-backup-title">
      <h2 className="settings-section__title" id="settings-backup-title">
        {t("settings.backup.title")}
      </h2>
      <p className="settings-section__intro">{t("settings.backup.intro")}</p>
      <div className="button-row">
        <Button
          variant="primary"
          busy={backup.isPending}
          disabled={busy}
          onClick={() => {
            restore.reset();
            backup.mutate();
          }}
          data-testid="settings-backup"
        >
          {backup.isPending ? t("settings.backup.backingUp") : t("settings.backup.backupNow")}
        </Button>
        <Button
          ref={restoreButton}
          disabled={busy}
          aria-expanded={confirming}
          aria-controls={confirming ? confirmId : undefined}
          onClick={() => {
            backup.reset();
            restore.reset();
            setConfirming(true);
          }}
          data-testid="settings-restore"
        >
          {t("settings.backup.restore")}
        </Button>
      </div>

      {confirming && (
        <div className="confirm" id={confirmId} role="group" aria-labelledby={`${confirmId}-title`}>
          <p className="confirm__title" id={`${confirmId}-title`}>
            {t("settings.backup.confirmTitle")}
          </p>
          <p className="confirm__body">{t("settings.backup.confirmBody")}</p>
          <div className="button-row">
            <Button
              variant="primary"
              autoFocus
              busy={restore.isPending}
              onClick={() => restore.mutate(undefined, { onSettled: closeConfirm })}
              data-testid="settings-restore-confirm"
            >
              {restore.isPending ? t("settings.backup.restoring") : t("settings.backup.confirm")}
            </Button>
            <Button variant="ghost" disabled={restore.isPending} onClick={closeConfirm} data-testid="settings-restore-cancel">
              {t("settings.backup.cancel")}
            </Button>
          </div>
        </div>
      )}

      {backup.error && <Alert message={backup.error.message} />}
      {restore.error && <Alert message={restore.error.message} />}
      <StatusMessage
        testId="settings-backup-status"
        message={backup.data ? t("settings.backup.saved", { path: backup.data.path }) : restoredMessage}
      />
    </section>
  );
}
