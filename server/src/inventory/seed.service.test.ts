import { describe, expect, it } from "vitest";

import { LOAD_TRANSACTION_ROWS, transactionRowsWithin } from "./seed.service.js";

describe("transactionRowsWithin", () => {
  it("sizes a load's transactions to the server's stated transaction memory", () => {
    // Neo4j's default: 70 % of the 2 GiB heap. Scale M (~140,000 rows) still loads all or nothing; the 400,000 rows
    // allowed before needed about 1.8 GiB there.
    const atDefault = transactionRowsWithin("1.40GiB");
    expect(atDefault).toBeGreaterThan(140_000);
    expect(atDefault).toBeLessThan(250_000);
    expect(transactionRowsWithin("700MiB")).toBeLessThan(atDefault);
    expect(transactionRowsWithin("700MiB")).toBeGreaterThan(80_000);
    expect(transactionRowsWithin("16GiB")).toBe(LOAD_TRANSACTION_ROWS);
  });

  it("takes no limit ('0B') as the most rows, and a limit not stated or not understood as the default heap's", () => {
    expect(transactionRowsWithin("0B")).toBe(LOAD_TRANSACTION_ROWS);
    expect(transactionRowsWithin(null)).toBe(200_000);
    expect(transactionRowsWithin("lots")).toBe(200_000);
    expect(transactionRowsWithin("1.4 parsecs")).toBe(200_000);
  });

  it("never sizes a transaction below a thousand rows, however small the limit", () => {
    expect(transactionRowsWithin("1MiB")).toBe(1_000);
  });
});
