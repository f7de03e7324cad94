import { describe, expect, it } from 'vitest';
import { cloudOfAuthorityHost } from '../src/cloud.js';

describe('cloudOfAuthorityHost', () => {
  it.each([
    ['https://login.microsoftonline.com', 'global'],
    ['login.microsoftonline.com', 'global'],
    ['LOGIN.MICROSOFTONLINE.COM:443', 'global'],
    ['https://login.partner.microsoftonline.cn/', 'china'],
  ])('%s → %s', (host, cloud) => {
    expect(cloudOfAuthorityHost(host)?.name).toBe(cloud);
  });

  it.each(['https://127.0.0.1:8443', 'a<b', 'x:99999', ''])('%s belongs to no cloud, without throwing', (host) => {
    expect(cloudOfAuthorityHost(host)).toBeUndefined();
  });
});
