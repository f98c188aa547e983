import type { CertplanError } from '@certplan/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { decodeSourceBytes } from './decodeSourceBytes.ts';
import { detectFormat } from './detectFormat.ts';
import { buildDocument } from './document.ts';
import { limitTagDepth } from './limitTagDepth.ts';
import { parseSource } from './parseSource.ts';
import { isTitleLike } from './plainTextToMdast.ts';

describe('detectFormat', () => {
  it('detects by content, never by name', () => {
    expect(detectFormat('{"content":{"rendered":"<p>x</p>"}}')).toBe('wordpress');
    expect(detectFormat('  \n{"id": 1}')).toBe('wordpress');
    expect(detectFormat('---\ntitle: x\n---\n\nBody')).toBe('markdown');
    expect(detectFormat('# Title\n\nSome [link](https://example.com).')).toBe('markdown');
    expect(detectFormat('Professional Machine Learning Engineer\nLength: Two hours\n- Language: English\n')).toBe(
      'text',
    );
  });
});

describe('plain text', () => {
  it('makes short title-like lines headings, marker lines list items, and keeps labelled values as text', () => {
    const text =
      'Exams\n- Length: Two hours\n- Registration fee: $200\nRecertification\nYou may recertify 60 days before expiry.\n';
    const doc = buildDocument(parseSource(text, new VFile()).tree, (o) => o, null);
    expect(doc.blocks.map((b) => [b.kind, b.text, b.section])).toEqual([
      ['heading', 'Exams', []],
      ['listItem', 'Length: Two hours', ['Exams']],
      ['listItem', 'Registration fee: $200', ['Exams']],
      ['heading', 'Recertification', []],
      ['paragraph', 'You may recertify 60 days before expiry.', ['Recertification']],
    ]);
    expect(isTitleLike('Exam fee: $200')).toBe(false);
    expect(isTitleLike('Step 5: Schedule an exam')).toBe(true);
    expect(isTitleLike('Languages offered: English, Japanese')).toBe(false);
    expect(isTitleLike('Prerequisites')).toBe(true);
  });
});

describe('decodeSourceBytes', () => {
  it('refuses binary, invalid UTF-8, empty and oversized input with a position', () => {
    const reasons = [
      new Uint8Array([0x61, 0x0a, 0x62, 0x00]),
      new Uint8Array([0x61, 0x62, 0x0a, 0x63, 0xff]),
      new Uint8Array([0x20, 0x0a]),
      new Uint8Array(11),
    ].map((bytes) => {
      try {
        decodeSourceBytes(bytes, 10);
        return 'ok';
      } catch (error) {
        const e = error as CertplanError;
        return `${e.code} ${e.ruleId} ${e.place ? `${e.place.line}:${e.place.column}` : '-'} ${e.message}`;
      }
    });
    expect(reasons).toMatchInlineSnapshot(`
      [
        "unreadable_source certplan:binary 2:2 binary content (NUL byte at byte 3)",
        "unreadable_source certplan:invalid-utf8 2:2 invalid UTF-8 at byte 4",
        "unreadable_source certplan:empty - empty file",
        "unreadable_source certplan:too-large - source is 11 bytes, over the 10-byte limit for one article",
      ]
    `);
    expect(decodeSourceBytes(new TextEncoder().encode('\ufeffhello'))).toBe('hello');
  });
});

describe('limitTagDepth', () => {
  it('blanks tags beyond the limit and keeps text and offsets', () => {
    const html = '<div><div><div><b>deep</b></div></div></div>';
    const limited = limitTagDepth(html, 2);
    expect(limited.html).toHaveLength(html.length);
    expect(limited.html.replace(/\s+/g, ' ')).toBe('<div><div> deep </div></div>');
    expect(limited.firstDropped).toBe(10);
  });
});
