import type { ComponentPropsWithRef } from "react";
import { cx } from "./cx";
import { Spinner } from "./Spinner";

type ButtonProps = ComponentPropsWithRef<"button"> & {
  variant?: "primary" | "secondary" | "ghost";
  /** Disables the button and shows a spinner while work is running. */
  busy?: boolean;
};

export function Button({
  variant = "secondary",
  busy = false,
  disabled,
  className,
  type = "button",
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx("button", `button--${variant}`, className)}
      disabled={disabled === true || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <Spinner className="spinner--inline" />}
      {children}
    </button>
  );
}
