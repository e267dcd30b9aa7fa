import { Resvg } from '@resvg/resvg-js';
import { chartScene, chartSvg, type ChartSpec } from './charts.js';
import { FONT_FAMILY, FONT_FILES } from './fonts.js';

// Apart from charts.ts, whose SVG the web pages use: only the DOCX renderer rasterizes charts,
// so resvg's native library is loaded when a DOCX is first rendered, not with the server.

/** The chart as a PNG, `scale` times the scene's size (1.5: about 150 dpi at page width). */
export function chartPng(
  spec: ChartSpec,
  scale = 1.5,
): { png: Buffer; width: number; height: number } {
  const scene = chartScene(spec);
  const svg = chartSvg(spec);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(scene.width * scale) },
    font: {
      // The faces charts use (not semibold): each one loaded is parsed on every render.
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold, FONT_FILES.italic],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
    },
  });
  return { png: resvg.render().asPng(), width: scene.width, height: scene.height };
}
