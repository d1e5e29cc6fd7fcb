/**
 * Renders Intelligent Mail barcode bars as a self-contained, accessible SVG for
 * print proofs. Pure: no I/O, no external references (no href, fonts, styles).
 */
import { decodeImb, encodeImb } from './imb.ts';

/**
 * Nominal USPS-B-3200 dimensions in thousandths of an inch (the SVG user unit):
 * 22 bars per inch (20-24 allowed), bar width 0.020 in (±0.005), full bar 0.145 in
 * (0.125-0.165), tracker 0.048 in (0.039-0.057); ascenders and descenders extend
 * the tracker by half of the difference. Clear zone 0.125 in each side and
 * 0.028 in above and below.
 */
export const IMB_SVG_GEOMETRY = Object.freeze({
  pitch: 1000 / 22,
  barWidth: 20,
  fullHeight: 145,
  trackerHeight: 48,
  extenderHeight: (145 - 48) / 2,
  clearSide: 125,
  clearTopBottom: 28,
});

export interface ImbSvgOptions {
  /** Accessible name (the SVG's <title>). Default: "Intelligent Mail barcode" and the decoded tracking and routing codes. */
  title?: string;
}

/** `bars` must decode (either way up); otherwise the ImbError from decodeImb is thrown. */
export function renderImbSvg(bars: string, opts: ImbSvgOptions = {}): string {
  const decoded = decodeImb(bars);
  const title = opts.title ?? `Intelligent Mail barcode ${decoded.tracking}${decoded.routingCode ? ` routing ${decoded.routingCode}` : ''}`;
  const g = IMB_SVG_GEOMETRY;
  const width = 2 * g.clearSide + 64 * g.pitch + g.barWidth;
  const height = 2 * g.clearTopBottom + g.fullHeight;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${num(width / 1000)}in" height="${num(height / 1000)}in" viewBox="0 0 ${num(width)} ${num(height)}" shape-rendering="crispEdges">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${num(width)}" height="${num(height)}" fill="#fff"/>`,
    `<g fill="#000">`,
    ...[...bars].map((bar, i) => barRect(bar, i)),
    `</g>`,
    `</svg>`,
  ].join('\n');
}

/** The proof SVG of a tracking code (+ routing code); throws ImbError when they are invalid. */
export function renderImbSvgFor(tracking: string, routing = '', opts: ImbSvgOptions = {}): string {
  return renderImbSvg(encodeImb(tracking, routing), opts);
}

function barRect(bar: string, index: number): string {
  const g = IMB_SVG_GEOMETRY;
  const top = g.clearTopBottom + (bar === 'F' || bar === 'A' ? 0 : g.extenderHeight);
  const bottom = g.clearTopBottom + g.fullHeight - (bar === 'F' || bar === 'D' ? 0 : g.extenderHeight);
  const x = g.clearSide + index * g.pitch;
  return `<rect x="${num(x)}" y="${num(top)}" width="${num(g.barWidth)}" height="${num(bottom - top)}"/>`;
}

/** At most three decimals, no trailing zeros: thousandths of a mil are below any printer's resolution. */
function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** Escapes markup and drops what XML 1.0 cannot carry (control characters, lone surrogates). */
function escapeXml(text: string): string {
  return text
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
