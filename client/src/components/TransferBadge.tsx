/** The list-side twin of a vendor or country node's mark: its transfer status in words, as the server computed it. */
import type { TransferStatus } from "@contract/api";

import { TRANSFER_LOOK } from "../graph/transfer";

export function TransferBadge({ transfer }: { transfer: TransferStatus | undefined | null }) {
  if (!transfer) return null;
  const look = TRANSFER_LOOK[transfer];
  return (
    <span className={`badge badge--transfer badge--${transfer}`} title={look.meaning} data-transfer={transfer}>
      {look.badge}
    </span>
  );
}
