/**
 * A strict RFC 4180 reader for the export tests: records end in CRLF, quoted fields may hold
 * commas, quotes (doubled) and line breaks; anything else (a bare quote, a lone LF between
 * records, a missing final CRLF) is an error, so a sloppy writer cannot pass.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const fail = (what: string) => {
    throw new Error(`CSV: ${what} at character ${i}`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) fail('unclosed quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && !',\r\n'.includes(text[i]!)) {
        if (text[i] === '"') fail('quote inside an unquoted field');
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      fail('a record not ended by CRLF');
    }
  }
  if (row.length > 0) fail('a last record without CRLF');
  return rows;
}
