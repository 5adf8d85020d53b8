import { describe, expect, it } from 'vitest';
import {
  acceptsFileType,
  acceptsPurpose,
  DOCX_MIME,
  recordFileKinds,
  recordFilePurposesOf,
} from './record-files.js';

describe('record files', () => {
  it('each register takes its own purposes', () => {
    expect(acceptsPurpose('meeting', 'minutes')).toBe(true);
    expect(acceptsPurpose('meeting', 'photo')).toBe(true);
    expect(acceptsPurpose('disclosure', 'photo')).toBe(true);
    expect(acceptsPurpose('disclosure', 'minutes')).toBe(false);
    expect(acceptsPurpose('rules', 'text')).toBe(true);
    expect(acceptsPurpose('rules', 'photo')).toBe(false);
    for (const kind of recordFileKinds)
      expect(recordFilePurposesOf[kind].length).toBeGreaterThan(0);
  });

  it('photos are images; minutes and rules texts may be PDF', () => {
    expect(acceptsFileType('photo', 'image/jpeg')).toBe(true);
    expect(acceptsFileType('photo', 'application/pdf')).toBe(false);
    expect(acceptsFileType('minutes', 'application/pdf')).toBe(true);
    expect(acceptsFileType('text', 'application/pdf')).toBe(true);
    expect(acceptsFileType('text', 'application/zip')).toBe(false);
  });

  it('a rules text may be the Word document it was read from; minutes and photos may not', () => {
    expect(acceptsFileType('text', DOCX_MIME)).toBe(true);
    expect(acceptsFileType('minutes', DOCX_MIME)).toBe(false);
    expect(acceptsFileType('photo', DOCX_MIME)).toBe(false);
  });
});
