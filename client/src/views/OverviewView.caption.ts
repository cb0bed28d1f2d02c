/**
 * The overview's caption: what the drawn picture holds. The systems counted are the ones chosen (loaded, inside the
 * data set); a system the data goes into that lies outside the selection or is not loaded is drawn too, and named as
 * such, never counted among the systems sharing data with the vendors.
 */
import type { Elements } from "@contract/api";

import { plural } from "../graph/elements";

export function overviewCaption(shown: Elements, vendors: number, statuses: string): string {
  const systems = shown.nodes.filter((n) => n.data.kind === "system");
  const notLoaded = systems.filter((n) => n.data.notLoaded === true).length;
  const outside = systems.filter((n) => n.data.notLoaded !== true && n.data.outside === true).length;
  const chosen = systems.length - notLoaded - outside;
  const withVendors = vendors === 0 ? "no vendor" : `${plural(vendors, "vendor")}${statuses ? `: ${statuses}` : ""}`;
  const head = `${plural(chosen, "system")} ${chosen === 1 ? "shares" : "share"} personal data with ${withVendors}`;
  const others = [outside ? `${outside} outside the selection` : "", notLoaded ? `${notLoaded} not loaded` : ""].filter(Boolean);
  return others.length ? `${head}; data goes into ${plural(outside + notLoaded, "other system")} of ours (${others.join(", ")}).` : `${head}.`;
}
