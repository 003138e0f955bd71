// The parts of patient.get that make it the legacy "brukarinformation" (issue 15, patient): who pays for each device,
// Registrerade AO and Komponenter på väg. patientView (register-queries.ts) spreads these in with one line each, so
// the patient view stays one logged read.
import type { Person } from '../../../schemas/entities.ts';
import type { Acting } from '../patient-access/care-provider.ts';
import { type PayerView, payerOf } from '../payers/payer-rules.ts';
import type { State } from '../state.ts';
import { type ComponentsOnTheWay, componentsOnTheWay } from './components-on-the-way.ts';
import { type PatientWorkOrders, patientWorkOrders } from './work-orders-of.ts';

export interface PatientOverview {
  workOrders: PatientWorkOrders;
  componentsOnTheWay: ComponentsOnTheWay;
}

export function patientOverview(state: State, person: Person, acting: Acting | undefined): PatientOverview {
  return {
    workOrders: patientWorkOrders(state, person.pnr, acting),
    componentsOnTheWay: componentsOnTheWay(state, person.pnr, acting),
  };
}

/** The payer of a device of `isoCode` the person holds (also for sale articles shown on the patient view). */
export function devicePayer(state: State, isoCode: string, person: Person): PayerView {
  return payerOf(state.payerRules, isoCode, person);
}
