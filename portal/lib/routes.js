// Hash routes of the portal: parsing `location.hash` and building links (ISO codes keep their spaces, url-encoded).

/** '#/katalog/12%2006' → { name: 'katalog', code: '12 06' } */
export function parseRoute(hash) {
  const path = String(hash ?? '').replace(/^#/, '');
  const parts = path.split('/').filter((part) => part !== '');
  const decode = (part) => {
    try { return decodeURIComponent(part); } catch { return part; }
  };
  if (parts.length === 0) return { name: 'start' };
  if (parts[0] === 'katalog' && parts.length <= 2) {
    const code = parts[1] === undefined ? null : decode(parts[1]).trim().replace(/\s+/g, ' ');
    return { name: 'katalog', code };
  }
  if (parts[0] === 'artikel' && parts.length === 2) return { name: 'artikel', artNo: decode(parts[1]) };
  return { name: 'notfound', path };
}

export const href = {
  start: () => '#/',
  katalog: (code) => (code ? `#/katalog/${encodeURIComponent(code)}` : '#/katalog'),
  artikel: (artNo) => `#/artikel/${encodeURIComponent(artNo)}`,
};
