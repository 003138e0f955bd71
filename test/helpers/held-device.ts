// A device (individual) that some Halmstad patient holds in the seeded data, found through the API as a user would.
import type { DeviceView, PersonView } from '../../engine/core/register-queries.ts';
import type { TestClient } from './ws-client.ts';

export async function heldDevice(client: TestClient): Promise<{ holder: PersonView; device: DeviceView }> {
  const { hits } = await client.call('register.search', { text: 'Halmstad', limit: 100 });
  for (const holder of hits) {
    const device = (await client.call('patient.get', { pnr: holder.pnr })).devices[0];
    if (device !== undefined) return { holder, device };
  }
  throw new Error('no Halmstad patient in the seed holds a device');
}
