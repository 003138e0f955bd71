// What order.list needs of every order to filter, count and check the care-provider boundary, kept in typed columns
// by order number: who placed it under which workplace, for whom, from which warehouse, on which day. These never
// change after placement. A prescriber's list after ten years is thousands of orders; counting them used to decode
// each packed row (issue 16). Strings are interned: each column holds a code into its own string list.
import type { Order } from '../../../schemas/orders.ts';
import { assert } from '../assert.ts';

const COLUMN_SLOTS_MIN = 1024;
/** No patient (a care-unit order). */
const NONE = -1;

/** Strings by code and codes by string, for one column. */
class Interned {
  readonly strings: string[] = [];
  private readonly codes = new Map<string, number>();

  find(value: string): number | undefined {
    return this.codes.get(value);
  }

  codeOf(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.strings.length;
      this.strings.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}

/** The head of one order: the fields order.list filters and bounds on, as the interned strings. */
export interface OrderHead {
  orderNo: number;
  prescriberId: string;
  workplaceId: string;
  customerNo: string;
  warehouse: string;
  /** The patient, or null for a care-unit order. */
  pnr: string | null;
  placedDate: string;
}

export class OrderHeads {
  private readonly prescribers = new Interned();
  private readonly workplaces = new Interned();
  private readonly customers = new Interned();
  private readonly warehouses = new Interned();
  private readonly patients = new Interned();
  private readonly dates = new Interned();
  private columns = new Int32Array(COLUMN_SLOTS_MIN * COLUMNS);
  private slots = 0;

  constructor(private readonly firstOrderNo: number) {}

  add(order: Order): void {
    const slot = order.orderNo - this.firstOrderNo;
    assert(slot >= 0, `order ${order.orderNo} is numbered from ${this.firstOrderNo}`);
    while ((slot + 1) * COLUMNS > this.columns.length) {
      const grown = new Int32Array(this.columns.length * 2);
      grown.set(this.columns);
      this.columns = grown;
    }
    const at = slot * COLUMNS;
    this.columns[at + PRESCRIBER] = this.prescribers.codeOf(order.prescriberId);
    this.columns[at + WORKPLACE] = this.workplaces.codeOf(order.workplaceId);
    this.columns[at + CUSTOMER] = this.customers.codeOf(order.customerNo);
    this.columns[at + WAREHOUSE] = this.warehouses.codeOf(order.warehouse);
    this.columns[at + PATIENT] = order.recipient.kind === 'patient' ? this.patients.codeOf(order.recipient.pnr) : NONE;
    this.columns[at + DATE] = this.dates.codeOf(order.placedDate);
    this.slots = Math.max(this.slots, slot + 1);
  }

  /**
   * A test of one list key on heads without building them: `keyed(field, value)(orderNo)` compares codes. A value no
   * order has matches nothing.
   */
  keyed(field: 'prescriberId' | 'pnr' | 'customerNo', value: string): (orderNo: number) => boolean {
    const [interned, column] =
      field === 'prescriberId'
        ? [this.prescribers, PRESCRIBER]
        : field === 'pnr'
          ? [this.patients, PATIENT]
          : [this.customers, CUSTOMER];
    const code = interned.find(value);
    if (code === undefined) return () => false;
    return (orderNo) => this.columns[(orderNo - this.firstOrderNo) * COLUMNS + column] === code;
  }

  /** The head of an order added before (the strings are shared, not copied). */
  of(orderNo: number): OrderHead {
    const slot = orderNo - this.firstOrderNo;
    assert(slot >= 0 && slot < this.slots, `order ${orderNo} has a head`);
    const at = slot * COLUMNS;
    const patient = this.columns[at + PATIENT];
    return {
      orderNo,
      prescriberId: this.prescribers.strings[this.columns[at + PRESCRIBER]],
      workplaceId: this.workplaces.strings[this.columns[at + WORKPLACE]],
      customerNo: this.customers.strings[this.columns[at + CUSTOMER]],
      warehouse: this.warehouses.strings[this.columns[at + WAREHOUSE]],
      pnr: patient === NONE ? null : this.patients.strings[patient],
      placedDate: this.dates.strings[this.columns[at + DATE]],
    };
  }
}

// Column offsets within a slot (one Int32Array, slot-major: an order's head is one cache line).
const PRESCRIBER = 0;
const WORKPLACE = 1;
const CUSTOMER = 2;
const WAREHOUSE = 3;
const PATIENT = 4;
const DATE = 5;
const COLUMNS = 6;
