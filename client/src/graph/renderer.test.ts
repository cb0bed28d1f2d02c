import { describe, expect, it } from "vitest";

import { rendererFor, WEBGL_OVER } from "./renderer";

describe("rendererFor", () => {
  it("picks WebGL past WEBGL_OVER elements, only when the browser has WebGL 2", () => {
    expect(rendererFor(WEBGL_OVER, true)).toBe("canvas");
    expect(rendererFor(WEBGL_OVER + 1, true)).toBe("webgl");
    expect(rendererFor(3000, false)).toBe("canvas");
  });
});
