import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../lib/api";
import en from "./en.json";
import ja from "./ja.json";

export const resources = {
  en: { translation: en },
  ja: { translation: ja },
} as const;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: (typeof resources)["en"];
  }
}

i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: "en",
  fallbackLng: "en",
  supportedLngs: ["en", "ja"],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnEmptyString: false,
});

export function setUiLanguage(language: Language): void {
  if (i18n.resolvedLanguage !== language) void i18n.changeLanguage(language);
}

export default i18n;
