/**
 * The public channels a document names (pipelines/extract/matchers/commitments.ts contacts): e-mail addresses,
 * found whole, also after a long run of the characters an address is made of (garbled text, an inline image's
 * base64 in a web page), which the pattern reads once, from where the run starts.
 */
import { describe, expect, it } from 'vitest';
import { contacts } from '../../pipelines/extract/matchers/commitments.ts';
import { prepare } from '../../pipelines/normalize/doc.ts';

const emails = (text: string) =>
  contacts(prepare(text))
    .filter((c) => c.channel === 'email')
    .map((c) => c.value);

describe('e-mail addresses', () => {
  it('are found whole, at a line’s start or after Chinese text', () => {
    expect(emails('swj@wzs.gov.cn\n意见请发送至邮箱 sw_office@163.com。')).toEqual([
      'swj@wzs.gov.cn',
      'sw_office@163.com',
    ]);
  });

  it('are found after a run of 40,000 letters without an @, and a run that ends in one is one address', () => {
    expect(emails(`${'a'.repeat(40_000)} 联系邮箱：x@y.cn`)).toEqual(['x@y.cn']);
    expect(emails(`${'b'.repeat(40_000)}@y.cn`)).toEqual([`${'b'.repeat(40_000)}@y.cn`]);
  });
});
