/** Builds the static search index (Pagefind) over both languages. */
export async function writeSearchIndex(_outDir: string): Promise<{ pages: number }> {
  return { pages: 0 };
}
