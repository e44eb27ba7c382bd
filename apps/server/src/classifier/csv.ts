/**
 * An RFC 4180 reader: fields separated by a delimiter, records by CRLF or LF (or a lone CR), fields in double
 * quotes may hold delimiters, line breaks and doubled quotes. A leading byte-order mark is dropped. Lenient
 * where Excel and WPS exports are sloppy: a quote inside an unquoted field is kept as a character.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  // Whether the current field has any content yet: a quote opens a quoted field only at its very start.
  let started = false;
  const endField = () => {
    row.push(field);
    field = '';
    started = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !started) {
      quoted = true;
      started = true;
      i++;
    } else if (c === delimiter) {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      started = true;
      i++;
    }
  }
  if (quoted) throw new Error('a quoted field is not closed before the end of the file');
  // A last record without a line break; "a," ends with an empty field, a final line break adds no record.
  if (started || row.length) endRow();
  return rows;
}
