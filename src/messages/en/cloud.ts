import { defineMessages } from '../define.js';

/** The Microsoft clouds' names, as the tool shows them (src/cloud.ts). */
export const cloudEn = defineMessages({
  'cloud.global.title': 'Microsoft 365 worldwide (also GCC)',
  'cloud.usgov.title': 'Microsoft 365 GCC High',
  'cloud.usgovdod.title': 'Microsoft 365 DoD',
  'cloud.china.title': 'Microsoft 365 operated by 21Vianet',
});
