import type { Attributes } from "graphology-types";
import { drawDiscNodeLabel, type NodeHoverDrawingFunction } from "sigma/rendering";

/** Sigma's hover highlight, drawn on the theme's panel colour instead of a fixed white box. */
export function themedHover(background: () => string): NodeHoverDrawingFunction<Attributes, Attributes, Attributes> {
  return (context, data, settings) => {
    const size = settings.labelSize;
    const padding = 2;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.fillStyle = background();
    context.shadowBlur = 8;
    context.shadowColor = "rgba(0, 0, 0, 0.45)";
    context.beginPath();
    context.arc(data.x, data.y, data.size + padding, 0, Math.PI * 2);
    if (typeof data.label === "string" && data.label !== "") {
      const width = context.measureText(data.label).width + 8;
      context.rect(data.x, data.y - size / 2 - padding, data.size + width, size + 2 * padding);
    }
    context.fill();
    context.shadowBlur = 0;
    drawDiscNodeLabel(context, data, settings);
  };
}
