import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import { csvText } from "./csv.js";

describe("csvText", () => {
  it("writes a cell that a spreadsheet would run as a formula as text, quoted, with a leading apostrophe", () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "\t=1", "\r=1", "=1\n2"];
    const csv = csvText(["Name"], hostile.map((h) => [h]));

    const cells = Papa.parse<string[]>(csv, { newline: "\r\n" }).data.slice(1).map((r) => r[0]);
    expect(cells).toEqual(hostile.map((h) => `'${h}`));
    for (const line of csv.split("\r\n").slice(1, 5)) expect(line.startsWith(`"'`)).toBe(true);
  });

  it("leaves ordinary text, inner signs and numbers as they are (RFC 4180 quoting only where needed)", () => {
    const csv = csvText(["Name", "Note"], [["CMS_User.Email", 'said "hi", twice'], ["a=b", "x-y"]]);

    expect(csv).toBe('Name,Note\r\nCMS_User.Email,"said ""hi"", twice"\r\na=b,x-y');
  });
});
