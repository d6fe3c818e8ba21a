// The incident playbook: what to do when a post causes trouble (verify → escalate →
// respond), each step with its checklist and the people to contact, who are editable.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Loading } from "../../components/Spinner";
import { INCIDENT_STEPS, deleteIncidentContact, listIncidentContacts, saveIncidentContact } from "../../lib/api";
import type { AppError, IncidentContact, IncidentContactInput, IncidentStep } from "../../lib/api";

const KEY = ["incident", "contacts"] as const;
const CHECKLIST_ITEMS = 3;

function useContacts() {
  return useQuery<IncidentContact[], AppError>({ queryKey: KEY, queryFn: () => listIncidentContacts() });
}

function useContactWriter<V>(write: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation<unknown, AppError, V>({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

const blank = (step: IncidentStep): IncidentContactInput => ({ step, name: "", role: "", phone: "", email: "", notes: "" });

export function IncidentPlaybook() {
  const { t } = useTranslation();
  const contacts = useContacts();
  const [editing, setEditing] = useState<{ id: string | null; input: IncidentContactInput } | null>(null);
  const remove = useContactWriter((id: string) => deleteIncidentContact(id));
  const [status, setStatus] = useState<string | null>(null);

  return (
    <section className="card pillars-section incident" aria-labelledby="incident-title" data-testid="incident-playbook">
      <h2 className="pillars-section__title" id="incident-title">
        {t("incident.title")}
      </h2>
      <p className="pillars-section__intro">{t("incident.intro")}</p>
      {contacts.isPending && <Loading label={t("incident.loading")} />}
      {contacts.error && <Alert message={contacts.error.message} onRetry={() => void contacts.refetch()} />}
      <p role="status" className="incident__status">
        {status}
      </p>
      {contacts.data && (
        <ol className="incident__steps">
          {INCIDENT_STEPS.map((step, i) => {
            const people = contacts.data.filter((c) => c.step === step);
            return (
              <li key={step} className="incident__step" data-testid={`incident-step-${step}`}>
                <h3 className="incident__step-title">
                  <span className="incident__step-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {t(`incident.steps.${step}.title`)}
                </h3>
                <p className="incident__step-goal">{t(`incident.steps.${step}.goal`)}</p>
                <ul className="incident__checklist">
                  {Array.from({ length: CHECKLIST_ITEMS }, (_, k) => (
                    <li key={k}>{t(`incident.steps.${step}.do${k + 1}` as "incident.steps.verify.do1")}</li>
                  ))}
                </ul>
                <h4 className="incident__contacts-title">{t("incident.contacts")}</h4>
                {people.length === 0 && <p className="incident__empty">{t("incident.noContacts")}</p>}
                <ul className="incident__contacts">
                  {people.map((c) =>
                    editing?.id === c.id ? (
                      <li key={c.id}>
                        <ContactForm id={c.id} initial={editing.input} onDone={(msg) => (setEditing(null), setStatus(msg))} />
                      </li>
                    ) : (
                      <li key={c.id} className="incident__contact" data-testid={`incident-contact-${c.id}`}>
                        <div>
                          <strong>{c.name}</strong>
                          {c.role && <span className="incident__role"> · {c.role}</span>}
                          <div className="incident__reach">
                            {c.phone && <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}>{c.phone}</a>}
                            {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
                          </div>
                          {c.notes && <p className="incident__notes">{c.notes}</p>}
                        </div>
                        <div className="incident__actions">
                          <Button
                            variant="ghost"
                            aria-label={t("incident.editNamed", { name: c.name })}
                            onClick={() => setEditing({ id: c.id, input: { step: c.step, name: c.name, role: c.role, phone: c.phone, email: c.email, notes: c.notes } })}
                          >
                            {t("incident.edit")}
                          </Button>
                          <Button
                            variant="ghost"
                            aria-label={t("incident.deleteNamed", { name: c.name })}
                            onClick={() => remove.mutate(c.id, { onSuccess: () => setStatus(t("incident.deleted", { name: c.name })) })}
                            data-testid={`incident-delete-${c.id}`}
                          >
                            {t("incident.delete")}
                          </Button>
                        </div>
                      </li>
                    ),
                  )}
                </ul>
                {editing?.id === null && editing.input.step === step ? (
                  <ContactForm id={null} initial={editing.input} onDone={(msg) => (setEditing(null), setStatus(msg))} />
                ) : (
                  <Button onClick={() => setEditing({ id: null, input: blank(step) })} data-testid={`incident-add-${step}`}>
                    {t("incident.add")}
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function ContactForm({ id, initial, onDone }: { id: string | null; initial: IncidentContactInput; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState(initial);
  const [error, setError] = useState<AppError | null>(null);
  const save = useContactWriter((v: IncidentContactInput) => saveIncidentContact(id, v));
  const set = <K extends keyof IncidentContactInput>(k: K, v: IncidentContactInput[K]) => setInput((o) => ({ ...o, [k]: v }));
  return (
    <form
      className="incident__form"
      data-testid="incident-form"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        save.mutate(input, { onSuccess: () => onDone(t("incident.saved", { name: input.name.trim() })), onError: (cause) => setError(cause) });
      }}
    >
      {error && !error.field && <Alert message={error.message} />}
      <div className="calendar-drawer__row calendar-drawer__row--two">
        <Field label={t("incident.name")} error={error?.forField("name")}>
          {(c) => <input {...c} className="input" value={input.name} onChange={(e) => set("name", e.target.value)} data-testid="incident-name" autoFocus />}
        </Field>
        <Field label={t("incident.role")}>
          {(c) => <input {...c} className="input" value={input.role} onChange={(e) => set("role", e.target.value)} data-testid="incident-role" />}
        </Field>
        <Field label={t("incident.phone")} error={error?.forField("phone")}>
          {(c) => <input {...c} type="tel" className="input" value={input.phone} onChange={(e) => set("phone", e.target.value)} data-testid="incident-phone" />}
        </Field>
        <Field label={t("incident.email")} error={error?.forField("email")}>
          {(c) => <input {...c} type="email" className="input" value={input.email} onChange={(e) => set("email", e.target.value)} data-testid="incident-email" />}
        </Field>
      </div>
      <Field label={t("incident.step")}>
        {(c) => (
          <select {...c} className="input" value={input.step} onChange={(e) => set("step", e.target.value as IncidentStep)} data-testid="incident-step">
            {INCIDENT_STEPS.map((s) => (
              <option key={s} value={s}>
                {t(`incident.steps.${s}.title`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("incident.notes")} error={error?.forField("notes")}>
        {(c) => <textarea {...c} className="input" rows={2} value={input.notes} onChange={(e) => set("notes", e.target.value)} data-testid="incident-notes" />}
      </Field>
      <div className="calendar-dialog__actions">
        <Button onClick={() => onDone(null)}>{t("calendar.cancel")}</Button>
        <Button type="submit" variant="primary" busy={save.isPending} data-testid="incident-save">
          {t("incident.save")}
        </Button>
      </div>
    </form>
  );
}
