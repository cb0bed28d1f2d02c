import { describe, expect, it } from "vitest";

import { parseViewDefinition } from "./discover.views.js";

/** As PostgreSQL 15 prints Pagila's `customer_list` with an empty search_path. */
const CUSTOMER_LIST = ` SELECT cu.customer_id AS id,
    (cu.first_name || ' '::text) || cu.last_name AS name,
    a.address,
    a.postal_code AS "zip code",
    a.phone,
    city.city,
    country.country,
        CASE
            WHEN cu.activebool THEN 'active'::text
            ELSE ''::text
        END AS notes,
    cu.store_id AS sid
   FROM public.customer cu
     JOIN public.address a ON cu.address_id = a.address_id
     JOIN public.city ON a.city_id = city.city_id
     JOIN public.country ON city.country_id = country.country_id;`;

const PAGILA = new Set(["public.customer", "public.address", "public.city", "public.country", "public.t"]);
const inPagila = (q: { schema: string; name: string }) => PAGILA.has(`${q.schema}.${q.name}`);

describe("parseViewDefinition", () => {
  it("maps each alias, and each unaliased relation's own name, to its schema-qualified relation", () => {
    const { aliases } = parseViewDefinition(CUSTOMER_LIST, inPagila);
    expect(Object.fromEntries(aliases)).toEqual({
      cu: { schema: "public", name: "customer" },
      a: { schema: "public", name: "address" },
      city: { schema: "public", name: "city" },
      country: { schema: "public", name: "country" },
    });
  });

  it("tells plain column references from computed columns, in the select list's order", () => {
    const { targets } = parseViewDefinition(CUSTOMER_LIST, inPagila);
    expect(targets!.map((t) => (t.plain ? `${t.plain.qualifier}.${t.plain.column}` : `computed(${t.mentions.map((m) => `${m.qualifier}.${m.column}`).join(", ")})`))).toEqual([
      "cu.customer_id",
      "computed(cu.first_name, cu.last_name)",
      "a.address",
      "a.postal_code",
      "a.phone",
      "city.city",
      "country.country",
      "computed(cu.activebool)",
      "cu.store_id",
    ]);
  });

  it("does not read an AS inside parentheses, a string literal or a function name as a column", () => {
    const { targets } = parseViewDefinition(`SELECT CAST(t.x AS integer) AS n, 'a.b, c' AS lit, public.group_concat(t.y) AS ys, t."Mixed Case" FROM public.t`);
    expect(targets!.map((t) => [t.plain?.column ?? null, t.mentions.map((m) => m.column)])).toEqual([
      [null, ["x"]],
      [null, []],
      [null, ["y"]],
      ["Mixed Case", ["Mixed Case"]],
    ]);
  });

  it("reads relations listed with commas and in subqueries, and gives no targets for a UNION", () => {
    const parsed = parseViewDefinition(`SELECT a.id FROM s1.a a, s2.b bb WHERE a.id IN (SELECT c.id FROM s1.c c) UNION SELECT d.id FROM s1.d d`);
    expect([...parsed.aliases.keys()]).toEqual(["a", "bb", "c", "d"]);
    expect(parseViewDefinition("SELECT a.id, a.name FROM s1.a a", (q) => q.schema === "s1").aliases.size).toBe(1);
    expect(parsed.aliases.get("bb")).toEqual({ schema: "s2", name: "b" });
    expect(parsed.targets).toBeNull();
  });
});
