/**
 * The OpenSearch description that lets a browser search the knowledge base from its address
 * bar: it names the search page, `/search/?q=…`, as the place a query lands.
 */
import { xmlText } from './xml';

export function openSearchDescription(input: { shortName: string; description: string; searchUrlTemplate: string; iconUrl: string; selfUrl: string }): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">',
    `  <ShortName>${xmlText(input.shortName)}</ShortName>`,
    `  <Description>${xmlText(input.description)}</Description>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    `  <Image type="image/svg+xml">${xmlText(input.iconUrl)}</Image>`,
    `  <Url type="text/html" method="get" template="${xmlText(input.searchUrlTemplate)}"/>`,
    `  <Url type="application/opensearchdescription+xml" rel="self" template="${xmlText(input.selfUrl)}"/>`,
    `  <moz:SearchForm>${xmlText(input.searchUrlTemplate.split('?')[0]!)}</moz:SearchForm>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}
