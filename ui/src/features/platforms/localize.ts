import { useTranslation } from "react-i18next";
import type { Localized } from "../../lib/api";

/** Pick the UI language's text of a catalogue value. */
export function useLocalize(): (value: Localized) => string {
  const { i18n } = useTranslation();
  const ja = i18n.language.startsWith("ja");
  return (value) => (ja ? value.ja : value.en);
}
