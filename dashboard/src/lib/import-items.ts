/** What the import page sends: one item per .txt file, per .jsonl line, or the pasted text. */
export interface ImportItem {
  label: string;
  text: string;
  filename?: string | null;
  url?: string | null;
  fetchedAt?: string | null;
  /** a line that could not be read */
  error?: string;
}

export function itemsFromFile(name: string, content: string): ImportItem[] {
  if (!/\.jsonl?$/i.test(name)) return [{ label: name, text: content, filename: name }];
  const out: ImportItem[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const label = `${name}:${i + 1}`;
    try {
      const v = JSON.parse(line) as { text?: unknown; filename?: unknown; url?: unknown; fetchedAt?: unknown };
      if (typeof v.text !== 'string') throw new Error('no "text" string');
      out.push({
        label: typeof v.filename === 'string' ? `${label} ${v.filename}` : label,
        text: v.text,
        filename: typeof v.filename === 'string' ? v.filename : null,
        url: typeof v.url === 'string' ? v.url : null,
        fetchedAt: typeof v.fetchedAt === 'string' ? v.fetchedAt : null,
      });
    } catch (e) {
      out.push({ label, text: '', error: `not a JSON line: ${(e as Error).message}` });
    }
  });
  return out;
}
