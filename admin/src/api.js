// The admin API, with the token from the tab's session. Every failure becomes
// an ApiError with the server's own message (or a network error, thrown as is).

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `The server answered ${status}.`);
    this.status = status;
    this.body = body;
  }
}

async function call(session, method, path, body) {
  const response = await fetch(`/v1/admin/orgs/${encodeURIComponent(session.org)}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${session.token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const signIn = (session) => call(session, 'GET', '');
export const loadScript = (session, widget) => call(session, 'GET', `/scripts/${widget}`);
export const publish = (session, widget, version) => call(session, 'POST', `/scripts/${widget}/versions`, version);
export const makeLive = (session, widget, number) => call(session, 'PUT', `/scripts/${widget}/live`, { number });

// --- the organiser console: cafés, signups, the door, counts, history, figures ---

export const cafes = (session) => call(session, 'GET', '/cafes');
export const createCafe = (session, cafe) => call(session, 'POST', '/cafes', cafe);
export const updateCafe = (session, id, cafe) => call(session, 'PUT', `/cafes/${id}`, cafe);
export const signups = (session, cafe) => call(session, 'GET', `/signups?cafe=${cafe}&cancelled=true`);
export const deleteSignup = (session, id) => call(session, 'DELETE', `/signups/${id}`);
export const forget = (session, person) => call(session, 'POST', '/forget', person);
export const presence = (session, id, present, at) => call(session, 'PUT', `/signups/${id}/presence`, { present, at });
export const walkIns = (session, cafe) => call(session, 'GET', `/cafes/${cafe}/walk-ins`);
export const addWalkIn = (session, cafe, name, key) => call(session, 'POST', `/cafes/${cafe}/walk-ins`, { name, key });
export const attendance = (session) => call(session, 'GET', '/attendance');
export const adminLog = (session) => call(session, 'GET', '/log');
/** What people chose to share at the end of a scan, per month (only groups the server may show). */
export const figures = (session, widget) => call(session, 'GET', `/figures/${widget}`);

/** The signups of one café as the CSV file the server makes, as a Blob. */
export async function exportCsv(session, cafe) {
  const response = await fetch(`/v1/admin/orgs/${encodeURIComponent(session.org)}/signups.csv?cafe=${cafe}`, {
    headers: { authorization: `Bearer ${session.token}` },
    cache: 'no-store',
  });
  if (!response.ok) {
    let json = null;
    try { json = await response.json(); } catch (e) { json = null; }
    throw new ApiError(response.status, json);
  }
  return response.blob();
}
