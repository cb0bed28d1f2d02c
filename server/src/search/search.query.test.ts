import { describe, expect, it } from "vitest";

import { escapeLucene, infixLuceneQuery, luceneQuery, searchTerms } from "./search.query.js";
import { nameWords } from "../inventory/inventory.graph.js";

describe("luceneQuery", () => {
  it("makes every word a required, lower-cased word start", () => {
    expect(luceneQuery("CMS us")).toBe("+cms* +us*");
  });

  it("has a fallback that looks inside words, from 3 letters, and none when every word is shorter", () => {
    expect(infixLuceneQuery("mail us")).toBe("+*mail* +us*");
    expect(infixLuceneQuery("us a")).toBeNull();
  });

  it("keeps names joined by _ or . as one word, as the index's analyser does", () => {
    expect(searchTerms("CMS_User.Email")).toEqual(["cms_user.email"]);
    expect(searchTerms("  _CMS_User. ")).toEqual(["cms_user"]);
  });

  it("drops characters Lucene would read as syntax, so no input changes the query's structure", () => {
    expect(luceneQuery('title:x OR (y* AND "z")~2 \\ /re/')).toBe("+title* +x* +or* +y* +and* +z* +2* +re*");
    expect(luceneQuery("*?!^")).toBe("");
  });

  it("keeps letters of any script", () => {
    expect(luceneQuery("Zürich Ωmega")).toBe("+zürich* +ωmega*");
  });
});

describe("escapeLucene", () => {
  it("escapes every special character", () => {
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
  });
});

describe("nameWords", () => {
  it("splits names into the words people type, for the index", () => {
    expect(nameWords("CustomerEmail")).toBe("Customer Email");
    expect(nameWords("CMS_User")).toBe("CMS User");
    expect(nameWords("KontentAi_User.Email")).toBe("Kontent Ai User Email");
    expect(nameWords("HTTPReferrer2")).toBe("HTTP Referrer2");
    expect(nameWords("plain")).toBe("plain");
  });
});
