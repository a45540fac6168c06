import { SavCompressor } from './sav-data.ts';
import { savDictionary } from './sav-dictionary.ts';
import type { NativeSource } from './native-export.ts';

/** An SPSS system file as chunks: the dictionary, then the compressed cases page by page. */
export async function* savFile(source: NativeSource, fileLabel: string): AsyncGenerator<Uint8Array> {
  const { bytes, slots } = savDictionary(source.variables, fileLabel);
  yield bytes;
  const compressor = new SavCompressor(source.variables, slots);
  try {
    for await (const page of source.pages) {
      for (const row of page) compressor.row(row);
      yield compressor.take();
    }
  } finally {
    await source.pages.return(undefined);
  }
  yield compressor.finish();
}
