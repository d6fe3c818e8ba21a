import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import type { CalendarItem } from "../../lib/api";

/** The keyboard alternative to dragging: pick a date and a time, or send it to the backlog. */
export function MoveDialog({ item, onMove, onClose }: { item: CalendarItem; onMove: (to: string | null) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(item.localTime?.slice(0, 10) ?? "");
  const [time, setTime] = useState(item.localTime?.slice(11, 16) ?? "09:00");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async () => {
    if (!date) {
      setError(t("calendar.move.needDate"));
      return;
    }
    setBusy(true);
    await onMove(`${date}T${time || "09:00"}`);
    setBusy(false);
  };

  return (
    <div className="calendar-dialog__backdrop">
      <div
        className="calendar-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="calendar-move-title"
        data-testid="move-dialog"
        onKeyDown={(e) => {
          if (e.key === "Escape") onClose();
        }}
      >
        <h2 id="calendar-move-title" className="calendar-dialog__title">
          {t("calendar.move.title", { title: item.title })}
        </h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field label={t("calendar.move.date")} error={error}>
            {(c) => <input {...c} ref={first} type="date" className="input" value={date} onChange={(e) => setDate(e.target.value)} data-testid="move-date" />}
          </Field>
          <Field label={t("calendar.move.time")}>
            {(c) => <input {...c} type="time" className="input" value={time} onChange={(e) => setTime(e.target.value)} data-testid="move-time" />}
          </Field>
          <div className="calendar-dialog__actions">
            {item.localTime && (
              <Button onClick={() => void onMove(null)} data-testid="move-backlog">
                {t("calendar.toBacklogShort")}
              </Button>
            )}
            <Button onClick={onClose} data-testid="move-cancel">
              {t("calendar.cancel")}
            </Button>
            <Button type="submit" variant="primary" busy={busy} data-testid="move-submit">
              {t("calendar.move.submit")}
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
