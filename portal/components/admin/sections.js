// @ts-check
// The sections of Administration (issue 14): route segment, Swedish title, who may open it, and the screen. Each
// section's screen lives in its own file under components/admin/ and is registered here with one line.
import { ArticlesScreen } from './articles-screen.js';
import { ChangeLogScreen } from './change-log-page.js';
import { ImportScreen } from './import-screen.js';
import { IsoTitlesScreen } from './iso-titles-screen.js';
import { LagerScreen } from './lager-page.js';
import { ReplacementChainsScreen } from './replacement-chains-screen.js';
import { RulesScreen } from './rules-screen.js';
import { SettingsScreen } from './settings-screen.js';
import { SuppliersScreen } from './suppliers-screen.js';
import { UsersScreen } from './users-screen.js';
// Issue 15, patient:
import { PayerRulesScreen } from './payer-rules-screen.js';
// Issue 15, desk:
import { DeskDeviationCountsScreen } from './desk-deviation-counts-screen.js';

/** @typedef {import('../../lib/types.d.ts').User} User */
/** @typedef {import('../../lib/routes.js').Route} Route */

/**
 * `readOnlyForStaff`: HMC staff (not admin) may open it and see everything, but every change is hidden from them
 * (the server refuses it with `forbidden` anyway).
 * @typedef {{ props: { user: User, param: string | null, query: URLSearchParams, readOnly: boolean } }} SectionProps
 * @typedef {{
 *   id: string,
 *   title: string,
 *   summary: string,
 *   readOnlyForStaff?: boolean,
 *   screen?: (props: SectionProps['props']) => unknown,
 * }} AdminSection
 */

/** @type {AdminSection[]} */
export const ADMIN_SECTIONS = [
  {
    id: 'artiklar',
    title: 'Artiklar',
    summary: 'Skapa och ändra artiklar, status och påverkan',
    readOnlyForStaff: true,
    screen: ArticlesScreen,
  },
  {
    id: 'kedjor',
    title: 'Ersättningskedjor',
    summary: 'Ersättare i båda riktningar med saldo',
    readOnlyForStaff: true,
    screen: ReplacementChainsScreen,
  },
  {
    id: 'iso',
    title: 'ISO 9999',
    summary: 'Klassificeringen med antal artiklar; svenska benämningar',
    readOnlyForStaff: true,
    screen: IsoTitlesScreen,
  },
  {
    id: 'leverantorer',
    title: 'Leverantörer',
    summary: 'Lista, skapa och ändra leverantörer',
    readOnlyForStaff: true,
    screen: SuppliersScreen,
  },
  {
    id: 'regler',
    title: 'Förskrivningsregler',
    summary: 'Yrke × ISO-klass, med effekt innan du sparar',
    screen: RulesScreen,
  },
  {
    id: 'lager',
    title: 'Lager',
    summary: 'Saldojustering, lagerhistorik, under miniminivå',
    readOnlyForStaff: true,
    screen: LagerScreen,
  },
  {
    id: 'anvandare',
    title: 'Användare och arbetsplatser',
    summary: 'Konton, roller, arbetsplatser, inaktiva konton',
    screen: UsersScreen,
  },
  {
    id: 'import',
    title: 'Katalogimport',
    summary: 'Läs in artiklar från CSV: provkörning, sedan verkställ',
    screen: ImportScreen,
  },
  {
    id: 'installningar',
    title: 'Inställningar',
    summary: 'Gränser för HMC:s flaggor i arbetsdagar',
    readOnlyForStaff: true,
    screen: SettingsScreen,
  },
  {
    id: 'andringslogg',
    title: 'Ändringslogg',
    summary: 'Alla administrativa ändringar: vem, när, före → efter',
    screen: ChangeLogScreen,
  },
  // Issue 15, patient:
  {
    id: 'betalare',
    title: 'Betalare',
    summary: 'Region eller kommun per ISO-kod (visas på brukarens hjälpmedel)',
    readOnlyForStaff: true,
    screen: PayerRulesScreen,
  },
  // Issue 15, desk:
  {
    id: 'avvikelser',
    title: 'Avvikelser per artikel',
    summary: 'Rapporterade avvikelser per artikel och typ',
    readOnlyForStaff: true,
    screen: DeskDeviationCountsScreen,
  },
];

/**
 * @param {{ roles: string[] }} user
 * @param {AdminSection} section
 */
export function mayOpen(user, section) {
  if (user.roles.includes('admin')) return true;
  return section.readOnlyForStaff === true && user.roles.includes('staff');
}

/** @param {{ roles: string[] }} user */
export function isAdmin(user) {
  return user.roles.includes('admin');
}
