// @ts-check
// Hjälpmedelscentrum Halland's return address, printed on the return document: where the white return slip sends a
// returned device (the same address the seeded care unit "Hjälpmedelscentrum Halland" has).
export const HMC_RETURN_ADDRESS = {
  name: 'Hjälpmedelscentrum Halland',
  street: 'Kristian IV:s väg 30',
  postalCode: '302 50',
  city: 'Halmstad',
};
