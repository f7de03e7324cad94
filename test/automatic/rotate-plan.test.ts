import { describe, expect, it } from 'vitest';
import { buildRotatePlan, rotatePlanLines, secretEndDate, secretsToRemove } from '../../src/automatic/rotate-plan.js';
import { loadLanguage } from '../../src/messages/index.js';

const app = {
  id: 'obj-1',
  appId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  displayName: 'SMTP alerts',
  passwordCredentials: [
    { keyId: 'old-1', hint: 'Qx8', endDateTime: '2027-01-31T00:00:00Z', displayName: 'smtp-oauth-setup' },
    { keyId: 'old-2', hint: null, endDateTime: null, displayName: null },
  ],
};
const now = new Date('2026-12-01T20:00:00.000Z');

describe('the rotation plan', () => {
  it('with --remove-old: every secret the app had before, never the new one', () => {
    const plan = buildRotatePlan({ app, months: 6, now, deliverTo: [{ kind: 'saved-config' }], removeOld: true, displayName: 'smtp-oauth-setup' });
    expect(plan.newSecret).toEqual({ displayName: 'smtp-oauth-setup', endDateTime: '2027-06-01T20:00:00.000Z' });
    expect(plan.remove.map((s) => s.keyId)).toEqual(['old-1', 'old-2']);
    expect(secretsToRemove(plan, 'old-2').map((s) => s.keyId)).toEqual(['old-1']);
    expect(secretsToRemove(plan, 'new').map((s) => s.keyId)).toEqual(['old-1', 'old-2']);
  });

  it('without --remove-old: nothing removed, the old ones said to stay', () => {
    const plan = buildRotatePlan({ app, months: 12, now, deliverTo: [{ kind: 'env-file', path: '/srv/.env' }], removeOld: false, displayName: 'x' });
    expect(plan.remove).toEqual([]);
    expect(secretsToRemove(plan, 'new')).toEqual([]);
    const lines = rotatePlanLines(plan);
    expect(lines.map((m) => m.id)).toEqual(['credentials.rotate.plan.app', 'credentials.rotate.plan.add', 'credentials.rotate.plan.deliver', 'credentials.rotate.plan.prove', 'credentials.rotate.plan.keep']);
    expect(lines[2]?.params).toEqual({ kind: 'env-file', path: '/srv/.env' });
  });

  it('the end date: the given number of months later', () => {
    expect(secretEndDate(new Date('2026-12-01T00:00:00Z'), 24).toISOString()).toBe('2028-12-01T00:00:00.000Z');
  });

  it.each(['en', 'de'] as const)('%s: the plan in words, the old secrets by keyId, hint and end date', async (lang) => {
    const r = await loadLanguage(lang);
    const plan = buildRotatePlan({ app, months: 6, now, deliverTo: [{ kind: 'saved-config' }, { kind: 'secret-file', path: '/run/secret' }], removeOld: true, displayName: 'smtp-oauth-setup' });
    expect(rotatePlanLines(plan).map((m) => r.render(m))).toMatchSnapshot();
  });
});
