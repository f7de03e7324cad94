import type { Translations } from '../define.js';
import type { cloudEn } from '../en/cloud.js';

export const cloudDe: Translations<typeof cloudEn> = {
  'cloud.global.title': 'Microsoft 365 weltweit (auch GCC)',
  'cloud.usgov.title': 'Microsoft 365 GCC High',
  'cloud.usgovdod.title': 'Microsoft 365 DoD',
  'cloud.china.title': 'Microsoft 365, betrieben von 21Vianet',
};
