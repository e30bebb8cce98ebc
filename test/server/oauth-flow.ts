/** A browser going through the install: /oauth/install → HubSpot's authorize page → /oauth/callback. */
export async function installThroughBrowser(
  serverUrl: string,
  portalId?: number,
): Promise<{ status: number; html: string; portalId: number | null }> {
  const install = await fetch(`${serverUrl}/oauth/install`, { redirect: 'manual' });
  if (install.status !== 302) throw new Error(`/oauth/install answered ${install.status}`);
  const authorize = new URL(install.headers.get('location') ?? '');
  // The sandbox's account picker: a person would choose the account; tests may name it.
  if (portalId !== undefined) authorize.searchParams.set('portal_id', String(portalId));
  const approved = await fetch(authorize, { redirect: 'manual' });
  if (approved.status !== 302) throw new Error(`authorize answered ${approved.status}`);
  const callback = await fetch(approved.headers.get('location') ?? '', { redirect: 'manual' });
  const html = await callback.text();
  const id = /data-portal-id="(\d+)"/.exec(html)?.[1];
  return { status: callback.status, html, portalId: id ? Number(id) : null };
}
