declare module "cytoscape-svg" {
  import type cytoscape from "cytoscape";
  const ext: cytoscape.Ext;
  export default ext;
}

declare namespace cytoscape {
  interface Core {
    /** From cytoscape-svg: the graph as an SVG document string. */
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
