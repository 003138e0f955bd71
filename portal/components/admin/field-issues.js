// @ts-check
// Field-level errors of an admin form from an `invalid_request` reply: zod's issues name the field by path
// (`supplier.name`); each field gets the form's own Swedish sentence, so no English schema text reaches the screen.

/**
 * @param {unknown} failure  an ApiError (or anything thrown)
 * @param {Record<string, string>} sentences  field name → the Swedish sentence to show under it
 * @returns {Record<string, string>}  field → sentence, for the fields the reply names
 */
export function fieldErrors(failure, sentences) {
  const { code, issues } = /** @type {{ code?: string, issues?: unknown }} */ (failure ?? {});
  /** @type {Record<string, string>} */
  const out = {};
  if (code !== 'invalid_request' || !Array.isArray(issues)) return out;
  for (const issue of issues) {
    const path = /** @type {{ path?: unknown[] }} */ (issue).path ?? [];
    const field = String(path[path.length - 1] ?? '');
    if (Object.hasOwn(sentences, field)) out[field] = sentences[field];
  }
  return out;
}
