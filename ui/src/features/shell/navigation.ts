import { createContext, useContext } from "react";
import type { SectionId } from "./sections";

export type NavigateOptions = {
  /** Move keyboard focus to the new page's heading (used when the trigger disappears). */
  focusHeading?: boolean;
};

export type Navigation = {
  current: SectionId;
  navigate: (section: SectionId, options?: NavigateOptions) => void;
};

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (navigation === null) throw new Error("useNavigation must be used inside the app shell");
  return navigation;
}
