/**
 * How a transfer status looks, once for every picture: the app's graph and legend, its SVG/PNG export and the DPIA
 * pack's figure and badges. Values only, no zod: the client imports this module at run time. The status itself comes
 * from the server (each flow's `transfer`); nothing here decides it. Each mark differs by line style and words, not
 * colour alone.
 */
import type { TransferStatus } from "./api.js";
import { TRANSFER_WORDS } from "./words.js";

/** The Okabe–Ito palette: told apart by readers with any common colour vision deficiency. */
export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

export interface TransferLook {
  /** The badge's words, also the second line of a vendor or country node. */
  badge: string;
  /** What the legend says. */
  legend: string;
  /** What tooltips say. */
  meaning: string;
  colour: string;
  /** Border of the node: a dash pattern, or solid. */
  dash: number[] | null;
  borderWidth: number;
}

export const TRANSFER_LOOK: Record<TransferStatus, TransferLook> = {
  "third-country": {
    badge: TRANSFER_WORDS["third-country"],
    legend: "third country: needs a safeguard",
    meaning: "Third country without adequacy: the transfer needs a safeguard (GDPR Art. 46/49)",
    colour: OKABE_ITO.vermillion,
    dash: [6, 3],
    borderWidth: 3,
  },
  "not-stated": {
    badge: TRANSFER_WORDS["not-stated"],
    legend: "country not stated: unknown",
    meaning: "Country not stated in the inventory: unknown, to be found out",
    colour: "#6B7280",
    dash: [2, 2],
    borderWidth: 3,
  },
  adequate: {
    badge: TRANSFER_WORDS["adequate"],
    legend: "adequacy decision covers it",
    meaning: "Country with an EU adequacy decision covering this flow (GDPR Art. 45)",
    colour: OKABE_ITO.blue,
    dash: null,
    borderWidth: 2.5,
  },
  eea: { badge: TRANSFER_WORDS["eea"], legend: "inside the EEA", meaning: "Inside the European Economic Area", colour: OKABE_ITO.bluishGreen, dash: null, borderWidth: 1.5 },
};
