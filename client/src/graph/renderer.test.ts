import { describe, expect, it } from "vitest";

import { isSoftwareRenderer, rendererFor, WEBGL_OVER } from "./renderer";

describe("rendererFor", () => {
  it("picks WebGL past WEBGL_OVER elements when the browser has hardware WebGL 2", () => {
    expect(rendererFor(WEBGL_OVER, "hardware")).toBe("canvas");
    expect(rendererFor(WEBGL_OVER + 1, "hardware")).toBe("webgl");
    expect(rendererFor(3000, "none")).toBe("canvas");
  });

  it("keeps the 2D canvas on software WebGL unless asked for any WebGL", () => {
    expect(rendererFor(3000, "software")).toBe("canvas");
    expect(rendererFor(3000, "software", true)).toBe("webgl");
    expect(rendererFor(WEBGL_OVER, "software", true)).toBe("canvas");
  });
});

describe("isSoftwareRenderer", () => {
  it("knows the software rasterisers by their renderer strings", () => {
    expect(isSoftwareRenderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)")).toBe(true);
    expect(isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe(true);
    expect(isSoftwareRenderer("ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)")).toBe(false);
  });
});
