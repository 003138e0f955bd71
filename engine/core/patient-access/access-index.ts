// The consent and emergency-access index: grants per patient (few each, newest last), every grant in order, and the
// next grant number.
import type { AccessGrant } from '../../../schemas/patient-access.ts';
import { pushTo } from '../keys.ts';

export interface AccessIndex {
  /** Every grant number, ascending. */
  all: number[];
  byPnr: Map<string, number[]>;
  nextGrantNo: number;
}

export function buildAccessIndex(grants: ReadonlyMap<number, AccessGrant>): AccessIndex {
  const index: AccessIndex = { all: [], byPnr: new Map(), nextGrantNo: 1 };
  for (const grantNo of [...grants.keys()].sort((a, b) => a - b)) indexGrant(index, grants.get(grantNo)!);
  return index;
}

export function indexGrant(index: AccessIndex, grant: AccessGrant): void {
  index.all.push(grant.grantNo);
  pushTo(index.byPnr, grant.pnr, grant.grantNo);
  if (grant.grantNo >= index.nextGrantNo) index.nextGrantNo = grant.grantNo + 1;
}
