import { describe, expect, it } from "vitest";

import { escapeLucene, luceneQuery, searchTerms } from "./search.query.js";

describe("luceneQuery", () => {
  it("makes every word required: a lower-cased prefix, ranked first, or from 3 letters a part of a word", () => {
    expect(luceneQuery("CMS us")).toBe("+(cms*^2 *cms*) +us*");
  });

  it("keeps names joined by _ or . as one word, as the index's analyser does", () => {
    expect(searchTerms("CMS_User.Email")).toEqual(["cms_user.email"]);
    expect(searchTerms("  _CMS_User. ")).toEqual(["cms_user"]);
  });

  it("drops characters Lucene would read as syntax, so no input changes the query's structure", () => {
    expect(luceneQuery('title:x OR (y* AND "z")~2 \\ /re/')).toBe("+(title*^2 *title*) +x* +or* +y* +(and*^2 *and*) +z* +2* +re*");
    expect(luceneQuery("*?!^")).toBe("");
  });

  it("keeps letters of any script", () => {
    expect(luceneQuery("Zürich Ωmega")).toBe("+(zürich*^2 *zürich*) +(ωmega*^2 *ωmega*)");
  });
});

describe("escapeLucene", () => {
  it("escapes every special character", () => {
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
  });
});
