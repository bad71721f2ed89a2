// Small inline SVG symbols. Each status has its own shape so it reads in greyscale and for
// colour-blind readers; they are decorative (aria-hidden) because the word beside them says it all.
import type { StatusShape } from "../model/labels.ts";

type Shape = StatusShape | "arrow-up" | "arrow-down" | "arrow-flat" | "arrow-none";

const paths: Record<Shape, string> = {
  circle: '<circle cx="6" cy="6" r="5"/>',
  triangle: '<path d="M6 0.8 11.4 11H0.6Z"/>',
  diamond: '<path d="M6 0.5 11.5 6 6 11.5 0.5 6Z"/>',
  dash: '<rect x="1" y="5" width="10" height="2.4"/>',
  clock:
    '<circle cx="6" cy="6" r="5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M6 3v3.4l2.2 1.4" fill="none" stroke="currentColor" stroke-width="1.4"/>',
  tick: '<path d="M1 6.5 4.5 10 11 2" fill="none" stroke="currentColor" stroke-width="2.2"/>',
  "arrow-up": '<path d="M6 0.5 11 6H7.6V11.5H4.4V6H1Z"/>',
  "arrow-down": '<path d="M6 11.5 11 6H7.6V0.5H4.4V6H1Z"/>',
  "arrow-flat": '<path d="M11.5 6 6 1V4.4H0.5V7.6H6V11Z"/>',
  "arrow-none": "",
};

export function statusShapeSvg(shape: Shape): string {
  return `<svg class="shape" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false" fill="currentColor">${paths[shape]}</svg>`;
}
