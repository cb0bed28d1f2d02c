/**
 * Which Cytoscape renderer draws a picture, by its size and the browser's WebGL. Past LARGE elements the 2D canvas
 * simplifies while moving (edges hidden, a texture of the picture while panning); past WEBGL_OVER, Cytoscape's WebGL
 * renderer draws it when the browser has hardware WebGL 2. Software WebGL (SwiftShader, llvmpipe: a machine without a
 * GPU, or headless Chromium) is slower than the 2D canvas: on the 2-core benchmark machine it panned 3,000 elements at
 * 3.6 FPS where the 2D canvas's texture panned at 55, so it is used only when asked for (`webgl=any` in the URL).
 */
export const LARGE = 600;
export const WEBGL_OVER = 1000;

export type Renderer = "webgl" | "canvas";
/** What WebGL 2 the browser has: on a GPU, a software rasteriser, or none. */
export type WebglSupport = "hardware" | "software" | "none";

/** Whether a WebGL renderer string (UNMASKED_RENDERER_WEBGL) names a software rasteriser. */
export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(name);
}

/** The renderer for a picture of `count` elements (nodes + edges); `anyWebgl` accepts software WebGL too. */
export function rendererFor(count: number, webgl: WebglSupport, anyWebgl = false): Renderer {
  const usable = webgl === "hardware" || (anyWebgl && webgl === "software");
  return count > WEBGL_OVER && usable ? "webgl" : "canvas";
}
