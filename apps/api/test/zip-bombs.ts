// Zip containers for tests of the upload limits: an honest one of a given size, and one that lies
// about the size its entry inflates to.
import yazl from 'yazl';

/** A zip whose entries inflate to `sizes` bytes each (zeros compress about a thousandfold). */
export async function zipOf(sizes: number[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  sizes.forEach((size, i) => zip.addBuffer(Buffer.alloc(size), `part${i}.xml`));
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A zip of one entry of `size` bytes whose directory declares it at 1 KB. */
export async function lyingZip(size: number): Promise<Buffer> {
  const bytes = await zipOf([size]);
  // the central directory record (PK\x01\x02) holds the uncompressed size at offset 24
  const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bytes.writeUInt32LE(1024, central + 24);
  return bytes;
}
