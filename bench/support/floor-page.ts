/**
 * The floor a cold search is measured against: a page that does only what stock Pagefind's
 * documented API needs to show a first result, over the same build's index. Pagefind's
 * defaults throughout (its worker, no preloads, the query exactly as typed); the top five
 * results' data is loaded because a result cannot be shown without it.
 */

/** A path our site has no page at, served by the benchmark host beside the build. */
export const FLOOR_PATH = '/__floor__/';

/**
 * Sets `window.__count` (results found) and then `window.__firstResultMs`
 * (`performance.now()`, from navigation start) once the top results' data is loaded.
 * `lang="en"` makes Pagefind pick the same language index as our pages. The empty icon keeps
 * Chromium from asking for /favicon.ico, a 404 that is no part of a search.
 */
export const FLOOR_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Stock Pagefind</title></head>
<body>
<script type="module">
const q = new URLSearchParams(location.search).get('q') ?? '';
const pf = await import('/pagefind/pagefind.js');
await pf.init();
const r = await pf.search(q);
await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
window.__count = r.results.length;
window.__firstResultMs = performance.now();
</script>
</body>
</html>
`;
