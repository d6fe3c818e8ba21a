import { useTranslation } from "react-i18next";
import { Button } from "./Button";
import { Icon } from "./icons";

type AlertProps = {
  message: string;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
};

/** An error the user should notice; the message comes from Rust and is already a sentence. */
export function Alert({ message, title, onRetry, retrying = false }: AlertProps) {
  const { t } = useTranslation();
  return (
    <div className="alert" role="alert">
      <Icon name="alert" className="alert__icon" />
      <div className="alert__body">
        {title && <p className="alert__title">{title}</p>}
        <p className="alert__message">{message}</p>
      </div>
      {onRetry && (
        <Button className="alert__action" onClick={onRetry} busy={retrying}>
          {t("app.retry")}
        </Button>
      )}
    </div>
  );
}

/** A polite live region that is always present, so later messages are announced. */
export function StatusMessage({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <div className="status" role="status" data-testid={testId}>
      {message && (
        <p className="status__message">
          <Icon name="check" className="status__icon" />
          <span>{message}</span>
        </p>
      )}
    </div>
  );
}
