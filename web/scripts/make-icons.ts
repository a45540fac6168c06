/**
 * Draws the app's install icons (web/public/icons/*.png) from the same mark as favicon.svg, with
 * Debian's Chromium: `npx tsx web/scripts/make-icons.ts`. The PNGs are committed; run this only
 * when the mark changes. "maskable" icons keep the mark inside the safe circle (80% of the side)
 * on a full background, since Android crops them to its own shape.
 */
import { writeFileSync } from 'node:fs';
import { launchBrowser } from '../../test/e2e/harness.ts';

const COLOUR = '#1f4e79';

function mark(size: number, maskable: boolean): string {
  const scale = maskable ? 0.8 : 1;
  const radius = 14 * scale;
  const inner = 7 * scale;
  const stroke = 3 * scale;
  const background = maskable ? `<rect width="32" height="32" fill="${COLOUR}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${background}`
    + `<circle cx="16" cy="16" r="${radius}" fill="${COLOUR}"/><circle cx="16" cy="16" r="${inner}" fill="none" stroke="#fff" stroke-width="${stroke}"/></svg>`;
}

const browser = await launchBrowser();
for (const [size, maskable, name] of [[192, false, 'icon-192.png'], [512, false, 'icon-512.png'], [512, true, 'icon-maskable-512.png'], [180, true, 'apple-touch-icon.png']] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${mark(size, maskable)}</body></html>`);
  writeFileSync(`web/public/icons/${name}`, await page.screenshot({ omitBackground: true }));
  await page.close();
}
await browser.close();
