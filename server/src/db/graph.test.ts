import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";

import { mapError } from "./graph.js";
import { DatabaseBusyError, DatabaseUnavailableError, QueryTimeoutError } from "../errors.js";

const driverError = (message: string, code: string) => new Neo4jError(message, code, "50N42", "error");

describe("mapError", () => {
  it("turns every 'not available' failure into a 503 DATABASE_UNAVAILABLE, never a 500", () => {
    const unavailable = [
      // The old driver closed under a waiting query while the embedded database restarted.
      driverError("Pool is closed, it is no more able to serve requests.", "N/A"),
      driverError("Connection was closed by server", "N/A"),
      driverError("Cannot begin a transaction on a closed session.", "N/A"),
      driverError("connect ECONNREFUSED 127.0.0.1:7687", "ServiceUnavailable"),
      driverError("session expired", "SessionExpired"),
      driverError("unexpected message", "ProtocolError"),
      driverError("database unavailable", "Neo.TransientError.General.DatabaseUnavailable"),
      driverError("database not found", "Neo.ClientError.Database.DatabaseNotFound"),
      driverError("not a leader", "Neo.ClientError.Cluster.NotALeader"),
      driverError("read only", "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase"),
      driverError("expired", "Neo.ClientError.Security.AuthorizationExpired"),
    ];
    for (const err of unavailable) {
      const mapped = mapError(err);
      expect(mapped, err.message).toBeInstanceOf(DatabaseUnavailableError);
      expect((mapped as DatabaseUnavailableError).status).toBe(503);
      expect((mapped as DatabaseUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it("keeps timeouts, busy and other transient errors apart, and leaves a real bug a bug", () => {
    expect(mapError(driverError("too slow", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"))).toBeInstanceOf(QueryTimeoutError);
    expect(mapError(driverError("Connection acquisition timed out in 2000 ms.", "N/A"))).toBeInstanceOf(DatabaseBusyError);
    expect(mapError(driverError("deadlock", "Neo.TransientError.Transaction.DeadlockDetected"))).toBeInstanceOf(DatabaseBusyError);
    const syntax = driverError("Invalid input", "Neo.ClientError.Statement.SyntaxError");
    expect(mapError(syntax)).toBe(syntax);
  });
});
