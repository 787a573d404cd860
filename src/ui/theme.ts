import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** Relative luminance of a #rgb / #rrggbb colour, or undefined when it cannot be read. */
function luminance(color: string): number | undefined {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Follows the Office theme so the pane does not glare in a dark Excel. Hosts that report no theme
 * (older Excel, a plain browser) get the light theme.
 */
export function themeForOffice(officeTheme: Pick<Office.OfficeTheme, "bodyBackgroundColor"> | undefined | null): Theme {
  const l = officeTheme?.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : undefined;
  return l !== undefined && l < 0.5 ? webDarkTheme : webLightTheme;
}
