import type { Page } from "playwright-core";

/** What the page exposes on `window.notegraph`, read inside the browser. */
export interface NodeView {
  key: string;
  hidden: boolean;
  color: string;
  x: number;
  y: number;
}

export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.ready === "true");
}

/** Each node's display state and its position in the page, as sigma holds them now. */
export function nodeViews(page: Page): Promise<NodeView[]> {
  return page.evaluate(() => {
    const { graph, renderer } = (window as any).notegraph;
    const box = renderer.getContainer().getBoundingClientRect();
    return graph.nodes().map((key: string) => {
      const display = renderer.getNodeDisplayData(key);
      const point = renderer.framedGraphToViewport(display);
      return { key, hidden: Boolean(display.hidden), color: display.color, x: box.left + point.x, y: box.top + point.y };
    });
  });
}

/** Renders now and counts the nodes whose own position on the WebGL canvas holds drawn pixels. */
export function drawnNodeCount(page: Page): Promise<{ drawn: number; total: number }> {
  return page.evaluate(() => {
    const { graph, renderer } = (window as any).notegraph;
    renderer.refresh();
    const canvas = renderer.getCanvases().nodes as HTMLCanvasElement;
    const gl = (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) as WebGLRenderingContext;
    const ratio = canvas.width / canvas.clientWidth;
    // Sigma leaves its picking framebuffer bound; read what is on screen.
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    let drawn = 0;
    const pixel = new Uint8Array(4);
    graph.forEachNode((key: string) => {
      const point = renderer.framedGraphToViewport(renderer.getNodeDisplayData(key));
      const x = Math.round(point.x * ratio);
      const y = Math.round(canvas.height - point.y * ratio);
      gl.readPixels(x, y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      if ((pixel[3] ?? 0) > 0) drawn++;
    });
    return { drawn, total: graph.order };
  });
}
