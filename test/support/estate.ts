/** The two-system estate fixture (test/fixtures/estate): the shop copies into the CRM, which is hosted in the US. */
import path from "node:path";

import { REPO_ROOT } from "../../server/src/inventory/paths.js";

export const ESTATE_DIR = path.join(REPO_ROOT, "test", "fixtures", "estate");
export const SHOP = path.join(ESTATE_DIR, "estate-shop.yaml");
export const CRM = path.join(ESTATE_DIR, "estate-crm.yaml");
export const ESTATE_SYSTEMS = ["estate-shop", "estate-crm"];
