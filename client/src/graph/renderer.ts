/**
 * Which Cytoscape renderer draws a picture, by its size. Past LARGE elements the 2D canvas simplifies while moving
 * (edges hidden, a texture while panning); past WEBGL_OVER, Cytoscape's WebGL renderer draws it when the browser has
 * WebGL 2: the 2D canvas redraws every element each frame, which panned a 1,187-element trace at 13.5 FPS.
 */
export const LARGE = 600;
export const WEBGL_OVER = 1000;

export type Renderer = "webgl" | "canvas";

/** The renderer for a picture of `count` elements (nodes + edges), given whether the browser has WebGL 2. */
export function rendererFor(count: number, webgl2: boolean): Renderer {
  return count > WEBGL_OVER && webgl2 ? "webgl" : "canvas";
}
