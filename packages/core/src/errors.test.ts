import { describe, expect, it } from 'vitest';
import { CertplanError, isCertplanError } from './errors.ts';

describe('CertplanError', () => {
  it('carries its code, and a file problem its file, place and rule', () => {
    const error = new CertplanError('unreadable_source', 'invalid UTF-8 at byte 4', {
      file: 'raw/notes.md',
      place: { line: 2, column: 2 },
      ruleId: 'certplan:invalid-utf8',
    });
    expect({ ...error, message: error.message }).toMatchInlineSnapshot(`
      {
        "code": "unreadable_source",
        "details": undefined,
        "file": "raw/notes.md",
        "issues": undefined,
        "message": "invalid UTF-8 at byte 4",
        "name": "CertplanError",
        "place": {
          "column": 2,
          "line": 2,
        },
        "ruleId": "certplan:invalid-utf8",
      }
    `);
    expect(new CertplanError('internal', 'x').place).toBeNull();
  });

  it('isCertplanError tells codes apart and refuses other errors', () => {
    const config = new CertplanError('invalid_config', 'exams.yaml:1:1: expected a list');
    expect(isCertplanError(config)).toBe(true);
    expect(isCertplanError(config, 'invalid_config', 'invalid_content')).toBe(true);
    expect(isCertplanError(config, 'unreadable_source')).toBe(false);
    expect(isCertplanError(new Error('invalid_config'))).toBe(false);
    expect(isCertplanError({ code: 'invalid_config', message: 'look-alike' }, 'invalid_config')).toBe(false);
  });
});
