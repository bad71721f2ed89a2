// Colour-blind-safe colours (after Okabe & Ito), dark enough for white labels at 4.5:1.
export const statusColours = {
  green: "#00775A",
  amber: "#A35A00",
  red: "#B8321A",
  neutral: "#5F6B73",
  blue: "#0A5C9E",
} as const;

export const chartText = "#1F2328";
export const chartGrid = "#D0D7DE";
/** The bundled fonts registered with canvas; Noto Sans draws what Atkinson lacks. */
export const CHART_FONT_FAMILY = '"Atkinson Hyperlegible Next", "Noto Sans"';
