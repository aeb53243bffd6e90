/** Entry point of the search client, bundled to /search-client.js and loaded on demand. */
export { mountSearchBox } from './box';
export { mountSearchPage } from './search-page';
