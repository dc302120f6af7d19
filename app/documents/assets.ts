import fs from 'node:fs';
import { loadBodyFont } from '../../templates/fonts.ts';
import type { Config } from '../config.ts';

export interface DocumentAssets {
  /** DOCUMENT_BODY_FONT, or null for the packaged Noto Serif SC. */
  bodyFont: Buffer | null;
  /** DOCUMENT_SEAL_IMAGE (PNG or JPEG), printed over the date on issued copies; null: no seal printed. */
  sealImage: Buffer | null;
}

const cache = new Map<string, DocumentAssets>();

/**
 * The commission's document assets named by the configuration, read once per process. A path that is not a usable
 * font or image fails loudly here (the operator's configuration), never by printing a blank seal or blank text.
 */
export function documentAssets(config: Pick<Config, 'documentBodyFont' | 'documentSealImage'>): DocumentAssets {
  const key = `${config.documentBodyFont ?? ''}\u0000${config.documentSealImage ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let sealImage: Buffer | null = null;
  if (config.documentSealImage) {
    sealImage = fs.readFileSync(config.documentSealImage);
    const png = sealImage.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const jpeg = sealImage[0] === 0xff && sealImage[1] === 0xd8;
    if (!png && !jpeg) throw new Error(`DOCUMENT_SEAL_IMAGE ${config.documentSealImage}: not a PNG or JPEG image`);
  }
  const assets = { bodyFont: config.documentBodyFont ? loadBodyFont(config.documentBodyFont) : null, sealImage };
  cache.set(key, assets);
  return assets;
}
