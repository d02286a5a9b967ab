/** RFC 4180 reader for tests: quoted fields with doubled quotes, commas and line breaks; CRLF records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      [record, field] = [[], ''];
      i++;
    } else {
      field += ch;
    }
  }
  if (quoted || field !== '' || record.length) {
    throw new Error('CSV does not end with a complete CRLF-terminated record');
  }
  return records;
}

/** Records as objects keyed by the header row. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => {
    if (row.length !== header.length) {
      throw new Error(`a record has ${row.length} fields, the header ${header.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, row[i]]));
  });
}
