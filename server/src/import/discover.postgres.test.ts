import { describe, expect, it } from "vitest";

import { suggestCategory } from "./discover.postgres.js";

describe("suggestCategory", () => {
  it.each([
    ["users", "email", "varchar", "email-address"],
    ["users", "contactEmail", "text", "email-address"],
    ["users", "phone_number", "text", "phone-number"],
    ["users", "mobile", "text", "phone-number"],
    ["users", "first_name", "text", "name"],
    ["users", "lastName", "text", "name"],
    ["customers", "name", "text", "name"],
    ["addresses", "street", "text", "postal-address"],
    ["addresses", "postcode", "text", "postal-address"],
    ["sessions", "ip_address", "text", "ip-address"],
    ["sessions", "origin", "inet", "ip-address"],
    ["users", "date_of_birth", "date", "date-of-birth"],
    ["users", "dob", "date", "date-of-birth"],
    ["users", "gender", "text", "gender"],
    ["users", "username", "text", "username"],
    ["users", "password_hash", "text", "password"],
    ["payments", "iban", "text", "financial-information"],
  ])("%s.%s (%s) → %s", (table, column, type, category) => {
    expect(suggestCategory(table, column, type)).toBe(category);
  });

  it.each([
    ["users", "created_at", "timestamptz"],
    ["users", "updated_at", "timestamptz"],
    ["products", "name", "text"],
    ["orders", "status", "text"],
    ["orders", "total", "numeric"],
    ["users", "id", "int4"],
    ["orders", "description", "text"],
  ])("%s.%s (%s) → nothing", (table, column, type) => {
    expect(suggestCategory(table, column, type)).toBeUndefined();
  });
});
