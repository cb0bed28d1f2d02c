/**
 * Transfer statuses as the app sorts them. How each looks (badge, legend, colour, border) is defined once in the shared
 * contract (`@contract/look`), which the DPIA pack reads too; their order too (`@contract/words`); the status itself
 * comes from the server.
 */
import type { TransferStatus } from "@contract/api";
import { TRANSFER_ORDER } from "@contract/words";

export { TRANSFER_LOOK, type TransferLook } from "@contract/look";

export function transferRank(t: TransferStatus | undefined): number {
  return t ? TRANSFER_ORDER.indexOf(t) : TRANSFER_ORDER.length;
}
