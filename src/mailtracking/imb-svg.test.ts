import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeImb, flipBars, ImbError } from './imb.ts';
import { IMB_SVG_GEOMETRY, renderImbSvg } from './imb-svg.ts';

const TRACKING = '01234567094987654321';
const BARS = 'DTTAFADDTTFTDTFTFDTDDADADAFADFATDDFTAAAFDTTADFAAATDFDTDFADDDTDFFT'; // spec vector, routing 01234
const G = IMB_SVG_GEOMETRY;

interface Rect { x: number; y: number; width: number; height: number }

/** The bar rectangles (inside the <g>), in document order. */
function barRects(svg: string): Rect[] {
  const group = /<g fill="#000">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [...group.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"\/>/g)]
    .map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) }));
}

/** Reads the bars back from the drawing: a bar has an ascender if it reaches the top, a descender if it reaches the bottom. */
function barsFromRects(rects: Rect[]): string {
  const top = G.clearTopBottom;
  const bottom = G.clearTopBottom + G.fullHeight;
  return rects.map((r) => {
    const ascender = Math.abs(r.y - top) < 0.01;
    const descender = Math.abs(r.y + r.height - bottom) < 0.01;
    return ascender && descender ? 'F' : ascender ? 'A' : descender ? 'D' : 'T';
  }).join('');
}

describe('renderImbSvg', () => {
  const svg = renderImbSvg(BARS);

  it('is an SVG image with role="img" and a <title> naming the decoded codes', () => {
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" /);
    assert.match(svg, /<\/svg>$/);
    const afterOpen = svg.slice(svg.indexOf('>') + 1).trimStart();
    assert.ok(afterOpen.startsWith(`<title>Intelligent Mail barcode ${TRACKING} routing 01234</title>`), 'title is the first child');
  });

  it('names a barcode without routing by its tracking code only', () => {
    assert.match(renderImbSvg(encodeImb(TRACKING)), new RegExp(`<title>Intelligent Mail barcode ${TRACKING}</title>`));
  });

  it('uses and escapes a custom title', () => {
    const custom = renderImbSvg(BARS, { title: 'Ballot <Smith & "Jones"> \u0007\ud800' });
    assert.match(custom, /<title>Ballot &#60;Smith &#38; &#34;Jones&#34;&#62; \ufffd<\/title>/);
  });

  it('draws 65 bars of constant width and pitch that read back as the input', () => {
    const rects = barRects(svg);
    assert.equal(rects.length, 65);
    assert.equal(barsFromRects(rects), BARS);
    for (const [i, r] of rects.entries()) {
      assert.equal(r.width, G.barWidth);
      assert.ok(Math.abs(r.x - (G.clearSide + i * G.pitch)) < 0.001, `bar ${i + 1} at constant pitch`);
    }
  });

  it('gives each bar type its USPS-B-3200 height and vertical position', () => {
    const rects = barRects(svg);
    const expected = {
      F: { y: G.clearTopBottom, height: G.fullHeight },
      A: { y: G.clearTopBottom, height: G.trackerHeight + G.extenderHeight },
      D: { y: G.clearTopBottom + G.extenderHeight, height: G.trackerHeight + G.extenderHeight },
      T: { y: G.clearTopBottom + G.extenderHeight, height: G.trackerHeight },
    };
    for (const [i, r] of rects.entries()) {
      const want = expected[BARS[i] as keyof typeof expected];
      assert.ok(Math.abs(r.y - want.y) < 0.001 && Math.abs(r.height - want.height) < 0.001, `bar ${i + 1} (${BARS[i]})`);
    }
  });

  it('uses nominal dimensions inside the spec tolerances, in inches', () => {
    assert.ok(G.barWidth >= 15 && G.barWidth <= 25);
    assert.ok(1000 / G.pitch >= 20 && 1000 / G.pitch <= 24);
    assert.ok(G.fullHeight >= 125 && G.fullHeight <= 165);
    assert.ok(G.trackerHeight >= 39 && G.trackerHeight <= 57);
    assert.equal(G.trackerHeight + 2 * G.extenderHeight, G.fullHeight);
    assert.match(svg, /width="3\.179in" height="0\.201in" viewBox="0 0 3179\.091 201"/);
  });

  it('has no external references, scripts or styles', () => {
    const withoutNamespace = svg.replace('xmlns="http://www.w3.org/2000/svg"', '');
    for (const forbidden of ['href', 'url(', 'http', '<image', '<script', '<style', '<use', '<foreignObject', '@import']) {
      assert.ok(!withoutNamespace.includes(forbidden), forbidden);
    }
  });

  it('renders bars given upside down as they were given', () => {
    const flipped = flipBars(BARS);
    assert.equal(barsFromRects(barRects(renderImbSvg(flipped))), flipped);
  });

  it('refuses bars that do not decode, with the decoder error', () => {
    for (const [bars, code] of [['F', 'imb_bars_length'], [BARS.toLowerCase(), 'imb_bars_character'], ['T'.repeat(65), 'imb_bars_damaged']]) {
      assert.throws(() => renderImbSvg(bars!), (err: unknown) => err instanceof ImbError && err.code === code);
    }
  });
});
