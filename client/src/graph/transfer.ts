/**
 * How a transfer status looks: the words of its badge and its mark in the graph. The status itself comes from the
 * server (each flow's `transfer`); nothing here decides it. Each mark differs by line style and text, not colour alone.
 */
import type { TransferStatus } from "@contract/api";
import { TRANSFER_WORDS } from "@contract/words";

import { OKABE_ITO } from "./kinds";

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

/** Worst first, the order lists put vendors in: what a DPIA must address before what is settled. */
export const TRANSFER_ORDER: TransferStatus[] = ["third-country", "not-stated", "adequate", "eea"];

export function transferRank(t: TransferStatus | undefined): number {
  return t ? TRANSFER_ORDER.indexOf(t) : TRANSFER_ORDER.length;
}
