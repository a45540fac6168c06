import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ByteWriter } from './byte-writer.ts';
import { DtaRows } from './dta-rows.ts';
import { dtaColumn, STRL, type DtaColumn } from './dta-layout.ts';
import { clipBytes, fileNames } from './names.ts';
import type { NativeSource } from './native-export.ts';

const tag = (name: string) => Buffer.from(`<${name}>`);
const end = (name: string) => Buffer.from(`</${name}>`);

/**
 * A Stata 118 file (`help dta`) as chunks: header and map, the dictionary sections, the data
 * rows page by page, the strLs, the value labels. Everything before the data is known in advance
 * (row count and each text's longest value and strL bytes from the scan), so the map's offsets
 * are exact; strL records are kept in a temporary file while the rows go out (they follow the
 * data), so memory stays one page.
 */
export async function* dtaFile(source: NativeSource, fileLabel: string, now = new Date()): AsyncGenerator<Uint8Array> {
  const { variables, rows } = source;
  const columns = variables.map(dtaColumn);
  const names = fileNames(variables.map((variable) => variable.name), 32, 'stata');
  const rowSize = columns.reduce((sum, column) => sum + column.size, 0);
  const strlBytes = variables.reduce((sum, variable, index) => sum + (columns[index]!.type === STRL ? source.strlBytes.get(variable.column) ?? 0 : 0), 0);
  const labels = valueLabels(columns, names);

  const out = new ByteWriter();
  out.bytes('<stata_dta><header><release>118</release><byteorder>LSF</byteorder>');
  out.bytes('<K>').uint16(variables.length).bytes('</K><N>').uint64(rows).bytes('</N>');
  const label = clipText(fileLabel, 80, 320);
  out.bytes('<label>').uint16(label.length).bytes(label).bytes('</label>');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (value: number) => String(value).padStart(2, '0');
  const stamp = `${two(now.getUTCDate())} ${months[now.getUTCMonth()]} ${now.getUTCFullYear()} ${two(now.getUTCHours())}:${two(now.getUTCMinutes())}`;
  out.bytes('<timestamp>').uint8(stamp.length).bytes(stamp).bytes('</timestamp></header>');
  const offsets: number[] = [0, out.length];
  out.bytes('<map>');
  const mapAt = out.length;
  for (let index = 0; index < 14; index++) out.uint64(0);
  out.bytes('</map>');
  const section = (name: string, write: () => void) => {
    offsets.push(out.length);
    out.bytes(tag(name));
    write();
    out.bytes(end(name));
  };
  section('variable_types', () => columns.forEach((column) => out.uint16(column.type)));
  section('varnames', () => names.forEach((name) => out.fixed(name, 129, 0)));
  section('sortlist', () => { for (let index = 0; index <= variables.length; index++) out.uint16(0); });
  section('formats', () => columns.forEach((column) => out.fixed(column.format, 57, 0)));
  section('value_label_names', () => columns.forEach((column, index) => out.fixed(column.labels.length > 0 ? names[index]! : '', 129, 0)));
  section('variable_labels', () => variables.forEach((variable) => out.fixed(clipText(variable.label, 80, 320), 321, 0)));
  section('characteristics', () => undefined);
  const data = out.length;
  const strls = data + tag('data').length + rows * rowSize + end('data').length;
  const valueLabelsAt = strls + tag('strls').length + strlBytes + end('strls').length;
  const close = valueLabelsAt + labels.length;
  offsets.push(data, strls, valueLabelsAt, close, close + end('stata_dta').length);
  offsets.forEach((offset, index) => out.patchUint64(mapAt + 8 * index, offset));
  out.bytes(tag('data'));
  yield out.result();

  const folder = mkdtempSync(join(tmpdir(), 'trustlens-strl-'));
  const spool = openSync(join(folder, 'strls'), 'w+');
  try {
    const encoder = new DtaRows(variables, columns, rowSize);
    let written = 0;
    let spooled = 0;
    try {
      for await (const page of source.pages) {
        if (written + page.length > rows) throw new Error('More responses than counted: the .dta would be inconsistent.');
        const { data: bytes, strls: records } = encoder.page(page, written);
        written += page.length;
        if (records.length > 0) spooled += writeSync(spool, records, 0, records.length, spooled);
        yield bytes;
      }
    } finally {
      await source.pages.return(undefined);
    }
    if (written !== rows || spooled !== strlBytes) throw new Error(`The responses changed during the export (${written} of ${rows} rows, ${spooled} of ${strlBytes} strL bytes): download it again.`);
    yield Buffer.concat([end('data'), tag('strls')]);
    const chunk = Buffer.alloc(1 << 20);
    for (let position = 0; position < spooled;) {
      const read = readSync(spool, chunk, 0, chunk.length, position);
      position += read;
      yield Buffer.from(chunk.subarray(0, read));
    }
    yield Buffer.concat([end('strls'), labels, end('stata_dta')]);
  } finally {
    closeSync(spool);
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The <value_labels> section: one <lbl> per labelled variable, named like it. */
function valueLabels(columns: DtaColumn[], names: string[]): Buffer {
  const out = new ByteWriter();
  out.bytes(tag('value_labels'));
  columns.forEach((column, index) => {
    if (column.labels.length === 0) return;
    const entries = [...column.labels].sort((a, b) => a.value - b.value);
    const texts = entries.map(({ label }) => Buffer.concat([clipBytes(label, 32000), Buffer.from([0])]));
    const textLength = texts.reduce((sum, text) => sum + text.length, 0);
    out.bytes('<lbl>').int32(8 + 8 * entries.length + textLength).fixed(names[index]!, 129, 0).fixed('', 3, 0);
    out.int32(entries.length).int32(textLength);
    let offset = 0;
    for (const text of texts) { out.int32(offset); offset += text.length; }
    for (const { value } of entries) out.int32(value);
    for (const text of texts) out.bytes(text);
    out.bytes('</lbl>');
  });
  out.bytes(end('value_labels'));
  return out.result();
}

/** At most `characters` characters and `bytes` UTF-8 bytes (Stata counts both). */
function clipText(text: string, characters: number, bytes: number): Buffer {
  return clipBytes([...text].slice(0, characters).join(''), bytes);
}
