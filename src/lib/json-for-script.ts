/**
 * JSON safe to place inside a <script> element: `<` is escaped so no value (a pattern title,
 * say) can close the element and start markup of its own.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
