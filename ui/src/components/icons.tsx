// One consistent line-icon set (24×24, 1.75 stroke, round joins), plus the app mark.
// Colours come from CSS (currentColor and token-based classes), never inline styles.
import { useId } from "react";
import type { ReactNode } from "react";

const PATHS = {
  plan: (
    <>
      <circle cx="5.5" cy="5.5" r="2" />
      <circle cx="18.5" cy="18.5" r="2" />
      <path d="M7.5 5.5h8a3.25 3.25 0 0 1 0 6.5h-7a3.25 3.25 0 0 0 0 6.5h8" />
    </>
  ),
  objectives: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <circle cx="12" cy="12" r="4.5" />
      <circle cx="12" cy="12" r="0.75" />
    </>
  ),
  personas: (
    <>
      <circle cx="12" cy="8" r="3.75" />
      <path d="M4.75 20.25a7.25 7.25 0 0 1 14.5 0" />
    </>
  ),
  platforms: (
    <>
      <rect x="3.5" y="3.5" width="7" height="7" rx="1.75" />
      <rect x="13.5" y="3.5" width="7" height="7" rx="1.75" />
      <rect x="3.5" y="13.5" width="7" height="7" rx="1.75" />
      <path d="M17 14v6M14 17h6" />
    </>
  ),
  pillars: (
    <>
      <path d="M3.5 20.5h17M4.5 8 12 4l7.5 4" />
      <path d="M6.5 10.5v7M10 10.5v7M14 10.5v7M17.5 10.5v7" />
    </>
  ),
  calendar: (
    <>
      <rect x="3.5" y="5" width="17" height="15.5" rx="2.25" />
      <path d="M3.5 10h17M8 3v4M16 3v4M7.5 14h2M11 14h2M14.5 14h2M7.5 17h2M11 17h2" />
    </>
  ),
  media: (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2.25" />
      <circle cx="9" cy="9.75" r="1.75" />
      <path d="m20.5 15.5-4.75-4.75L6.5 19.5" />
    </>
  ),
  results: (
    <>
      <path d="M4 4v16h16" />
      <path d="m7.5 15 3.75-4 3 3L19.5 8" />
    </>
  ),
  share: (
    <>
      <circle cx="6" cy="12" r="2.5" />
      <circle cx="18" cy="6" r="2.5" />
      <circle cx="18" cy="18" r="2.5" />
      <path d="m8.25 10.9 7.5-3.8M8.25 13.1l7.5 3.8" />
    </>
  ),
  settings: (
    <>
      <path d="M4 7h9.5M18.5 7H20M4 17h3.5M12.5 17H20" />
      <circle cx="16" cy="7" r="2.25" />
      <circle cx="10" cy="17" r="2.25" />
    </>
  ),
  arrowRight: <path d="M5 12h14M13 6l6 6-6 6" />,
  alert: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5v5.25M12 16.25v.25" />
    </>
  ),
  check: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="m8.25 12.25 2.5 2.5 5-5.25" />
    </>
  ),
  folder: <path d="M3.5 7.5a2 2 0 0 1 2-2h4l2 2.25h7a2 2 0 0 1 2 2v7.75a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z" />,
  plus: <path d="M12 5.5v13M5.5 12h13" />,
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;

type IconProps = { name: IconName; className?: string };

/** A decorative line icon; the accessible name always comes from nearby text. */
export function Icon({ name, className }: IconProps) {
  return (
    <svg
      className={className ? `icon ${className}` : "icon"}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}

/** Larger, illustration-style rendering of the same icon for empty states. */
export function Illustration({ name }: { name: IconName }) {
  return (
    <svg className="illustration" viewBox="0 0 96 96" aria-hidden="true" focusable="false">
      <circle className="illustration__backdrop" cx="48" cy="50" r="42" />
      <circle className="illustration__accent" cx="76" cy="22" r="9" />
      <circle className="illustration__dot" cx="16" cy="74" r="4" />
      <g
        className="illustration__icon"
        transform="translate(24 26) scale(2)"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.25"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {PATHS[name]}
      </g>
    </svg>
  );
}

/** The Plotline mark (same shapes as icons/plotline.svg). */
export function LogoMark({ className }: { className?: string }) {
  const gradientId = `plotline-bg-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <svg className={className ?? "logo"} viewBox="64 64 896 896" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#2f7d6d" />
          <stop offset="1" stopColor="#1f5a63" />
        </linearGradient>
      </defs>
      <rect x="64" y="64" width="896" height="896" rx="208" fill={`url(#${gradientId})`} />
      <g fill="#ffffff" fillOpacity="0.16">
        <rect x="232" y="300" width="136" height="136" rx="28" />
        <rect x="444" y="300" width="136" height="136" rx="28" />
        <rect x="656" y="300" width="136" height="136" rx="28" />
        <rect x="232" y="512" width="136" height="136" rx="28" />
        <rect x="444" y="512" width="136" height="136" rx="28" />
        <rect x="656" y="512" width="136" height="136" rx="28" />
      </g>
      <polyline
        points="228,736 400,600 560,652 796,404"
        fill="none"
        stroke="#f6d58e"
        strokeWidth="56"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="228" cy="736" r="52" fill="#ffffff" />
      <circle cx="400" cy="600" r="52" fill="#ffffff" />
      <circle cx="560" cy="652" r="52" fill="#ffffff" />
      <circle cx="796" cy="404" r="64" fill="#f6d58e" stroke="#ffffff" strokeWidth="24" />
    </svg>
  );
}
