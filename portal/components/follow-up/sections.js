// @ts-check
// The sections of Uppföljning (issue 15): what happens to devices after delivery — returns from buffers, loans, deviation
// reports, recalls, a prescriber's own notes. Route segment, Swedish title, who may open it, and the screen; each
// section's screen lives in its own file under components/follow-up/ and is registered here with one entry.
import { isPrescriber, isStaff } from '../../lib/format.js';
// Issue 15, desk:
import { DeskNotesScreen } from './desk-notes-screen.js';
import { DeskDeviationsScreen } from './desk-deviations-screen.js';
// Issue 15, loans:
import { LoansSection } from './loans-section.js';
// Issue 15, recalls:
import { RecallsSection } from './recalls-section.js';
// Issue 15, returns:
import { ReturnsRegisterScreen } from './returns-register.js';
import { ReturnsStaffList } from './returns-staff-list.js';

/** @typedef {import('../../lib/types.d.ts').User} User */

/**
 * `for`: who may open the section — HMC staff, prescribers, or both (each then sees what their role allows).
 * @typedef {{ user: User, param: string | null, query: URLSearchParams }} SectionProps
 * @typedef {{
 *   id: string,
 *   title: string,
 *   summary: string,
 *   for: 'staff' | 'prescriber' | 'both',
 *   screen: (props: SectionProps) => unknown,
 * }} FollowUpSection
 */

/** @type {FollowUpSection[]} */
export const FOLLOW_UP_SECTIONS = [
  // Issue 15: one entry per section, appended in this block.
  // Issue 15, desk:
  {
    id: 'avvikelser',
    title: 'Avvikelser',
    summary: 'Avvikelse och reklamation: rapportera, följ HMC:s svar',
    for: 'both',
    screen: DeskDeviationsScreen,
  },
  {
    id: 'anteckningar',
    title: 'Mina anteckningar',
    summary: 'Egna anteckningar, fria eller om en brukare eller order',
    for: 'prescriber',
    screen: DeskNotesScreen,
  },
  // Issue 15, loans:
  {
    id: 'lan',
    title: 'Lån',
    summary:
      'Korttidslån och utprovningar som är försenade eller ska lämnas tillbaka snart: förläng eller gör permanent.',
    for: 'both',
    screen: LoansSection,
  },
  // Issue 15, recalls:
  {
    id: 'aterkallelser',
    title: 'Återkallelser',
    summary: 'Säkerhetsmeddelanden: spärra en artikel, följ upp varje innehavare och avsluta.',
    for: 'staff',
    screen: RecallsSection,
  },
  // Issue 15, returns:
  {
    id: 'retur',
    title: 'Retur av hjälpmedel',
    summary: 'Avregistrera en brukares förbrukningsartiklar till ert förråd; förrådets saldo och sparade artiklar.',
    for: 'prescriber',
    screen: ReturnsRegisterScreen,
  },
  {
    id: 'returer',
    title: 'Returer från förråd',
    summary: 'Förbrukningsartiklar som skickats tillbaka från förråden: ta emot i lager 10 eller kassera.',
    for: 'staff',
    screen: ReturnsStaffList,
  },
];

/**
 * @param {User} user
 * @param {FollowUpSection} section
 */
export function mayOpen(user, section) {
  if (section.for === 'staff') return isStaff(user);
  if (section.for === 'prescriber') return isPrescriber(user);
  return isStaff(user) || isPrescriber(user);
}

/** @param {User} user */
export function openSections(user) {
  return FOLLOW_UP_SECTIONS.filter((section) => mayOpen(user, section));
}
