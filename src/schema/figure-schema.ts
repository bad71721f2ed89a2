// A figure (actual, target, threshold) as officers type or paste it. The data-model issue adds the
// documented rule for text pasted from spreadsheets; until then only YAML numbers are accepted.
import { z } from "zod";

export const figureSchema = z.number();
