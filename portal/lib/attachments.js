// @ts-check
// Work order attachments over HTTP (the WebSocket frame limit is far below a form's size): upload with the session
// token, download the same way (a plain link cannot carry the token, so the file is fetched and handed to the browser).
import { getToken } from './api.js';

export const ATTACHMENT_BYTES_MAX = 2 * 1024 * 1024;
export const ATTACHMENTS_MAX = 5;

/**
 * Uploads a File; resolves with { id, name, contentType, bytes } or rejects with a Swedish message.
 * @param {File} file
 * @returns {Promise<{ id: string }>}
 */
export async function uploadAttachment(file) {
  if (file.size > ATTACHMENT_BYTES_MAX) throw new Error(`${file.name} är större än 2 MB.`);
  const res = await fetch('/api/attachments', {
    method: 'POST',
    body: file,
    headers: {
      authorization: `Bearer ${getToken()}`,
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
    },
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error?.message ?? `Bilagan kunde inte laddas upp (${res.status}).`);
  return body;
}

/** @param {{ id: string, name: string }} attachment */
export async function downloadAttachment(attachment) {
  const res = await fetch(`/api/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${getToken()}` } });
  if (!res.ok) throw new Error(`Bilagan kunde inte hämtas (${res.status}).`);
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: attachment.name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
