import { useRef, useState } from "react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import type { AppError, CalDavConnection, CalDavInput } from "../../lib/api";
import {
  useAddCaldav,
  useConnections,
  useRemoveConnection,
  useSecureStoreStatus,
  useTestCaldav,
  useTestSaved,
} from "./queries";

const EMPTY: CalDavInput = { label: "", url: "", username: "", password: "" };

/** Settings → Connections: CalDAV calendars whose passwords live in the OS keychain. */
export function ConnectionsSection() {
  const { t } = useTranslation();
  const store = useSecureStoreStatus();
  const connections = useConnections();
  const unavailable = store.data?.available === false;
  // A removed connection leaves the list: keep keyboard focus in the section.
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section className="card settings-section" aria-labelledby="settings-connections-title" data-testid="settings-connections">
      <h2 className="settings-section__title" id="settings-connections-title" ref={heading} tabIndex={-1}>
        {t("connections.title")}
      </h2>
      <p className="settings-section__intro">{t("connections.intro")}</p>

      {unavailable && (
        <div className="connections-banner" role="alert" data-testid="connections-no-secure-store">
          <p className="connections-banner__title">{t("connections.noStore.title")}</p>
          <p>{t("connections.noStore.body")}</p>
          {store.data?.message && <p className="connections-banner__detail">{store.data.message}</p>}
          <Button onClick={() => void store.refetch()} busy={store.isFetching} data-testid="connections-store-retry">
            {t("connections.noStore.retry")}
          </Button>
        </div>
      )}
      {store.isError && <Alert message={store.error.message} />}

      {connections.isPending && <Spinner />}
      {connections.isError && (
        <Alert message={connections.error.message} onRetry={() => void connections.refetch()} retrying={connections.isFetching} />
      )}
      {connections.data && connections.data.length === 0 && !unavailable && (
        <p className="connections-empty" data-testid="connections-empty">
          {t("connections.empty")}
        </p>
      )}
      {connections.data && connections.data.length > 0 && (
        <ul className="connections-list" data-testid="connections-list">
          {connections.data.map((c) => (
            <ConnectionRow key={c.connection.id} item={c} onRemoved={() => heading.current?.focus()} />
          ))}
        </ul>
      )}

      <AddConnectionForm disabled={unavailable} />
    </section>
  );
}

function ConnectionRow({ item, onRemoved }: { item: CalDavConnection; onRemoved: () => void }) {
  const { t } = useTranslation();
  const test = useTestSaved();
  const remove = useRemoveConnection();
  const [confirming, setConfirming] = useState(false);
  const c = item.connection;
  return (
    <li className="connections-item" data-testid={`connection-${c.id}`}>
      <div className="connections-item__main">
        <p className="connections-item__label">{c.label}</p>
        <p className="connections-item__meta">
          {c.username} · <span className="connections-item__url">{c.url}</span>
        </p>
        <p className="connections-item__meta">{t("connections.keychainNote")}</p>
      </div>
      <div className="button-row">
        <Button
          busy={test.isPending}
          onClick={() => test.mutate(c.id)}
          data-testid={`connection-test-${c.id}`}
          aria-label={`${t("connections.test")}: ${c.label}`}
        >
          {t("connections.test")}
        </Button>
        <Button
          variant="ghost"
          onClick={() => setConfirming(true)}
          aria-expanded={confirming}
          data-testid={`connection-remove-${c.id}`}
          aria-label={`${t("connections.remove")}: ${c.label}`}
        >
          {t("connections.remove")}
        </Button>
      </div>
      {confirming && (
        <div className="confirm connections-item__confirm" role="group" aria-label={t("connections.removeTitle")}>
          <p className="confirm__title">{t("connections.removeTitle")}</p>
          <p className="confirm__body">{t("connections.removeBody")}</p>
          <div className="button-row">
            <Button
              variant="primary"
              autoFocus
              busy={remove.isPending}
              onClick={() => remove.mutate(c.id, { onSuccess: onRemoved })}
              data-testid={`connection-remove-confirm-${c.id}`}
            >
              {t("connections.removeConfirm")}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t("connections.cancel")}
            </Button>
          </div>
        </div>
      )}
      {test.error && <Alert message={test.error.message} />}
      {remove.error && <Alert message={remove.error.message} />}
      <StatusMessage message={test.isSuccess ? t("connections.testOk") : null} testId={`connection-status-${c.id}`} />
    </li>
  );
}

function AddConnectionForm({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<CalDavInput>(EMPTY);
  const test = useTestCaldav();
  const add = useAddCaldav();
  const error: AppError | null = add.error ?? test.error ?? null;
  const fieldError = (f: string) => error?.forField(f) ?? null;
  const update = (patch: Partial<CalDavInput>) => {
    setValues((v) => ({ ...v, ...patch }));
    test.reset();
    add.reset();
  };

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    test.reset();
    add.mutate(values, {
      // The password leaves the form as soon as it is in the keychain.
      onSuccess: () => setValues(EMPTY),
    });
  }

  return (
    <form className="form connections-form" onSubmit={handleSubmit} noValidate aria-labelledby="connections-add-title">
      <h3 className="settings-section__subtitle" id="connections-add-title">
        {t("connections.addTitle")}
      </h3>
      <Field label={t("connections.label")} hint={t("connections.labelHint")} error={fieldError("label")}>
        {(p) => (
          <input
            {...p}
            className="input"
            value={values.label}
            onChange={(e) => update({ label: e.target.value })}
            disabled={disabled}
            data-testid="connection-label"
          />
        )}
      </Field>
      <Field label={t("connections.url")} hint={t("connections.urlHint")} error={fieldError("url")}>
        {(p) => (
          <input
            {...p}
            className="input"
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            value={values.url}
            onChange={(e) => update({ url: e.target.value })}
            disabled={disabled}
            data-testid="connection-url"
          />
        )}
      </Field>
      <Field label={t("connections.username")} error={fieldError("username")}>
        {(p) => (
          <input
            {...p}
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={values.username}
            onChange={(e) => update({ username: e.target.value })}
            disabled={disabled}
            data-testid="connection-username"
          />
        )}
      </Field>
      <Field label={t("connections.password")} hint={t("connections.passwordHint")} error={fieldError("password")}>
        {(p) => (
          <input
            {...p}
            className="input"
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => update({ password: e.target.value })}
            disabled={disabled}
            data-testid="connection-password"
          />
        )}
      </Field>
      {error && !error.field && <Alert message={error.message} />}
      <div className="button-row">
        <Button
          busy={test.isPending}
          disabled={disabled || add.isPending}
          onClick={() => {
            add.reset();
            test.mutate(values);
          }}
          data-testid="connection-test-new"
        >
          {test.isPending ? t("connections.testing") : t("connections.test")}
        </Button>
        <Button type="submit" variant="primary" busy={add.isPending} disabled={disabled || test.isPending} data-testid="connection-add">
          {t("connections.add")}
        </Button>
      </div>
      <StatusMessage
        testId="connection-form-status"
        message={add.isSuccess ? t("connections.added") : test.isSuccess ? t("connections.testOk") : null}
      />
    </form>
  );
}
