/**
 * Transfer statuses in the app's order. How each looks (badge, legend, colour, border) is defined once in the shared
 * contract (`@contract/look`), which the DPIA pack reads too; the status itself comes from the server.
 */
import type { TransferStatus } from "@contract/api";

export { TRANSFER_LOOK, type TransferLook } from "@contract/look";

/** Worst first, the order lists put vendors in: what a DPIA must address before what is settled. */
export const TRANSFER_ORDER: TransferStatus[] = ["third-country", "not-stated", "adequate", "eea"];

export function transferRank(t: TransferStatus | undefined): number {
  return t ? TRANSFER_ORDER.indexOf(t) : TRANSFER_ORDER.length;
}
